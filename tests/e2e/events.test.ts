import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { baseUrl, openSession, useBrowser } from './browser.ts';

const browser = useBrowser();

const cardsIn = (sel: string) => `${sel} [data-event]`;

describe('/events/', () => {
  it('filters by city and month instantly, reflects it in the URL, and the URL reproduces it', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.getByLabel('设区市').nth(1).selectOption('nanjing');
    await s.page.locator('#f-month').selectOption('2026-12');
    await s.page.locator('[data-filter-count]').filter({ hasText: '找到' }).waitFor();
    const ids = await s.page.locator(cardsIn('[data-filter-results]')).evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id!.includes('nanjing'))).toBe(true);
    const url = new URL(s.page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ city: 'nanjing', month: '2026-12' });
    expect(await s.page.locator('[data-static-list]').first().isHidden()).toBe(true);

    const again = await openSession(browser());
    await again.page.goto(url.href);
    await again.page.locator('[data-filter-count]').filter({ hasText: '找到' }).waitFor();
    expect(await again.page.locator(cardsIn('[data-filter-results]')).evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual(ids);
    expect(await again.page.locator('#f-city').inputValue()).toBe('nanjing');
    await s.context.close();
    await again.context.close();
  });

  it('an empty filter says so and shows the plan for that city and month', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/?city=wuxi&month=2026-06&type=hospital`);
    await s.page.locator('[data-filter-count]').filter({ hasText: '找到 0 场' }).waitFor();
    expect(await s.page.locator('[data-filter-results] .empty').innerText()).toBe('没有符合条件的活动。 无锡市6月计划市级1场、县区0场，活动发布后会出现在这里。');
    await s.context.close();
  });

  it('without JavaScript, city and month pages filter; every demo card says 示例', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/events/`);
    expect(await s.page.locator('[data-filters]').isHidden()).toBe(true);
    await s.page.getByRole('link', { name: '12月（16场）' }).click();
    expect(new URL(s.page.url()).pathname).toBe('/events/2026-12/');
    const months = await s.page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-month')));
    expect(months.length).toBe(16);
    expect(new Set(months)).toEqual(new Set(['2026-12']));
    expect(await s.page.locator('.progress-line').innerText()).toMatch(/^全省：12月 计划市级2场、县区33场；已发布\d+场$/u);
    await s.page.goto(`${baseUrl()}/cities/suzhou/`);
    const cities = await s.page.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')));
    expect(new Set(cities)).toEqual(new Set(['suzhou']));
    const titles = await s.page.locator('[data-event] h3').allInnerTexts();
    expect(titles.every((t) => t.startsWith('示例'))).toBe(true);
    await s.context.close();
  });
});

