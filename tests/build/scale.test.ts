/**
 * The site at 20,000 synthetic events (issue #20: headroom for more cities, more years or a
 * national rollout), built from a copy of the project with the fixture content plus
 * `npm run generate -- 20000`:
 * - one HTML page per event (its poster is the same page, ?poster), and the rest of the site
 *   does not grow page by page with the events;
 * - no HTML page over 300 KB: month and city lists are paginated, embeds and feeds are windows;
 * - city and county calendar feeds hold only their rolling window;
 * - events have their own search index: a first search downloads under 150 KB and offers the
 *   events, which one tap searches too.
 * Bytes and counts only, never time (npm run bench measures time).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'astro';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, useBrowser } from '../browser/browser.ts';
import { inFeedWindow } from '../../src/lib/events/window.ts';
import { TEST_DAYS } from '../days.ts';
import { copyEnv, copyTestProject, TEST_CONTENT } from '../test-site.ts';

const EVENTS = 20_000;
const PORT = 4431;
/** What a first search may download at this size (issue #20), gzip-equivalent. */
const FIRST_SEARCH = 150 * 1024;
const browser = useBrowser();
let stop: (() => Promise<void>) | undefined;
/** The largest HTML page allowed at 20,000 events. */
const MAX_PAGE = 300 * 1024;
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'wujin-scale-'));
const site = join(work, 'site');
const eventsDir = join(work, 'events');
const out = join(work, 'dist');
let html: string[] = [];
let ids: string[] = [];

