/**
 * Showcase cases, feeds and the media page in the built site: listing and filter pages without
 * JavaScript, a case page's demo marking, figures, citation, share card and canonical address,
 * the RSS feeds read by a real feed parser, per-city downloads, and the demo switch.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, openSession, SHOTS, useBrowser } from './browser.ts';

const browser = useBrowser();
const DEMO_CASES = readdirSync('tests/fixtures/site/cases/demo')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/u, ''));
const ONE = 'demo-nanjing-jianye-community';

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('case pages', () => {
  it('there are at least eight demonstration cases', () => {
    expect(DEMO_CASES.length).toBeGreaterThanOrEqual(8);
  });

  it('/cases/ lists every case, each marked 示例, with the demo notice, and filters are real links', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/cases/`);
    const cards = s.page.locator('.case-card');
    expect(await cards.count()).toBe(DEMO_CASES.length);
    for (let i = 0; i < (await cards.count()); i++) expect(await cards.nth(i).locator('.demo-badge').innerText()).toBe('示例');
    expect(await s.page.locator('main .notice-box').innerText()).toContain('不是真实案例');
    await s.page.getByRole('link', { name: /南京市（1）/u }).click();
    expect(new URL(s.page.url()).pathname).toBe('/cases/city/nanjing/');
    expect(await s.page.locator('.case-card').count()).toBe(1);
    await s.page.getByRole('link', { name: /进社区（/u }).click();
    expect(new URL(s.page.url()).pathname).toBe('/cases/scene/community/');
    expect(await s.page.locator('.case-card a').first().getAttribute('href')).toBe(`/cases/${ONE}/`);
    await s.page.goto(`${baseUrl()}/cases/city/suqian/`);
    expect(await s.page.locator('.empty').innerText()).toContain('暂时还没有发布典型案例');
    await s.context.close();
  });

  it('a case page: 示例 everywhere, figures say 示例数据, pictures have alt text, canonical and share card', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/cases/${ONE}/`);
    expect(await s.page.locator('h1 .demo-badge').innerText()).toBe('示例');
    expect(await s.page.locator('main .notice-box').first().innerText()).toContain('不是真实统计');
    const rows = s.page.locator('.case-figures tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await rows.count()); i++) expect(await rows.nth(i).innerText()).toContain('示例数据');
    const img = s.page.locator('.case__figure img');
    expect((await img.getAttribute('alt'))?.length).toBeGreaterThan(8);
    expect(await img.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/u);
    expect(await s.page.locator('link[rel=canonical]').getAttribute('href')).toBe(new URL(`/cases/${ONE}/`, 'http://localhost:4321').href);
    const og = await s.page.locator('meta[property="og:image"]').getAttribute('content');
    expect(og).toBe(new URL(`/cases/${ONE}/share.png`, 'http://localhost:4321').href);
    expect(await s.page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    const png = new Uint8Array(await (await fetch(`${baseUrl()}/cases/${ONE}/share.png`)).arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(await s.page.locator('a[href="/events/demo-nanjing-06/"]').count()).toBe(1);
    await s.page.screenshot({ path: `${SHOTS}/case-1280.png`, fullPage: true });
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('how to cite: GB/T 7714 form with the reader’s date, and the copy button copies it', async () => {
    const s = await openSession(browser());
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    await s.page.goto(`${baseUrl()}/cases/${ONE}/`);
    const text = await s.page.locator('[data-cite-text]').innerText();
    expect(text).toBe(
      `江苏省商务厅. 【示例】社区车展把以旧换新讲到家门口[EB/OL]. (2026-06-15)[2026-11-27]. ${new URL(`/cases/${ONE}/`, 'http://localhost:4321').href}.`,
    );
    await s.page.getByRole('button', { name: '复制引用格式' }).click();
    await s.page.locator('[data-cite-status]').filter({ hasText: '已复制' }).waitFor();
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await s.context.close();
  });

  it('the city page and the home page show the cases', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/cities/nanjing/`);
    expect(await s.page.locator(`#city-cases-heading ~ .case-list a[href="/cases/${ONE}/"]`).count()).toBe(1);
    await s.page.goto(`${baseUrl()}/`);
    expect(await s.page.locator('#latest-cases-heading ~ .case-list .case-card').count()).toBe(3);
    await s.context.close();
  });

  for (const width of [360, 1280]) {
    it(`/cases/, a case and /media/ fit ${width} px`, async () => {
      const s = await openSession(browser(), { viewport: { width, height: 800 } });
      for (const path of ['/cases/', `/cases/${ONE}/`, '/media/']) {
        await s.page.goto(baseUrl() + path);
        expect(await s.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
        await s.page.screenshot({ path: `${SHOTS}/${width}${path.replace(/\//gu, '_')}.png`, fullPage: true });
      }
      await s.context.close();
    });
  }
});

describe('feeds', () => {
  const parser = new Parser();

  it('/cases/rss.xml is RSS 2.0 with every case, 示例 in demo titles, absolute links and dates', async () => {
    const xml = await (await fetch(`${baseUrl()}/cases/rss.xml`)).text();
    expect(xml).toMatch(/<rss version="2.0">/u);
    const feed = await parser.parseString(xml);
    expect(feed.items).toHaveLength(DEMO_CASES.length);
    for (const item of feed.items) {
      expect(item.title).toMatch(/^【示例】/u);
      expect(item.link).toMatch(/^http:\/\/localhost:4321\/cases\/demo-[a-z-]+\/$/u);
      expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
    }
  });

  it('/rss.xml has events, cases and policy changes, newest first, and every page links both feeds', async () => {
    const feed = await parser.parseString(await (await fetch(`${baseUrl()}/rss.xml`)).text());
    expect(feed.items.length).toBeGreaterThan(DEMO_CASES.length);
    expect(feed.items.length).toBeLessThanOrEqual(100);
    const categories = new Set(feed.items.flatMap((i) => i.categories ?? []));
    expect([...categories].sort()).toEqual(['政策', '案例', '活动'].sort());
    const dates = feed.items.map((i) => Date.parse(i.pubDate ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of feed.items.filter((i) => i.link?.includes('/demo-'))) expect(item.title).toContain('示例');
    const html = await (await fetch(`${baseUrl()}/notice/`)).text();
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="本站更新（活动、案例、政策）" href="/rss.xml">');
    expect(html).toContain('href="/cases/rss.xml"');
  });
});

describe('media page and downloads', () => {
  it('/media/ has the press contact placeholder, the demo statement and working download links', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/media/`);
    expect(await s.page.locator('#contact + p').innerText()).toContain('待公布');
    expect(await s.page.locator('#demo + .notice-box').innerText()).toContain('示例');
    const links = await s.page.locator('main a[href^="/data/"], main a[href$="rss.xml"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of new Set(links)) expect((await fetch(baseUrl() + href)).status, href).toBe(200);
    await s.context.close();
  });

  it('each city’s CSV has a BOM, safe cells and twelve months; its events CSV and JSON agree', async () => {
    for (const city of ['nanjing', 'suqian']) {
      const bytes = new Uint8Array(await (await fetch(`${baseUrl()}/data/cities/${city}.csv`)).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
      expect(lines[0]).toBe('city_code,city,month,plan_city_level,plan_county_level,published_events');
      expect(lines).toHaveLength(13);
      const events = new TextDecoder()
        .decode(new Uint8Array(await (await fetch(`${baseUrl()}/data/cities/${city}-events.csv`)).arrayBuffer()).slice(3))
        .trim()
        .split('\r\n');
      expect(events.slice(1).every((l) => !/(^|,)[=+\-@]/u.test(l))).toBe(true);
      const json = (await (await fetch(`${baseUrl()}/data/cities/${city}.json`)).json()) as { plan: { rows: unknown[] }; events: { city: string }[] };
      expect(json.plan.rows).toHaveLength(12);
      expect(json.events).toHaveLength(events.length - 1);
    }
  });
});

describe('the demo switch for cases', () => {
  const root = resolve('.');
  const work = mkdtempSync(join(tmpdir(), 'wujin-cases-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('SITE_DEMO=0 removes every demo case from pages, feeds, images and the search index', () => {
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
    for (const name of ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'pagefind.yml'])
      cpSync(join(root, name), join(work, name), { recursive: true });
    const out = join(work, 'dist');
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_DEMO: '0' };
    const built = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], { cwd: work, encoding: 'utf8', env });
    expect(built.status, built.stderr).toBe(0);
    const indexed = spawnSync(process.execPath, [join(root, 'scripts/search-index.ts'), out], { cwd: work, encoding: 'utf8', env });
    expect(indexed.status, indexed.stderr).toBe(0);
    const files = readdirSync(out, { recursive: true }) as string[];
    expect(files.filter((f) => /^cases\/demo-/u.test(f))).toEqual([]);
    // What this part of the site writes (the events pages have their own test in build-validation).
    const ours = /^(cases\/|media\/|about\/|search\/|rss\.xml|index\.html|data\/cities\/|cities\/[a-z]+\/index\.html|policies\/calculator\/poster\/)/u;
    const text = files.filter((f) => ours.test(f) && /\.(html|json|csv|xml)$/u.test(f));
    expect(text.length).toBeGreaterThan(40);
    expect(text.filter((f) => readFileSync(join(out, f), 'utf8').includes('示例'))).toEqual([]);
    expect(readFileSync(join(out, 'cases/index.html'), 'utf8')).toContain('暂时还没有发布典型案例');
    expect(readFileSync(join(out, 'cases/rss.xml'), 'utf8')).not.toContain('<item>');
    expect(existsSync(join(out, 'events/demo-nanjing-01/poster/index.html'))).toBe(false);
    // No case picture is published: the demo images are used by demo cases only.
    expect(files.filter((f) => /^_astro\/(community|enterprise|campus|hospital|organ|rural|commercial|tourism)\./u.test(f))).toEqual([]);
    // The search index holds no demonstration text either (fragments are gzip JSON).
    const fragments = readdirSync(join(out, 'pagefind/fragment')).map((f) => gunzipSync(readFileSync(join(out, 'pagefind/fragment', f))).toString('utf8'));
    expect(fragments.filter((f) => /"url":"\/cases\//u.test(f) && f.includes('示例'))).toEqual([]);
  }, 600_000);
});
