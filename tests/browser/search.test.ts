/**
 * The search page in Chromium: what one query costs (bytes, layout shift), best bets, filters,
 * paging, event labels, the header form and the page without JavaScript.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, openSession, SHOTS, useBrowser } from './browser.ts';

const browser = useBrowser();

/** Byte budget of Pagefind's files for a visitor's first query, gzip-equivalent (issue #12). */
const FIRST_QUERY_BUDGET = 100 * 1024;

async function searchDone(page: Page): Promise<void> {
  await page
    .locator('[data-search-status]')
    .filter({ hasText: /找到|没有找到|不可用/u })
    .waitFor();
}

/** Every /pagefind/ file the page fetched, with its raw and gzip sizes. */
function recordPagefind(page: Page): { files: { url: string; raw: number; gzip: number }[] } {
  const record = { files: [] as { url: string; raw: number; gzip: number }[] };
  page.on('response', async (r) => {
    const url = new URL(r.url());
    if (!/^\/pagefind(-events)?\//u.test(url.pathname)) return;
    const body = await r.body().catch(() => Buffer.alloc(0));
    record.files.push({ url: url.pathname, raw: body.length, gzip: Math.min(body.length, gzipSync(body).length) });
  });
  return record;
}

describe('what is in the index', () => {
  it('every page marked data-pagefind-body is in the index (one index: the fixture has fewer than 3,000 events), and no poster', () => {
    const dist = process.env.E2E_DIST ?? 'dist';
    const marked = (readdirSync(dist, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.html') && readFileSync(join(dist, f), 'utf8').includes('data-pagefind-body'),
    );
    expect(marked.some((f) => f.includes('poster'))).toBe(false);
    expect(marked.filter((f) => /^events\/[^/]+\/index\.html$/u.test(f)).length).toBeGreaterThan(12);
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(marked.length);
    expect(existsSync(join(dist, 'pagefind-events'))).toBe(false);
  });
});

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
      // Painted: two animation frames after the last change, so any layout shift is recorded.
      await s.page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      const cls = await s.page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      await s.page.screenshot({ path: `${SHOTS}/search-${width}.png`, fullPage: true });
      expect(cls).toBe(0);
      await s.context.close();
    });
  }
});

