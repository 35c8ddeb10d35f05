import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, openSession, SHOTS, useBrowser } from './browser.ts';

const browser = useBrowser();
const PHONE = { viewport: { width: 360, height: 740 } };

const cardsIn = (sel: string) => `${sel} [data-event]`;
const idsOf = (page: Page, sel: string) => page.locator(cardsIn(sel)).evaluateAll((els) => els.map((e) => e.getAttribute('data-event')!));

/** Rectangles of a locator's elements, in page coordinates. */
const rects = (l: Locator) =>
  l.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, cls: e.className };
    }),
  );

/** Every event marker and cluster (and the seats asked for) lies inside the visible map. */
async function outsideMap(page: Page, seats = '.map-seat:not(.map-seat--county) .map-seat__dot'): Promise<string[]> {
  const [map] = await rects(page.locator('[data-map-canvas]'));
  // A pin's box is its 44 px hit area; what a reader sees is the 18 px dot in its middle.
  const pins = (await rects(page.locator('.leaflet-marker-icon:not(.map-seat)'))).map((r) =>
    String(r.cls).includes('map-pin') ? { ...r, left: r.left + 13, top: r.top + 13, right: r.right - 13, bottom: r.bottom - 13 } : r,
  );
  const icons = [...pins, ...(seats ? await rects(page.locator(seats)) : [])];
  expect(icons.length).toBeGreaterThan(0);
  return icons
    .filter((r) => r.left < map!.left || r.top < map!.top || r.right > map!.right || r.bottom > map!.bottom)
    .map((r) => `${r.cls} ${Math.round(r.left)},${Math.round(r.top)}`);
}

const settled = (page: Page) => page.locator('[data-event-map][data-ready]').waitFor();
/** The map is loaded and no longer moving (data-moving is set between Leaflet's movestart and moveend), and painted. */
const still = async (page: Page) => {
  await page.locator('[data-event-map][data-ready]:not([data-moving])').waitFor();
  await nextFrames(page);
};
/** Two animation frames: whatever the last change laid out has been painted (and any layout shift recorded). */
const nextFrames = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