describe('near me', () => {
  it('choosing a city and county lists the nearest events first, with km', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.locator('#near-city').selectOption('suzhou');
    await s.page.locator('#near-county').selectOption('kunshan');
    await s.page.getByRole('button', { name: '查看附近活动' }).click();
    await s.page.waitForURL('**/cities/suzhou/kunshan/');
    const kms = await s.page.locator('.event-card__km').allInnerTexts();
    const values = kms.map((t) => Number(/约 ([\d.]+) 公里/u.exec(t)![1]));
    expect(values.length).toBeGreaterThan(3);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(await s.page.locator('#nearest-heading').innerText()).toBe('离昆山最近的即将举办活动');
    await s.context.close();
  });

  it('the browser location (mocked) sorts upcoming events by distance and marks the nearest', async () => {
    const s = await openSession(browser(), { geolocation: { latitude: 32.3942, longitude: 119.4129 }, permissions: ['geolocation'] });
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.getByRole('button', { name: '用我的位置' }).click();
    await s.page.locator('[data-near-results] [data-event]').first().waitFor();
    const first = s.page.locator('[data-near-results] .event-card').first();
    expect(await first.locator('.event-card__flag').innerText()).toBe('离您最近的即将举办活动');
    expect(await first.getAttribute('data-event')).toContain('yangzhou');
    const values = (await s.page.locator('[data-near-results] .event-card__km').allInnerTexts()).map((t) => Number(/约 ([\d.]+) 公里/u.exec(t)![1]));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it('a denied location falls back to choosing a county, with a clear message', async () => {
    const s = await openSession(browser(), { permissions: [] });
    await s.page.goto(`${baseUrl()}/events/`);
    await s.page.getByRole('button', { name: '用我的位置' }).click();
    await s.page.locator('[data-near-status]').filter({ hasText: '位置' }).waitFor();
    expect(await s.page.locator('[data-near-status]').innerText()).toContain('请选择您所在的设区市和区县查找');
    await s.context.close();
  });
});

describe('/map/', () => {
  it('shows event markers and city seats with every outside request blocked; popups say 示例', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/map/`);
    await s.page.locator('[data-map-status]').filter({ hasText: '地图上显示' }).waitFor();
    expect(await s.page.locator('[data-map-status]').innerText()).toBe('地图上显示 63 场活动（含示例活动）。');
    const markers = await s.page.locator('.leaflet-marker-icon').count();
    expect(markers).toBeGreaterThan(5);
    expect(await s.page.locator('.map-seat-label').count()).toBe(13);
    expect(s.outside).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.page.locator('#m-city').selectOption('xuzhou');
    await s.page.locator('[data-map-status]').filter({ hasText: '5 场' }).waitFor();
    expect(new URL(s.page.url()).searchParams.get('city')).toBe('xuzhou');
    const list = await s.page.locator('[data-map-list] a').allInnerTexts();
    expect(list).toHaveLength(5);
    expect(list.every((t) => t.startsWith('【示例】'))).toBe(true);
    await s.page.locator('.leaflet-marker-icon.map-pin').first().click();
    expect(await s.page.locator('.leaflet-popup-content').innerText()).toContain('示例');
    await s.context.close();
  });
});

describe('event page', () => {
  it('has valid Event JSON-LD, directions in each datum, a calendar file that downloads, and the policies', async () => {
    const s = await openSession(browser(), { acceptDownloads: true });
    await s.page.goto(`${baseUrl()}/events/demo-nanjing-01/`);
    const jsonld = JSON.parse((await s.page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonld['@type']).toBe('Event');
    expect(jsonld.name).toBe('【示例】南京汽车主题展');
    expect(jsonld.location.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 32.0419, longitude: 118.7789 });
    expect(await s.page.locator('h1').innerText()).toContain('示例');
    expect(await s.page.getByRole('link', { name: '用高德地图打开' }).getAttribute('href')).toContain('coordinate=gaode');
    expect(await s.page.getByRole('link', { name: '用百度地图打开' }).getAttribute('href')).toContain('coord_type=bd09ll');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('link', { name: '加入日历（.ics 文件）' }).click()]);
    expect(download.suggestedFilename()).toBe('demo-nanjing-01.ics');
    const text = await (await fetch(`${baseUrl()}/events/demo-nanjing-01.ics`)).text();
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(ev.summary).toBe('【示例】南京汽车主题展');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-01-03T01:00:00.000Z');
    expect(await s.page.locator('a[href="/policies/trade-in/"]').count()).toBeGreaterThan(0);
    await s.page.locator('[data-mini-map]').scrollIntoViewIfNeeded();
    await s.page.locator('[data-mini-map] .leaflet-container, [data-mini-map].leaflet-container').first().waitFor();
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it('feeds and open data are served with the right types', async () => {
    const all = await fetch(`${baseUrl()}/calendar/all.ics`);
    expect(all.headers.get('content-type')).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(await all.text()));
    expect(comp.getAllSubcomponents('vevent')).toHaveLength(63);
    const city = new ICAL.Component(ICAL.parse(await (await fetch(`${baseUrl()}/calendar/taizhou.ics`)).text()));
    expect(city.getAllSubcomponents('vevent').every((v) => String(v.getFirstPropertyValue('location')).startsWith('泰州市'))).toBe(true);
    const json = (await (await fetch(`${baseUrl()}/data/events.json`)).json()) as { count: number; events: { demo: string; title: string }[] };
    expect(json.count).toBe(63);
    expect(json.events.every((e) => e.demo === '示例' && e.title.startsWith('【示例】'))).toBe(true);
    const csv = new Uint8Array(await (await fetch(`${baseUrl()}/data/events.csv`)).arrayBuffer());
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const tpl = await fetch(`${baseUrl()}/data/templates/events-template.xlsx`);
    expect(tpl.status).toBe(200);
  });
});