beforeAll(() => {
  copyTestProject(root, site);
  const gen = spawnSync(process.execPath, [join(root, 'scripts/generate-events.ts'), String(EVENTS), '--out', eventsDir], { cwd: root, encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  // The fixture's own events come along: its cases refer to them.
  cpSync(join(root, TEST_CONTENT, 'events'), join(eventsDir, 'site'), { recursive: true });
  const built = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
    cwd: site,
    encoding: 'utf8',
    env: copyEnv(TEST_DAYS.build, { EVENTS_DIR: eventsDir, SITE_DEMO: '1' }),
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(built.status, built.stderr.slice(-3000)).toBe(0);
  const indexed = spawnSync(process.execPath, [join(root, 'scripts/search-index.ts'), out], { cwd: site, encoding: 'utf8' });
  expect(indexed.status, indexed.stderr).toBe(0);
  html = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  ids = (readdirSync(eventsDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) =>
      f
        .split('/')
        .at(-1)!
        .replace(/\.yaml$/u, ''),
    );
}, 600_000);

afterAll(async () => {
  await stop?.();
  rmSync(work, { recursive: true, force: true });
});

describe(`the site at ${EVENTS.toLocaleString('en')} events`, () => {
  it('has one HTML page per event, and its other pages do not grow with the events', () => {
    expect(ids.length).toBeGreaterThan(EVENTS);
    const perEvent = new Map<string, string[]>();
    for (const f of html) {
      const m = /^events\/([^/]+)\//u.exec(f);
      if (m) perEvent.set(m[1]!, [...(perEvent.get(m[1]!) ?? []), f]);
    }
    const wrong = ids.filter((id) => perEvent.get(id)?.join() !== `events/${id}/index.html`);
    expect(wrong.slice(0, 10)).toEqual([]);
    // Everything else: lists, month and county pages, policies… (about 1,100 at this size).
    const others = html.length - ids.length;
    console.log(`${html.length} HTML pages: ${ids.length} events, ${others} others`);
    expect(others).toBeLessThan(EVENTS / 10);
  });

  it(`has no HTML page over ${MAX_PAGE / 1024} KB`, () => {
    const sizes = html.map((f) => ({ f, size: statSync(join(out, f)).size })).sort((a, b) => b.size - a.size);
    console.log(
      `largest pages: ${sizes
        .slice(0, 5)
        .map((s) => `${s.f} ${(s.size / 1024).toFixed(0)} KB`)
        .join(', ')}`,
    );
    expect(sizes.filter((s) => s.size > MAX_PAGE).map((s) => `${s.f}: ${s.size} B`)).toEqual([]);
    // A month really is split: its later pages exist and the first links to the second.
    const month = readFileSync(join(out, 'events/2026-09/index.html'), 'utf8');
    expect(month).toMatch(/<a href="\/events\/2026-09\/2\/" rel="next">/u);
    expect(html).toContain('events/2026-09/2/index.html');
  });

  it('keeps city and county feeds to their rolling window', () => {
    const now = new Date(TEST_DAYS.build);
    const when = new Map<string, { start: string; end: string }>();
    for (const f of readdirSync(eventsDir, { recursive: true }) as string[]) {
      if (!f.endsWith('.yaml')) continue;
      const text = readFileSync(join(eventsDir, f), 'utf8');
      const field = (k: string) => new RegExp(`^${k}: "?([^"\\n]+)"?$`, 'mu').exec(text)?.[1] ?? '';
      when.set(
        f
          .split('/')
          .at(-1)!
          .replace(/\.yaml$/u, ''),
        { start: field('start'), end: field('end') },
      );
    }
    const feeds = (readdirSync(join(out, 'calendar'), { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ics') && !/^(all|\d{4}-\d{2})\.ics$/u.test(f),
    );
    expect(feeds.length).toBe(13 + 95);
    const outside: string[] = [];
    let entries = 0;
    for (const f of feeds) {
      for (const [, id] of readFileSync(join(out, 'calendar', f), 'utf8').matchAll(/^UID:([^@\r\n]+)@/gmu)) {
        entries += 1;
        const e = when.get(id!);
        if (!e || !inFeedWindow(e, now)) outside.push(`${f}: ${id}`);
      }
    }
    expect(outside.slice(0, 5)).toEqual([]);
    // The windows hold something: about two months of a year at this build day.
    expect(entries).toBeGreaterThan(EVENTS / 10);
  });

  it('searches the site’s pages first (under 150 KB) and the events when asked', async () => {
    const server = await preview({ root: site, outDir: out, logLevel: 'error', server: { port: PORT, host: '127.0.0.1' } });
    stop = () => server.stop();
    const s = await openSession(browser(), {}, `http://127.0.0.1:${PORT}`);
    const files: { url: string; gzip: number }[] = [];
    s.page.on('response', async (r) => {
      const url = new URL(r.url());
      if (!/^\/pagefind(-events)?\//u.test(url.pathname)) return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      files.push({ url: url.pathname, gzip: Math.min(body.length, gzipSync(body).length) });
    });
    const status = s.page.locator('[data-search-status]');
    await s.page.goto(`http://127.0.0.1:${PORT}/search/?q=${encodeURIComponent('车展')}`);
    await status.filter({ hasText: /找到|没有找到/u }).waitFor();
    await s.page.waitForLoadState('networkidle');
    const first = files.reduce((n, f) => n + f.gzip, 0);
    console.log(`first search: ${files.length} files, ${first} B gzip; ${await status.innerText()}`);
    expect(first).toBeLessThanOrEqual(FIRST_SEARCH);
    expect(files.filter((f) => f.url.startsWith('/pagefind-events/'))).toEqual([]);
    const before = Number(/找到 (\d+) 个/u.exec(await status.innerText())?.[1] ?? 0);

    const button = s.page.getByRole('button', { name: /^也在 20,\d{3} 场活动里搜索“车展”$/u });
    await button.click();
    await s.page.locator('[data-search-results] a[href^="/events/"]').first().waitFor();
    await status.filter({ hasText: /找到/u }).waitFor();
    const after = Number(/找到 (\d+) 个/u.exec(await status.innerText())?.[1] ?? 0);
    console.log(`with the events: ${files.length} files, ${files.reduce((n, f) => n + f.gzip, 0) - first} B more; ${await status.innerText()}`);
    expect(after).toBeGreaterThan(before);
    expect(files.some((f) => f.url.startsWith('/pagefind-events/'))).toBe(true);
    // One copy of Pagefind's code serves both indexes.
    expect(
      files
        .filter((f) => /pagefind\.js$|\.pagefind$/u.test(f.url))
        .map((f) => f.url)
        .sort(),
    ).toEqual(['/pagefind/pagefind.js', '/pagefind/wasm.unknown.pagefind']);
    expect(await button.isHidden()).toBe(true);
    await s.context.close();
  });
});