describe('/events/', () => {
  it('filters by city and month instantly, reflects it in the URL, and the URL reproduces it', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.locator('#f-city').selectOption('nanjing');
    await s.page.locator('#f-month').selectOption('2026-12');
    await s.page.locator('[data-filter-count]').filter({ hasText: '找到' }).waitFor();
    const ids = await idsOf(s.page, '[data-filter-results]');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.includes('nanjing'))).toBe(true);
    const url = new URL(s.page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ city: 'nanjing', month: '2026-12' });
    expect(await s.page.locator('[data-static-list]').first().isHidden()).toBe(true);

    const again = await openSession(browser());
    await again.page.goto(url.href);
    await again.page.locator('[data-filter-count]').filter({ hasText: '找到' }).waitFor();
    expect(await idsOf(again.page, '[data-filter-results]')).toEqual(ids);
    expect(await again.page.locator('#f-city').inputValue()).toBe('nanjing');
    await s.context.close();
    await again.context.close();
  });

  it('an empty filter says so and shows the plan for that city and month', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/?city=wuxi&month=2026-06&type=hospital`);
    await s.page.locator('[data-filter-count]').filter({ hasText: '找到 0 场' }).waitFor();
    expect(await s.page.locator('[data-filter-results] .empty').innerText()).toBe(
      '没有符合条件的活动。 无锡市6月计划市级1场、县区0场，活动发布后会出现在这里。',
    );
    await s.context.close();
  });

  it('本周末 (today is Friday 27 November 2026) gives the fair on 28—29 November, as a link and as a URL', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.getByRole('link', { name: '本周末', exact: true }).click();
    await s.page.locator('[data-filter-count]').filter({ hasText: '找到' }).waitFor();
    expect(await idsOf(s.page, '[data-filter-results]')).toEqual(['demo-yangzhou-47']);
    expect(await s.page.locator('[data-filter-count]').innerText()).toContain('本周末（11月28日—29日）');
    expect(new URL(s.page.url()).searchParams.get('when')).toBe('weekend');
    expect(await s.page.locator('#f-when').inputValue()).toBe('weekend');
    await s.page.goto(`${baseUrl()}/events/?city=yangzhou&when=weekend`);
    await s.page.locator('[data-filter-count]').filter({ hasText: '找到 1 场' }).waitFor();
    await s.page.goto(`${baseUrl()}/events/?city=nanjing&when=weekend`);
    await s.page.locator('[data-filter-count]').filter({ hasText: '找到 0 场' }).waitFor();
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('a date range gives every event on those days, including weekend fairs that began the day before', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.locator('#f-from').fill('2026-12-06');
    await s.page.locator('#f-to').fill('2026-12-12');
    await s.page.locator('#f-to').dispatchEvent('change');
    await s.page.locator('[data-filter-count]').filter({ hasText: '12月6日—12日' }).waitFor();
    const ids = await idsOf(s.page, '[data-filter-results]');
    expect(new Set(ids)).toEqual(
      new Set([
        // 5—6 December, still on on the 6th:
        'demo-suqian-60',
        'demo-taizhou-55',
        'demo-xuzhou-12',
        'demo-zhenjiang-50',
        // 12 December (one of them runs on to the 13th):
        'demo-suzhou-24',
        'demo-xuzhou-15',
        'demo-changzhou-20',
      ]),
    );
    expect(Object.fromEntries(new URL(s.page.url()).searchParams)).toEqual({ from: '2026-12-06', to: '2026-12-12' });
    await s.context.close();
  });

  it('without JavaScript, city, month and city × month pages filter; every demo card says 示例', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/events/`);
    expect(await s.page.locator('[data-filters]').isHidden()).toBe(true);
    expect(await s.page.getByRole('link', { name: '本周末', exact: true }).isHidden()).toBe(true);
    await s.page.getByRole('link', { name: '12月（16场）' }).click();
    expect(new URL(s.page.url()).pathname).toBe('/events/2026-12/');
    const months = await s.page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-month')));
    expect(months.length).toBe(16);
    expect(new Set(months)).toEqual(new Set(['2026-12']));
    expect(await s.page.locator('.progress-line').first().innerText()).toMatch(/^全省：12月 计划市级2场、县区33场；已发布\d+场$/u);
    await s.page.goto(`${baseUrl()}/cities/suzhou/`);
    const cities = await s.page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')));
    expect(new Set(cities)).toEqual(new Set(['suzhou']));
    const titles = await s.page.locator('[data-event] h3').allInnerTexts();
    expect(titles.every((t) => t.startsWith('示例'))).toBe(true);
    await s.page.goto(`${baseUrl()}/cities/suzhou/2026-12/`);
    const cityMonth = await s.page
      .locator('[data-event]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-city')} ${e.getAttribute('data-month')}`));
    expect(cityMonth).toEqual(['suzhou 2026-12', 'suzhou 2026-12']);
    await s.context.close();
  });

  it('past events say 已结束 wherever they are listed', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/cities/suzhou/`);
    const past = s.page.locator('[data-event="demo-suzhou-23"]');
    expect(await past.locator('.event-card__status').innerText()).toBe('已结束');
    await s.page.goto(`${baseUrl()}/events/demo-suzhou-23/`);
    expect(await s.page.locator('[data-event-state]').innerText()).toContain('本活动已结束');
    await s.context.close();
  });
});