describe('the search page', () => {
  it('the header search on any page is a plain form that works without JavaScript', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/notice/`);
    await s.page.getByLabel('搜索本站').fill('贴息');
    await s.page.getByRole('search', { name: '全站搜索' }).getByRole('button', { name: '搜索' }).click();
    await s.page.waitForURL(/\/search\/\?q=/u);
    expect(new URL(s.page.url()).searchParams.get('q')).toBe('贴息');
    // Without JavaScript: a site index by section, never a dead end.
    expect(await s.page.locator('[data-search-index] h3').allInnerTexts()).toEqual(
      expect.arrayContaining(['活动', '政策', '计算器', '案例', '计划', '通知', '数据']),
    );
    expect(await s.page.locator('[data-search-index] a[href="/policies/credit/"]').count()).toBe(1);
    await s.context.close();
  });

  it('a best bet comes first, results say their section, and “more results” loads the next five', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('补贴')}`);
    await searchDone(s.page);
    const items = s.page.locator('[data-search-results] > li');
    const before = await items.count();
    expect(before).toBeGreaterThan(1);
    expect(await s.page.locator('.search-hit__meta .search-hit__tag').first().innerText()).toMatch(/^(通知|政策|计算器|活动|案例|计划|数据|本站)$/u);
    expect(await s.page.locator('[data-search-status]').innerText()).toMatch(/找到 \d+ 个/u);
    await s.page.getByRole('button', { name: '显示更多结果' }).click();
    await s.page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length > n, before);
    expect((await items.count()) - before).toBeLessThanOrEqual(5);
    await s.context.close();
  });

  it('a "when" question is answered with the dates in the answer itself', async () => {
    const s = await openSession(browser());
    for (const q of ['补贴什么时候截止', '以旧换新截止日期']) {
      await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent(q)}`);
      await searchDone(s.page);
      const first = s.page.locator('[data-search-results] > li').first();
      expect(await first.locator('a').getAttribute('href'), q).toBe('/policies/trade-in/');
      // The purchase window and the application deadline, as sentences, not just a link.
      expect(await first.locator('.search-hit__excerpt').innerText(), q).toMatch(
        /^\d{4}年汽车以旧换新补贴：购车时间\d{4}年\d+月\d+日—\d{4}年\d+月\d+日；申请截止日/u,
      );
    }
    await s.context.close();
  });

  it('周末看车 opens the events list already filtered to this weekend', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('周末看车')}`);
    await searchDone(s.page);
    const first = s.page.locator('[data-search-results] > li').first().locator('a');
    expect(await first.getAttribute('href')).toBe('/events/?when=weekend');
    await first.click();
    await s.page.waitForURL(/\/events\/\?when=weekend/u);
    await s.page
      .locator('[data-filter-count]')
      .filter({ hasText: /本周末/u })
      .waitFor();
    await s.context.close();
  });

  it('filters by section and city narrow the results and go into the address', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('汽车')}`);
    await searchDone(s.page);
    await s.page.locator('#search-city').selectOption('suzhou');
    await s.page.waitForURL(/city=suzhou/u);
    await s.page
      .locator('[data-search-status]')
      .filter({ hasText: /找到|没有找到/u })
      .waitFor();
    await s.page.waitForFunction(() => !document.querySelector('[data-search-status]')?.textContent?.includes('正在'));
    const cities = await s.page.locator('[data-search-results] .search-hit__meta').allInnerTexts();
    expect(cities.length).toBeGreaterThan(0);
    for (const c of cities) expect(c).toContain('苏州市');
    await s.page.locator('#search-section').selectOption('案例');
    await s.page.waitForURL(/section=/u);
    await s.page.waitForFunction(() => !document.querySelector('[data-search-status]')?.textContent?.includes('正在'));
    for (const t of await s.page.locator('[data-search-results] .search-hit__tag').allInnerTexts()) expect(t).toBe('案例');
    // The menus say how many results each choice has.
    expect(await s.page.locator('#search-section option[value="活动"]').innerText()).toMatch(/活动（\d+）/u);
    await s.context.close();
  });

  it('an event result shows its date and 已结束 or 即将举办 by the visitor’s clock', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('南京汽车主题展')}`);
    await searchDone(s.page);
    const hit = s.page.locator('[data-search-results] > li', { has: s.page.locator('a[href="/events/demo-nanjing-01/"]') });
    expect(await hit.locator('.search-hit__meta').innerText()).toContain('2026年1月3日—4日');
    expect(await hit.locator('.search-hit__state').innerText()).toBe('已结束');
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('江宁汽车促消费进机关')}`);
    await searchDone(s.page);
    const next = s.page.locator('[data-search-results] > li', { has: s.page.locator('a[href="/events/demo-nanjing-05/"]') });
    expect(await next.locator('.search-hit__state').innerText()).toBe('即将举办');
    await s.context.close();
  });

  it('across all results, not only those loaded together: events still on first, then ended ones, cancelled last', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('新能源汽车下乡')}&section=${encodeURIComponent('活动')}`);
    await searchDone(s.page);
    const more = s.page.getByRole('button', { name: '显示更多结果' });
    for (let i = 0; i < 10 && (await more.isVisible()); i++) {
      const n = await s.page.locator('[data-search-results] > li').count();
      await more.click();
      await s.page.waitForFunction((k) => document.querySelectorAll('[data-search-results] > li').length > k, n);
    }
    const states = await s.page.locator('[data-search-results] > li .search-hit__state').allInnerTexts();
    const rank: Record<string, number> = { 即将举办: 0, 正在举办: 0, 已结束: 1, 已取消: 2 };
    expect(states.length).toBeGreaterThan(5);
    expect(new Set(states)).toEqual(new Set(['即将举办', '已结束', '已取消']));
    const ranks = states.map((t) => rank[t]);
    expect(ranks, states.join(' ')).toEqual([...ranks].sort((a, b) => a! - b!));
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('a question finds pages by its topic words, and nothing found suggests where to go', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('贷款买车贴息怎么申请')}`);
    await searchDone(s.page);
    expect(await s.page.locator('[data-search-hit]').first().getAttribute('href')).toBe('/policies/credit/');
    await s.page.goto(`${baseUrl()}/search/?q=${encodeURIComponent('qwxyzpt')}`);
    await searchDone(s.page);
    expect(await s.page.locator('[data-search-status]').innerText()).toContain('没有找到');
    const suggest = s.page.locator('[data-search-suggest]');
    expect(await suggest.isVisible()).toBe(true);
    for (const href of ['/events/', '/policies/calculator/', '/policies/trade-in/']) expect(await suggest.locator(`a[href="${href}"]`).count(), href).toBe(1);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });
});
