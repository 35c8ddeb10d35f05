import { readdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import regions from '../../content/regions/jiangsu.json' with { type: 'json' };
import { parseContentText } from '../../src/lib/content-files.ts';
import { eventRows, eventsToCsv } from '../../src/lib/event-data.ts';
import {
  byStart,
  describeProgress,
  displayTitle,
  filterEvents,
  formatEventTime,
  groupByMonth,
  isUpcoming,
  makeEventId,
  splitByTime,
  type EventItem,
} from '../../src/lib/events/events.ts';
import { baiduRouteLink, convert, directionsLinks } from '../../src/lib/directions.ts';
import { distanceKm, formatKm, sortByDistance } from '../../src/lib/geo.ts';
import { eventsToIcs, eventUid } from '../../src/lib/ics.ts';
import { fromMapRows, buildMapData } from '../../src/lib/events/map-data.ts';
import { eventJsonLd, serializeJsonLd } from '../../src/lib/json-ld.ts';
import type { RegionEntry } from '../../src/lib/regions.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { eventSchema } from '../../src/schemas/event.ts';
import { EVENT_TYPES } from '../../src/lib/event-labels.ts';
import { loadPlan } from '../helpers/content.ts';
import { buildProgress, monthProgress } from '../../src/lib/plan/progress.ts';

const byId = new Map((regions as RegionEntry[]).map((r) => [r.id, r]));
const regionOf = (id: string) => byId.get(id)!;
const demo: EventItem[] = readdirSync('tests/fixtures/site/events/demo')
  .map((f) => {
    const data = eventSchema(plainRef).parse(parseContentText(f, readFileSync(`tests/fixtures/site/events/demo/${f}`, 'utf8'))) as Omit<EventItem, 'id'>;
    return { ...data, id: f.replace(/\.yaml$/u, '') } as EventItem;
  })
  .sort(byStart);

describe('demonstration events', () => {
  it('at least 60, every city, every type, both plan levels, every month, all marked demo', () => {
    expect(demo.length).toBeGreaterThanOrEqual(60);
    expect(new Set(demo.map((e) => e.city)).size).toBe(13);
    expect(new Set(demo.map((e) => e.type))).toEqual(new Set(EVENT_TYPES));
    expect(new Set(demo.map((e) => e.level))).toEqual(new Set(['provincial', 'city', 'county']));
    expect(new Set(demo.map((e) => e.start.slice(0, 7))).size).toBe(12);
    expect(demo.every((e) => e.demo)).toBe(true);
  });
  it('each lies within 40 km of its county seat (the import rule for real events)', () => {
    for (const e of demo) expect(distanceKm(e, regionOf(e.county!)), e.id).toBeLessThan(40);
  });
});

describe('distance and near me', () => {
  const nanjing = regionOf('nanjing');
  const suzhou = regionOf('suzhou');
  it('measures great-circle distance', () => {
    expect(distanceKm(nanjing, nanjing)).toBe(0);
    expect(distanceKm(nanjing, suzhou)).toBeGreaterThan(185);
    expect(distanceKm(nanjing, suzhou)).toBeLessThan(195);
    expect(formatKm(0.84)).toBe('不到1公里');
    expect(formatKm(0.04)).toBe('不到1公里');
    expect(formatKm(3.44)).toBe('3.4 公里');
    expect(formatKm(12.4)).toBe('12 公里');
  });
  it('sorts by distance, nearest first, ties by start then id', () => {
    const origin = regionOf('nanjing-xuanwu');
    const sorted = sortByDistance(demo, origin, byStart);
    expect(sorted[0]!.city).toBe('nanjing');
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.km).toBeGreaterThanOrEqual(sorted[i - 1]!.km);
    const a = { id: 'b', lat: 32, lng: 118, start: '2026-03-01T09:00+08:00' };
    const b = { id: 'a', lat: 32, lng: 118, start: '2026-03-01T09:00+08:00' };
    expect(sortByDistance([a, b], { lat: 32, lng: 118 }, byStart).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('coordinate systems', () => {
  it('WGS-84 to GCJ-02 matches the seat data (AMap 118.796624,32.059344 for 南京市政府)', () => {
    const gcj = convert(regionOf('nanjing'), 'WGS84', 'GCJ02');
    expect(gcj.lng).toBeCloseTo(118.796624, 4);
    expect(gcj.lat).toBeCloseTo(32.059344, 4);
  });
  it('GCJ-02 and BD-09 round-trip to WGS-84 within a metre', () => {
    const p = { lat: 31.30194, lng: 120.58111 };
    for (const d of ['GCJ02', 'BD09'] as const) expect(distanceKm(convert(convert(p, 'WGS84', d), d, 'WGS84'), p)).toBeLessThan(0.001);
  });
  it('builds directions links in each app’s coordinate system, with the documented parameters', () => {
    const links = directionsLinks(regionOf('nanjing'), '南京市人民政府', '北京东路41号');
    // 高德, 腾讯 and Apple: a route to the venue from where the phone is (no start given).
    const amap = new URL(links.amap);
    expect(amap.origin + amap.pathname).toBe('https://uri.amap.com/navigation');
    expect(amap.searchParams.get('to')).toMatch(/^118\.7966\d*,32\.0593\d*,南京市人民政府$/u);
    expect(amap.searchParams.get('from')).toBeNull();
    expect(amap.searchParams.get('mode')).toBe('car');
    expect(amap.searchParams.get('coordinate')).toBe('gaode');
    expect(amap.searchParams.get('src')).toBeTruthy();
    const baidu = new URL(links.baidu);
    expect(baidu.origin + baidu.pathname).toBe('https://api.map.baidu.com/marker');
    expect(baidu.searchParams.get('coord_type')).toBe('bd09ll');
    expect(baidu.searchParams.get('location')).toMatch(/^32\.0656\d*,118\.80\d*$/u);
    expect(baidu.searchParams.get('output')).toBe('html');
    expect(baidu.searchParams.get('title')).toBe('南京市人民政府');
    expect(baidu.searchParams.get('content')).toBe('北京东路41号');
    expect(baidu.searchParams.get('src')).toMatch(/^webapp\./u);
    // With the visitor's position (asked for on a tap), 百度's route URI, both points in BD-09.
    const route = new URL(baiduRouteLink({ lat: 32.05, lng: 118.78 }, regionOf('nanjing'), '会场|A:B'));
    expect(route.origin + route.pathname).toBe('https://api.map.baidu.com/direction');
    expect(route.searchParams.get('origin')).toMatch(/^latlng:32\.05\d*,118\.79\d*\|name:我的位置$/u);
    expect(route.searchParams.get('destination')).toMatch(/^latlng:32\.0656\d*,118\.80\d*\|name:会场｜A：B$/u);
    expect(route.searchParams.get('mode')).toBe('driving');
    expect(route.searchParams.get('output')).toBe('html');
    expect(route.searchParams.get('coord_type')).toBe('bd09ll');
    const qq = new URL(links.tencent);
    expect(qq.origin + qq.pathname).toBe('https://apis.map.qq.com/uri/v1/routeplan');
    expect(qq.searchParams.get('type')).toBe('drive');
    expect(qq.searchParams.get('to')).toBe('南京市人民政府');
    expect(qq.searchParams.get('tocoord')).toMatch(/^32\.0593\d*,118\.7966\d*$/u);
    expect(qq.searchParams.get('from')).toBeNull();
    expect(qq.searchParams.get('referer')).toBeTruthy();
    const apple = new URL(links.apple);
    expect(apple.origin).toBe('https://maps.apple.com');
    expect(apple.searchParams.get('daddr')).toMatch(/^32\.0593\d*,118\.7966\d*$/u);
    expect(apple.searchParams.get('q')).toBe('南京市人民政府');
  });
  it('keeps 腾讯’s field separators out of names', () => {
    const qq = new URL(directionsLinks(regionOf('nanjing'), 'A;B:C', 'x;y').tencent);
    expect(qq.searchParams.get('to')).toBe('A；B：C');
    // 高德's to= separates coordinates and name with commas: a comma in the name is full-width.
    expect(new URL(directionsLinks(regionOf('nanjing'), '会场,东门').amap).searchParams.get('to')).toMatch(/,会场，东门$/u);
  });
});

describe('event helpers', () => {
  const now = new Date('2026-11-27T00:00:00+08:00');
  it('splits upcoming from past with now passed in', () => {
    const { upcoming, past } = splitByTime(demo, now);
    expect(upcoming.length + past.length).toBe(demo.length);
    expect(upcoming.every((e) => isUpcoming(e, now))).toBe(true);
    expect(Date.parse(upcoming[0]!.start)).toBeLessThanOrEqual(Date.parse(upcoming[1]!.start));
    expect(Date.parse(past[0]!.start)).toBeGreaterThanOrEqual(Date.parse(past[1]!.start));
  });
  it('groups by month and filters', () => {
    expect(groupByMonth(demo).map(([m]) => m)).toHaveLength(12);
    expect(filterEvents(demo, { city: 'nanjing', month: '2026-01' }).every((e) => e.city === 'nanjing' && e.start.startsWith('2026-01'))).toBe(true);
    expect(filterEvents(demo, { type: 'rural', level: 'county' }).length).toBeGreaterThan(5);
  });
  it('titles of demo events say 示例', () => {
    expect(displayTitle({ title: '车展', demo: true })).toBe('【示例】车展');
    expect(displayTitle({ title: '车展', demo: false })).toBe('车展');
  });
  it('formats times in Chinese with weekday', () => {
    expect(formatEventTime({ start: '2026-12-12T09:00+08:00', end: '2026-12-13T17:00+08:00' })).toBe('2026年12月12日—13日（周六—周日）每天 09:00—17:00');
    expect(formatEventTime({ start: '2026-03-05T09:00+08:00', end: '2026-03-05T17:00+08:00' })).toBe('2026年3月5日（周四）09:00—17:00');
  });
  it('shows the plan beside what has been published', () => {
    const plan = loadPlan();
    const now = new Date('2026-11-27T10:00:00+08:00');
    const dec = monthProgress(buildProgress(plan, [], now), 'nanjing').find((p) => p.month === '2026-12')!;
    expect(describeProgress(dec)).toBe('12月 计划市级0场、县区3场；已发布0场');
    const all = monthProgress(buildProgress(plan, demo, now));
    expect(all.reduce((s, p) => s + p.planned.city, 0)).toBe(93);
    expect(all.reduce((s, p) => s + p.published, 0)).toBe(demo.filter((e) => e.status !== 'cancelled' && e.level !== 'provincial').length);
  });
  it('makes stable ids for imported events', () => {
    const e = { year: 2026, city: 'nanjing', start: '2026-03-05T09:00+08:00', title: '车展', venue: { name: '广场' } };
    expect(makeEventId(e)).toBe(makeEventId({ ...e }));
    expect(makeEventId(e)).not.toBe(makeEventId({ ...e, title: '车展2' }));
    expect(makeEventId(e)).toMatch(/^2026-nanjing-[0-9a-f]{8}$/u);
  });
  it('the map data round-trips through its chunks', () => {
    const { chunks } = buildMapData(demo, regions as RegionEntry[]);
    const back = [...chunks].flatMap(([key, rows]) => fromMapRows(key.split('/')[0]!, JSON.parse(JSON.stringify(rows))));
    const first = back.find((e) => e.id === demo[0]!.id)!;
    expect(first).toEqual({
      id: demo[0]!.id,
      title: demo[0]!.title,
      demo: true,
      type: demo[0]!.type,
      level: demo[0]!.level,
      city: demo[0]!.city,
      county: demo[0]!.county,
      venue: demo[0]!.venue.name,
      lat: demo[0]!.lat,
      lng: demo[0]!.lng,
      start: demo[0]!.start,
      end: demo[0]!.end,
      status: demo[0]!.status,
    });
    expect(back).toHaveLength(demo.length);
  });
});

describe('calendar feeds', () => {
  const stamp = new Date('2026-11-27T00:00:00+08:00');
  const options = { siteUrl: 'https://example.org/', changedOf: () => stamp, now: stamp, placeOf: (e: EventItem) => regionOf(e.city).name };
  const text = eventsToIcs(demo, '测试日历', options);
  const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

  it('parses with a real iCalendar parser, one VEVENT per event', () => {
    expect(vevents).toHaveLength(demo.length);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });
  it('UIDs are stable and unique; the output is identical when rebuilt', () => {
    const uids = vevents.map((v) => v.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(demo.length);
    expect(uids[0]).toBe(eventUid(demo[0]!));
    expect(eventsToIcs(demo, '测试日历', options)).toBe(text);
  });
  it('times are correct in any client: 09:00 Beijing time is 01:00 UTC', () => {
    const first = new ICAL.Event(vevents[0]!);
    expect(first.startDate.toJSDate().toISOString()).toBe(new Date(demo[0]!.start).toISOString());
    expect(vevents[0]!.getFirstProperty('dtstart')!.toICALString()).toMatch(/^DTSTART:\d{8}T\d{6}Z$/u);
  });
  it('demo entries say 示例 in the title and description; Chinese survives (UTF-8)', () => {
    const first = new ICAL.Event(vevents[0]!);
    expect(first.summary.startsWith('【示例】')).toBe(true);
    expect(first.description).toContain('演示数据');
    expect(first.location).toContain(demo[0]!.venue.name);
  });
  it('a cancelled event is CANCELLED; an empty feed is still a valid calendar', () => {
    const cancelled = vevents.find((v) => v.getFirstPropertyValue('status') === 'CANCELLED');
    expect(cancelled).toBeDefined();
    const empty = new ICAL.Component(ICAL.parse(eventsToIcs([], '空日历', options)));
    expect(empty.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});

describe('open data and JSON-LD', () => {
  it('CSV rows say 示例 for demo events', () => {
    const csv = eventsToCsv(eventRows(demo, regionOf, 'https://example.org/'));
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]!.startsWith('id,demo,title,')).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(',示例,【示例】'))).toBe(true);
  });
  it('Event JSON-LD has status, place with address and geo, organiser, and survives any title', () => {
    const e = { ...demo[0]!, title: '车展</script><script>alert(1)</script>', status: 'postponed' as const };
    const json = serializeJsonLd(eventJsonLd(e, { city: '南京市', county: '秦淮区' }, 'https://example.org/events/x/'));
    expect(json).not.toContain('</script>');
    const data = JSON.parse(json);
    expect(data['@type']).toBe('Event');
    expect(data.name).toBe('【示例】车展</script><script>alert(1)</script>');
    expect(data.eventStatus).toBe('https://schema.org/EventPostponed');
    expect(data.location.geo.latitude).toBe(demo[0]!.lat);
    expect(data.location.address.streetAddress).toBe(demo[0]!.venue.address);
    expect(data.organizer[0].name).toBe(demo[0]!.organisers[0]);
  });
});

describe('an address says its place once', () => {
  it('prefixes the city and county only where the editor left them out', async () => {
    const { placedAddress } = await import('../../src/lib/format.ts');
    expect(placedAddress('苏州市', '昆山市', '前进中路1号')).toBe('苏州市昆山市前进中路1号');
    expect(placedAddress('苏州市', '昆山市', '昆山市前进中路1号')).toBe('苏州市昆山市前进中路1号');
    expect(placedAddress('苏州市', '昆山市', '昆山前进中路1号')).toBe('苏州市昆山前进中路1号');
    expect(placedAddress('苏州市', '昆山市', '苏州市昆山市前进中路1号')).toBe('苏州市昆山市前进中路1号');
    expect(placedAddress('南京市', '建邺区', '江苏省南京市建邺区江东中路222号')).toBe('江苏省南京市建邺区江东中路222号');
    expect(placedAddress('南京市', undefined, '北京东路41号')).toBe('南京市北京东路41号');
  });
});

describe('alternatives when a filter finds nothing', () => {
  it('the next event in the place, then the nearest elsewhere by distance, never cancelled or ended ones', async () => {
    const { alternativesFor } = await import('../../src/lib/events/nearby.ts');
    const now = new Date('2026-11-27T10:00:00+08:00');
    const ev = (id: string, county: string, lat: number, start: string, status: 'planned' | 'cancelled' = 'planned') => ({
      id,
      city: 'suzhou',
      county,
      lat,
      lng: 120.9,
      start: `${start}T09:00+08:00`,
      end: `${start}T17:00+08:00`,
      status,
    });
    const events = [
      ev('later-here', 'suzhou-kunshan', 31.38, '2026-12-20'),
      ev('soon-here', 'suzhou-kunshan', 31.38, '2026-12-12'),
      ev('ended-here', 'suzhou-kunshan', 31.38, '2026-11-01'),
      ev('cancelled-near', 'suzhou-taicang', 31.45, '2026-12-01', 'cancelled'),
      ev('near', 'suzhou-taicang', 31.5, '2026-12-30'),
      ev('far', 'suzhou-wujiang', 32.5, '2026-12-02'),
    ];
    const r = alternativesFor(events, { id: 'suzhou-kunshan', county: true, lat: 31.38, lng: 120.9 }, now);
    expect(r.next?.id).toBe('soon-here');
    expect(r.nearest.map((e) => e.id)).toEqual(['near', 'far']);
    expect(r.nearest[0]!.km).toBeGreaterThan(0);
  });
});

describe('phone numbers in tel: links', () => {
  it('keep their spaces and hyphens from breaking across lines', async () => {
    const { phoneText } = await import('../../src/lib/format.ts');
    expect(phoneText('025-5555 0100')).toBe('025\u20115555\u00a00100');
    expect(phoneText('12345')).toBe('12345');
  });
});