describe('near me', () => {
  it('choosing a city and county opens its page: its own events, then nearby ones, never the whole province', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.locator('#near-city').selectOption('suzhou');
    await s.page.locator('#near-county').selectOption('kunshan');
    await s.page.getByRole('button', { name: '查看附近活动' }).click();
    await s.page.waitForURL('**/cities/suzhou/kunshan/');
    expect(await s.page.locator('h1').innerText()).toBe('昆山市附近的活动');
    const own = await s.page
      .locator('#in-county ~ [data-event], section:has(#in-county) [data-event]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-county')));
    expect(own).toEqual(['suzhou-kunshan']);
    expect(await s.page.locator('section:has(#in-county) .event-card__km').innerText()).toBe('在昆山市');
    // Every card on the page is either in Kunshan or within the radius.
    const all = await s.page
      .locator('[data-event]')
      .evaluateAll((els) => els.map((e) => ({ county: e.getAttribute('data-county'), km: e.getAttribute('data-km') })));
    expect(all.every((c) => c.county === 'suzhou-kunshan' || Number(c.km) <= 50)).toBe(true);
    expect(await s.page.getByText('0.0 公里').count()).toBe(0);
    await s.context.close();
  });

  it('a county page lists nearby events sorted by distance and within 50 km (广陵区 at 360 px)', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/cities/yangzhou/hanjiang/`);
    const cards = s.page.locator('[data-nearby] [data-event]');
    const km = await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-km'))));
    expect(km.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < km.length; i++) expect(km[i]).toBeGreaterThanOrEqual(km[i - 1]!);
    expect(km.every((k) => k <= 50)).toBe(true);
    const shown = (await s.page.locator('[data-nearby] .event-card__km').allInnerTexts()).map((t) => Number(/约 ([\d.]+) 公里/u.exec(t)?.[1] ?? NaN));
    expect(shown.every((k) => k > 0 && k <= 50)).toBe(true);
    expect(await s.page.locator('[data-nearby] [data-county="yangzhou-hanjiang"]').count()).toBe(0);
    // The county's feed, to subscribe to.
    expect(await s.page.locator('.feed-box code').innerText()).toMatch(/^https?:\/\/[^/]+\/calendar\/yangzhou\/hanjiang\.ics$/u);
    await s.page.screenshot({ path: `${SHOTS}/county-hanjiang-360.png`, fullPage: true });
    await s.context.close();
  });

  it('the browser location (mocked) lists upcoming events within 50 km by distance and marks the nearest', async () => {
    const s = await openSession(browser(), { geolocation: { latitude: 32.3942, longitude: 119.4129 }, permissions: ['geolocation'] });
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.getByRole('button', { name: '用我的位置' }).click();
    await s.page.locator('[data-near-results] [data-event]').first().waitFor();
    const first = s.page.locator('[data-near-results] .event-card').first();
    expect(await first.locator('.event-card__flag').innerText()).toBe('离您最近的即将举办活动');
    expect(await first.getAttribute('data-event')).toContain('yangzhou');
    const values = (await s.page.locator('[data-near-results] .event-card__km').allInnerTexts()).map((t) => Number(/约 ([\d.]+) 公里/u.exec(t)?.[1] ?? 0.5));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values.every((k) => k <= 50)).toBe(true);
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it('a denied location falls back to choosing a county, with a clear message', async () => {
    const s = await openSession(browser(), { permissions: [] });
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.getByRole('button', { name: '用我的位置' }).click();
    await s.page.locator('[data-near-status]').filter({ hasText: '位置' }).waitFor();
    expect(await s.page.locator('[data-near-status]').innerText()).toContain('请选择您所在的设区市和县（市、区）查找');
    await s.context.close();
  });
});

describe('a filter shows its answer', () => {
  it("arriving with a filter (a county page's 本周末) puts the count on screen; nothing found offers the next event there and the nearest ones, with dates", async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    await s.page.goto(`${baseUrl()}/events/?city=suzhou&county=suzhou-kunshan&when=weekend`);
    const count = s.page.locator('[data-filter-count]');
    await count.filter({ hasText: /找到 0 场活动/u }).waitFor();
    const alt = s.page.locator('[data-alternatives]');
    await alt.waitFor();
    const box = (await count.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(await alt.locator('h3').first().innerText()).toBe('昆山市接下来的一场');
    const cards = alt.locator('.event-card');
    expect(await cards.count()).toBeGreaterThan(1);
    for (const t of await alt.locator('.event-card time').allInnerTexts()) expect(t).toMatch(/^\d{4}年\d+月\d+日/u);
    expect(await alt.locator('.event-card__km').first().innerText()).toMatch(/^距昆山市政府驻地约 \d+/u);
    expect(await alt.innerText()).not.toContain('已取消');
    await s.page.screenshot({ path: `${SHOTS}/360_filter_no_results.png` });
    await s.context.close();
  });

  it('choosing 本周末 on /events/ brings the count line into view', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.locator('[data-quick="weekend"]').first().click();
    const count = s.page.locator('[data-filter-count]');
    await count.filter({ hasText: /本周末/u }).waitFor();
    // The page brings the count line into view once the answer is on the page.
    await s.page.waitForFunction(() => {
      const r = document.querySelector('[data-filter-count]')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    const box = (await count.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await s.context.close();
  });
});

describe('/map/ on a 360 px phone', () => {
  it('loads without moving anything, with every marker and seat inside the map, and no outside request', async () => {
    const s = await openSession(browser(), PHONE);
    await s.context.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      const shifts: string[] = [];
      (window as unknown as { __shifts: string[] }).__shifts = shifts;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
          if (e.hadRecentInput) continue;
          w.__cls += e.value;
          for (const src of e.sources) shifts.push(src.node instanceof Element ? `${src.node.tagName}.${src.node.className}` : String(src.node?.nodeName));
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await s.page.goto(`${baseUrl()}/map/`);
    await settled(s.page);
    expect(await s.page.locator('[data-map-status]').innerText()).toBe('地图上显示 17 场即将举办的活动（含示例活动）。');
    expect(await outsideMap(s.page)).toEqual([]);
    expect(await s.page.locator('.map-seat:not(.map-seat--county)').count()).toBe(13);
    expect(await s.page.locator('.map-legend li').count()).toBeGreaterThanOrEqual(4);
    // The scale bar is not covered by any caption.
    const [scale] = await rects(s.page.locator('.leaflet-control-scale'));
    for (const r of await rects(s.page.locator('.leaflet-control-attribution'))) expect(r.left >= scale!.right || r.bottom <= scale!.top).toBe(true);
    await still(s.page);
    const cls = await s.page.evaluate(() => ({
      value: (window as unknown as { __cls: number }).__cls,
      sources: (window as unknown as { __shifts: string[] }).__shifts,
    }));
    expect(cls).toEqual({ value: 0, sources: [] });
    expect(s.outside).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.page.locator('.event-map').screenshot({ path: `${SHOTS}/map-360.png` });
    await s.context.close();
  });

  it('filtering to 苏州 · 昆山 · 12月 zooms to the result; the list follows and opens the popup inside the map', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/map/`);
    await settled(s.page);
    await s.page.locator('.map-filters summary').click();
    await s.page.locator('#m-city').selectOption('suzhou');
    await s.page.locator('#m-county').selectOption('suzhou-kunshan');
    await s.page.locator('#m-month').selectOption('2026-12');
    await s.page.locator('[data-map-status]').filter({ hasText: '地图上显示 1 场活动' }).waitFor();
    await s.page.locator('.map-filters summary').click();
    expect(Object.fromEntries(new URL(s.page.url()).searchParams)).toEqual({ city: 'suzhou', county: 'suzhou-kunshan', month: '2026-12' });
    expect(await s.page.locator('[data-map-filter-summary]').innerText()).toBe('苏州市 · 昆山市 · 12月');
    await still(s.page);
    expect(await outsideMap(s.page, '')).toEqual([]);
    expect(
      await s.page.evaluate(() => document.querySelector<HTMLElement>('.leaflet-container')!.querySelectorAll('.map-seat--county').length),
    ).toBeGreaterThan(0);
    await s.page.locator('.event-map').screenshot({ path: `${SHOTS}/map-360-kunshan-12.png` });

    // On a phone the list is a view of its own, not a scroll box beside the map.
    await s.page.getByRole('button', { name: /^列表/u }).click();
    expect(await s.page.locator('[data-map-canvas]').isHidden()).toBe(true);
    const items = s.page.locator('[data-map-list] .map-list__item');
    expect(await items.count()).toBe(1);
    // Nothing more to show: no 再显示 button (it once stayed on screen saying 再显示 -49 场).
    expect(await s.page.locator('[data-map-more]').isVisible()).toBe(false);
    expect(await s.page.locator('[data-map-list]').innerText()).not.toMatch(/-\d/u);
    expect(await items.first().locator('a').innerText()).toBe('【示例】昆山汽车促消费进企业');
    const show = items.first().getByRole('button', { name: '在地图上看' });
    await show.click();
    const popup = s.page.locator('.leaflet-popup');
    await popup.waitFor();
    await still(s.page);
    const [map] = await rects(s.page.locator('[data-map-canvas]'));
    const [p] = await rects(popup);
    expect(p!.left).toBeGreaterThanOrEqual(map!.left);
    expect(p!.right).toBeLessThanOrEqual(map!.right);
    expect(p!.top).toBeGreaterThanOrEqual(map!.top);
    expect(p!.bottom).toBeLessThanOrEqual(map!.bottom);
    // The popup leaves the zoom buttons free, and they say 放大 / 缩小.
    const [zoom] = await rects(s.page.locator('.leaflet-control-zoom'));
    expect(p!.left >= zoom!.right || p!.top >= zoom!.bottom, 'popup over the zoom buttons').toBe(true);
    expect(await s.page.locator('.leaflet-control-zoom-in').getAttribute('aria-label')).toBe('放大');
    expect(await s.page.locator('.leaflet-control-zoom-out').getAttribute('aria-label')).toBe('缩小');
    expect(await s.page.locator('.leaflet-popup-content').innerText()).toContain('示例');
    expect(await s.page.evaluate(() => document.activeElement?.closest('.leaflet-popup') !== null)).toBe(true);
    await s.page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached' });
    expect(await s.page.evaluate(() => document.activeElement?.closest('[data-event]')?.getAttribute('data-event'))).toBe('demo-suzhou-24');
    await s.page.locator('.event-map').screenshot({ path: `${SHOTS}/map-360-kunshan-list.png` });
    await s.context.close();
  });

  it('a city far west (徐州, 沛县) stays inside the map; every popup opened from the list stays inside', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/map/?city=xuzhou&when=all`);
    await settled(s.page);
    expect(await s.page.locator('[data-map-status]').innerText()).toBe('地图上显示 5 场活动（含示例活动）。');
    expect(await outsideMap(s.page, '')).toEqual([]);
    await s.page.getByRole('button', { name: /^列表/u }).click();
    const titles = await s.page.locator('[data-map-list] .map-list__title').allInnerTexts();
    expect(titles).toHaveLength(5);
    expect(titles.every((t) => t.startsWith('【示例】'))).toBe(true);
    expect(await s.page.locator('[data-map-list] .map-list__state').allInnerTexts()).toContain('已结束');
    for (let i = 0; i < 5; i++) {
      // The list follows the map: bring all five back into view first.
      const all = s.page.locator('[data-map-fit]');
      if (await all.isVisible()) await all.click();
      const item = s.page.locator('[data-map-list] .map-list__item').nth(i);
      const id = await item.getAttribute('data-event');
      await item.getByRole('button', { name: '在地图上看' }).click();
      const popup = s.page.locator('.leaflet-popup');
      await popup.waitFor();
      await still(s.page);
      const [map] = await rects(s.page.locator('[data-map-canvas]'));
      const [p] = await rects(popup);
      expect(p!.left >= map!.left && p!.right <= map!.right && p!.top >= map!.top && p!.bottom <= map!.bottom, `popup ${i}`).toBe(true);
      await s.page.keyboard.press('Escape');
      await popup.waitFor({ state: 'detached' });
      // Back in the list, on the item the popup was opened from.
      expect(await s.page.evaluate(() => document.activeElement?.closest('[data-event]')?.getAttribute('data-event'))).toBe(id);
    }
    await s.context.close();
  });

  it('each new filter moves the map to its own results (苏州, then 徐州, then 盐城)', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/map/`);
    await settled(s.page);
    await s.page.locator('.map-filters summary').click();
    for (const [city, n] of [
      ['suzhou', 2],
      ['xuzhou', 2],
      ['yancheng', 1],
    ] as const) {
      await s.page.locator('#m-city').selectOption(city);
      await s.page
        .locator('[data-map-status]')
        .filter({ hasText: `地图上显示 ${n} 场` })
        .waitFor();
      await expect.poll(() => s.page.locator('.leaflet-marker-icon.map-pin').count()).toBe(n);
      expect(await outsideMap(s.page, ''), city).toEqual([]);
    }
    await s.context.close();
  });

  it('a filter chosen at once after the last, with its popup still open, draws its own markers', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/map/`);
    await settled(s.page);
    await s.page.locator('.map-filters summary').click();
    const pins = s.page.locator('.leaflet-marker-icon.map-pin');
    // No pause between choices: each comes while the map is still settling on the one before.
    for (const [city, n] of [
      ['zhenjiang', 1],
      ['taizhou', 1],
      ['suqian', 1],
      ['huaian', 1],
      ['xuzhou', 2],
    ] as const) {
      await s.page.locator('#m-city').selectOption(city);
      await s.page
        .locator('[data-map-status]')
        .filter({ hasText: `地图上显示 ${n} 场` })
        .waitFor();
      await expect.poll(() => pins.count(), { message: city }).toBe(n);
      await pins.first().dispatchEvent('click');
      await s.page.locator('.leaflet-popup-content').last().waitFor();
    }
    expect(await outsideMap(s.page, ''), 'xuzhou').toEqual([]);
    await s.context.close();
  });

  it('never traps the keyboard: markers are not tab stops, and Tab leaves the map', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/map/`);
    await settled(s.page);
    expect(await s.page.locator('.leaflet-marker-icon[tabindex="0"]').count()).toBe(0);
    await s.page.locator('.leaflet-container').focus();
    let left = false;
    for (let i = 0; i < 5 && !left; i++) {
      await s.page.keyboard.press('Tab');
      left = await s.page.evaluate(() => !document.activeElement?.closest('[data-map-canvas]'));
    }
    expect(left).toBe(true);
    await s.context.close();
  });
});

