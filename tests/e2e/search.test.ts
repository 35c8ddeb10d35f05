/**
 * The search page in Chromium: what one query costs (bytes, layout shift), best bets, filters,
 * paging, event labels, the header form and the page without JavaScript.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, openSession, SHOTS, useBrowser } from './browser.ts';

const browser = useBrowser();

/** Byte budget of Pagefind's files for a visitor's first query, gzip-equivalent (issue #12). */
const FIRST_QUERY_BUDGET = 100 * 1024;

async function searchDone(page: Page): Promise<void> {
  await page.locator('[data-search-status]').filter({ hasText: /找到|没有找到|不可用/u }).waitFor();
}

/** Every /pagefind/ file the page fetched, with its raw and gzip sizes. */
function recordPagefind(page: Page): { files: { url: string; raw: number; gzip: number }[] } {
  const record = { files: [] as { url: string; raw: number; gzip: number }[] };
  page.on('response', async (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/pagefind/')) return;
    const body = await r.body().catch(() => Buffer.alloc(0));
    record.files.push({ url: url.pathname, raw: body.length, gzip: Math.min(body.length, gzipSync(body).length) });
  });
  return record;
}

describe('what one search costs', () => {
  for (const q of ['以旧换新', '车展', '南京']) {
    it(`a first search for ${q} downloads at most ${FIRST_QUERY_BUDGET / 1024} KB of search files (gzip)`, async () => {
      const s = await openSession(browser());
      const rec = recordPagefind(s.page);
      await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent(q)}`);
      await searchDone(s.page);
      await s.page.waitForLoadState('networkidle');
      const gzip = rec.files.reduce((n, f) => n + f.gzip, 0);
      const raw = rec.files.reduce((n, f) => n + f.raw, 0);
      console.log(`${q}: ${rec.files.length} search files, ${raw} B raw, ${gzip} B gzip`);
      for (const f of [...rec.files].sort((a, b) => b.gzip - a.gzip)) console.log(`  ${f.gzip} B  ${f.url}`);
      expect(gzip).toBeLessThanOrEqual(FIRST_QUERY_BUDGET);
      await s.context.close();
    });
  }

  it('a page that is not the search page loads no search files', async () => {
    const s = await openSession(browser());
    const rec = recordPagefind(s.page);
    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    await s.page.waitForLoadState('networkidle');
    expect(rec.files).toEqual([]);
    await s.context.close();
  });

  for (const width of [360, 1280]) {
    it(`results do not shift the page at ${width} px (layout shift 0)`, async () => {
      const s = await openSession(browser(), { viewport: { width, height: width === 360 ? 740 : 800 } });
      await s.page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!e.hadRecentInput) w.__cls += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('以旧换新')}`);
      await searchDone(s.page);
      await s.page.waitForLoadState('networkidle');
      await s.page.waitForTimeout(300);
      const cls = await s.page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      await s.page.screenshot({ path: `${SHOTS}/search-${width}.png`, fullPage: true });
      expect(cls).toBe(0);
      await s.context.close();
    });
  }
});
