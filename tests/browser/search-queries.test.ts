/**
 * The query list (tests/fixtures/search-queries.ts) against the built search index, in Chromium,
 * the way a visitor searches: /search/?q=… . For each query, one of the expected pages must be
 * among the first three things shown (best bets first, then Pagefind's results). The pass rate
 * is written to test-results/search-queries.json for the record.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SEARCH_QUERIES } from '../fixtures/search-queries.ts';
import { baseUrl, openSession, useBrowser, type Session } from './browser.ts';

const browser = useBrowser();

/** The pages shown, in order: best bets, then results (each marked data-search-hit). */
async function shownPaths(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    let links = [...document.querySelectorAll<HTMLAnchorElement>('[data-search-hit]')];
    // The search page before best bets: a plain list of result links.
    if (links.length === 0) links = [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] li > a')];
    return links.map((a) => new URL(a.href).pathname);
  });
}

/** Waits until the search has finished: the status says how many pages were found. */
async function searchDone(page: Page): Promise<void> {
  await page
    .locator('[data-search-status]')
    .filter({ hasText: /找到|没有找到|不可用/u })
    .waitFor();
}

const outcomes: { q: string; kind: string; pass: boolean; top: string[]; expect: string[] }[] = [];
let session: Session | undefined;

afterAll(async () => {
  await session?.context.close();
  const passed = outcomes.filter((o) => o.pass).length;
  const summary = {
    total: outcomes.length,
    passed,
    rate: outcomes.length ? Math.round((passed / outcomes.length) * 1000) / 10 : 0,
    failures: outcomes.filter((o) => !o.pass),
  };
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/search-queries.json', `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`search queries: ${passed}/${outcomes.length} (${summary.rate}%) have an expected page in the top 3`);
});

describe('search answers what people type', () => {
  it('the list has at least 60 queries of every kind', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(SEARCH_QUERIES.map((c) => c.kind)).size).toBe(6);
  });

  it.each(SEARCH_QUERIES.map((c) => [c.q, c] as const))('%s', async (_q, c) => {
    session ??= await openSession(browser());
    const { page } = session;
    await page.goto(`${baseUrl()}/search/?q=${encodeURIComponent(c.q)}`);
    await searchDone(page);
    const top = (await shownPaths(page)).slice(0, 3);
    const pass = top.some((p) => c.expect.includes(p));
    outcomes.push({ q: c.q, kind: c.kind, pass, top, expect: c.expect });
    expect(pass, `top 3: ${top.join(' ')}; expected one of: ${c.expect.join(' ')}`).toBe(true);
  });
});