describe('event page', () => {
  it('every event page says its place once (no 昆山市 昆山市)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const problems: string[] = [];
    for (const dir of readdirSync('dist/events', { withFileTypes: true }).filter((d) => d.isDirectory() && !/^\d{4}-\d{2}$/u.test(d.name))) {
      for (const file of [`dist/events/${dir.name}/index.html`]) {
        const place = /<dt>地点<\/dt><dd[^>]*>(.*?)<\/dd>/su.exec(readFileSync(file, 'utf8'))?.[1]?.replace(/<[^>]+>/gu, ' ') ?? '';
        if (!place) problems.push(`${file}：没有地点`);
        const twice = /([\p{Script=Han}]{2,}?[市县区])\s*\1/u.exec(place);
        if (twice) problems.push(`${file}：${twice[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has valid Event JSON-LD, large directions buttons in each datum, a calendar file that downloads, and the policies', async () => {
    const s = await openSession(browser(), { ...PHONE, acceptDownloads: true });
    await s.page.goto(`${baseUrl()}/events/demo-nanjing-01/`);
    const jsonld = JSON.parse((await s.page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonld['@type']).toBe('Event');
    expect(jsonld.name).toBe('【示例】南京汽车主题展');
    expect(jsonld.location.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 32.0419, longitude: 118.7789 });
    expect(await s.page.locator('h1').innerText()).toContain('示例');
    expect(await s.page.locator('[data-event-state]').innerText()).toContain('本活动已结束');
    const hosts: Record<string, string> = {
      高德地图导航到这里: 'uri.amap.com',
      百度地图导航到这里: 'api.map.baidu.com',
      腾讯地图导航到这里: 'apis.map.qq.com',
      'Apple 地图导航到这里': 'maps.apple.com',
    };
    for (const [name, host] of Object.entries(hosts)) {
      const link = s.page.getByRole('link', { name });
      expect(new URL((await link.getAttribute('href'))!).host).toBe(host);
      const box = (await link.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    expect(await s.page.getByRole('link', { name: '高德地图导航到这里' }).getAttribute('href')).toContain('coordinate=gaode');
    expect(await s.page.getByRole('link', { name: '百度地图导航到这里' }).getAttribute('href')).toContain('coord_type=bd09ll');
    expect(await s.page.getByText('北纬').count()).toBe(0);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('link', { name: '加入日历（.ics 文件）' }).click()]);
    expect(download.suggestedFilename()).toBe('demo-nanjing-01.ics');
    const text = await (await fetch(`${baseUrl()}/events/demo-nanjing-01.ics`)).text();
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(ev.summary).toBe('【示例】南京汽车主题展（已结束）');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-01-03T01:00:00.000Z');
    expect(await s.page.locator('a[href="/policies/trade-in/"]').count()).toBeGreaterThan(0);
    await s.page.locator('[data-mini-map]').scrollIntoViewIfNeeded();
    await s.page.locator('[data-mini-map] .leaflet-container, [data-mini-map].leaflet-container').first().waitFor();
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it('百度地图 opens a route from the visitor’s position when the browser gives it, and the venue when it does not', async () => {
    const at = { latitude: 32.05, longitude: 118.78 };
    for (const allowed of [true, false]) {
      const s = await openSession(browser(), { ...PHONE, ...(allowed ? { geolocation: at, permissions: ['geolocation'] } : {}) });
      await s.page.goto(`${baseUrl()}/events/demo-nanjing-01/`);
      const leaving = s.page.waitForRequest((r) => r.url().startsWith('https://api.map.baidu.com/'));
      await s.page.getByRole('link', { name: '百度地图导航到这里' }).click();
      const url = new URL((await leaving).url());
      if (allowed) {
        expect(url.pathname).toBe('/direction');
        expect(url.searchParams.get('origin')).toMatch(/^latlng:32\.05\d*,118\.79\d*\|name:我的位置$/u);
        expect(url.searchParams.get('destination')).toMatch(/\|name:/u);
        expect(url.searchParams.get('coord_type')).toBe('bd09ll');
      } else {
        expect(url.pathname).toBe('/marker');
      }
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
    // Without JavaScript the link says what it does: it shows the venue.
    const plain = await openSession(browser(), { ...PHONE, javaScriptEnabled: false });
    await plain.page.goto(`${baseUrl()}/events/demo-nanjing-01/`);
    expect(new URL((await plain.page.getByRole('link', { name: '百度地图查看位置' }).getAttribute('href'))!).pathname).toBe('/marker');
    await plain.context.close();
  });

  it('a weekend fair shows its days and daily hours; directions screenshot at 360 px', async () => {
    const s = await openSession(browser(), PHONE);
    await s.page.goto(`${baseUrl()}/events/demo-yangzhou-47/`);
    expect(await s.page.locator('.event-facts time').innerText()).toBe('2026年11月28日—29日（周六—周日）每天 09:00—17:00');
    expect(await s.page.locator('[data-event-state]').isHidden()).toBe(true);
    await s.page.locator('.directions').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: `${SHOTS}/event-directions-360.png` });
    await s.context.close();
  });
});

describe('calendar feeds', () => {
  const octets = (s: string) => Buffer.byteLength(s, 'utf8');
  const dist = process.env.E2E_DIST ?? 'dist';
  const icsFiles = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.ics')).map((f) => join(dist, f));

  it('every feed file parses with ical.js and no line passes 75 octets', () => {
    expect(icsFiles.length).toBeGreaterThan(63 + 13 + 95);
    let longest = 0;
    for (const f of icsFiles) {
      const text = readFileSync(f, 'utf8');
      expect(() => ICAL.Component.fromString(text), f).not.toThrow();
      for (const line of text.split('\r\n')) longest = Math.max(longest, octets(line));
      expect(text.replace(/\r\n/gu, ''), f).not.toMatch(/[\r\n]/u);
    }
    console.log(`${icsFiles.length} .ics files; longest line ${longest} octets`);
    expect(longest).toBeLessThanOrEqual(75);
  });

  it('are served with the right type; all.ics holds upcoming and recent events, the archives everything', async () => {
    const all = await fetch(`${baseUrl()}/calendar/all.ics`);
    expect(all.headers.get('content-type')).toContain('text/calendar');
    const recent = new ICAL.Component(ICAL.parse(await all.text())).getAllSubcomponents('vevent');
    expect(recent.length).toBe(18);
    let archived = 0;
    for (let m = 1; m <= 12; m++) {
      const text = await (await fetch(`${baseUrl()}/calendar/2026-${String(m).padStart(2, '0')}.ics`)).text();
      archived += new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').length;
    }
    expect(archived).toBe(63);
    const city = new ICAL.Component(ICAL.parse(await (await fetch(`${baseUrl()}/calendar/taizhou.ics`)).text()));
    expect(city.getAllSubcomponents('vevent').every((v) => String(v.getFirstPropertyValue('location')).startsWith('泰州市'))).toBe(true);
    const county = new ICAL.Component(ICAL.parse(await (await fetch(`${baseUrl()}/calendar/suzhou/kunshan.ics`)).text()));
    expect(county.getFirstPropertyValue('x-wr-calname')).toBe('苏州昆山汽车“五进”活动');
    expect(county.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))).toEqual(['demo-suzhou-24@wujin.jiangsu.event']);
    const json = (await (await fetch(`${baseUrl()}/data/events.json`)).json()) as { count: number; events: { demo: string; title: string }[] };
    expect(json.count).toBe(63);
    expect(json.events.every((e) => e.demo === '示例' && e.title.startsWith('【示例】'))).toBe(true);
    const csv = new Uint8Array(await (await fetch(`${baseUrl()}/data/events.csv`)).arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await fetch(`${baseUrl()}/calendar/event-files.json`)).status).toBe(404);
  });

  it('the subscription page gives each county an address to copy, a webcal link and a one-off download', async () => {
    const s = await openSession(browser(), { ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
    await s.page.goto(`${baseUrl()}/calendar/`);
    await s.page.locator('#city-suzhou summary').click();
    const box = s.page.locator('.feed-box:has(#feed-suzhou-kunshan)');
    const address = await box.locator('code').innerText();
    expect(address).toMatch(/^https?:\/\/[^/]+\/calendar\/suzhou\/kunshan\.ics$/u);
    expect(await box.getByRole('link', { name: '订阅（自动更新）' }).getAttribute('href')).toBe(address.replace(/^https?:/u, 'webcal:'));
    expect(await box.getByRole('link', { name: /下载一次/u }).getAttribute('href')).toBe(address);
    await box.getByRole('button', { name: '复制地址' }).click();
    await box.locator('[data-copy-status]').filter({ hasText: '已复制' }).waitFor();
    expect(await s.page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    for (const heading of ['iPhone、iPad', '安卓手机：用 Google 日历', '在微信里打开本页时', '活动有变化时']) {
      expect(await s.page.getByRole('heading', { name: heading }).count(), heading).toBe(1);
    }
    await s.page.locator('#how').scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: `${SHOTS}/calendar-how-360.png` });
    await s.context.close();
  });
});
