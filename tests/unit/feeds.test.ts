import { readdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import regions from '../../content/regions/jiangsu.json' with { type: 'json' };
import { parseContentText } from '../../src/lib/content-files.ts';
import { byStart, type EventItem } from '../../src/lib/events/events.ts';
import { ALL_AHEAD_DAYS, calendarFeeds, feedUrl, ALL_RECENT_DAYS, webcalUrl } from '../../src/lib/events/calendars.ts';
import { inFeedWindow } from '../../src/lib/events/window.ts';
import { escapeText, eventToVevent, eventsToIcs, foldLine, MAX_LINE_OCTETS, wrapCalendar } from '../../src/lib/ics.ts';
import type { RegionEntry } from '../../src/lib/regions.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { eventSchema } from '../../src/schemas/event.ts';

const all = regions as RegionEntry[];
const nameOf = new Map(all.map((r) => [r.id, r.name]));
const demo: EventItem[] = readdirSync('tests/fixtures/site/events/demo')
  .map((f) => {
    const data = eventSchema(plainRef).parse(parseContentText(f, readFileSync(`tests/fixtures/site/events/demo/${f}`, 'utf8'))) as Omit<EventItem, 'id'>;
    return { ...data, id: f.replace(/\.yaml$/u, '') } as EventItem;
  })
  .sort(byStart);
const now = new Date('2026-11-27T10:00:00+08:00');
const changed = new Date('2026-11-20T00:00:00+08:00');
const options = {
  siteUrl: 'https://example.org/',
  changedOf: () => changed,
  now,
  placeOf: (e: EventItem) => `${nameOf.get(e.city)}${e.county ? nameOf.get(e.county) : ''}`,
};
const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const base = demo.find((e) => e.id === 'demo-nanjing-01')!;

describe('the iCalendar serializer', () => {
  it('escapes backslash, semicolon, comma and line breaks (RFC 5545 TEXT)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets, never inside a UTF-8 character, with one space before each continuation', () => {
    const line = `SUMMARY:${'汽车展销'.repeat(30)}🚗ok`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    for (const p of physical.slice(1)) expect(p.startsWith(' ') && !p.startsWith('  ')).toBe(true);
    // Unfolding gives back exactly the line: no character was split or lost.
    expect(folded.replace(/\r\n /gu, '')).toBe(line);
    expect(physical.join('').includes('\uFFFD')).toBe(false);
  });

  it('a line of exactly 75 octets stays whole; 76 folds', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    // 24 three-octet characters after "SUMMARY:" (8 octets) make 80 octets: the break falls before the 23rd.
    const cjk = `SUMMARY:${'车'.repeat(24)}`;
    expect(foldLine(cjk).split('\r\n').map(octets)).toEqual([74, 7]);
  });

  it('every line of every demo feed is at most 75 octets and ends in CRLF', () => {
    const text = eventsToIcs(demo, '测试', options);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/gu, '')).not.toMatch(/[\r\n]/u);
    const lines = text.split('\r\n').slice(0, -1);
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(75);
  });

  it('a hostile title cannot start a property of its own', () => {
    const e = { ...base, title: '车展\r\nATTENDEE:mailto:x@example.org;X=1,2', venue: { name: '场地\nLOCATION:伪造', address: '路;1号' } };
    const text = eventsToIcs([e], '测试', options);
    const ev = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    expect(ev.getFirstProperty('attendee')).toBeNull();
    expect(String(ev.getFirstPropertyValue('summary'))).toContain('车展\nATTENDEE:mailto:x@example.org;X=1,2');
    expect(ev.getAllProperties('location')).toHaveLength(1);
  });

  it('a weekend fair with daily hours repeats daily: 09:00—17:00 on each day', () => {
    const fair = { ...base, start: '2026-12-05T09:00+08:00', end: '2026-12-06T17:00+08:00', status: 'confirmed' as const };
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(eventsToIcs([fair], '测试', options))).getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-12-05T09:00:00.000Z');
    const it2 = ev.iterator();
    const days = [it2.next(), it2.next(), it2.next()].map((t) => t?.toJSDate().toISOString());
    expect(days).toEqual(['2026-12-05T01:00:00.000Z', '2026-12-06T01:00:00.000Z', undefined]);
    expect(ev.description).toContain('每天 09:00—17:00');
  });

  it('past, cancelled and postponed events say so in SUMMARY and DESCRIPTION', () => {
    const parse = (e: EventItem) => new ICAL.Event(new ICAL.Component(ICAL.parse(eventsToIcs([e], '测试', options))).getFirstSubcomponent('vevent')!);
    const past = parse({ ...base, status: 'held' });
    expect(past.summary).toBe('【示例】南京汽车主题展（已结束）');
    expect(past.description).toContain('本活动已结束');
    const later = { start: '2026-12-19T09:00+08:00', end: '2026-12-19T17:00+08:00' };
    const cancelled = parse({ ...base, ...later, status: 'cancelled' });
    expect(cancelled.summary).toBe('【示例】【已取消】南京汽车主题展');
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    const postponed = parse({ ...base, ...later, status: 'postponed', phone: '025-12345678' });
    expect(postponed.summary).toBe('【示例】【延期】南京汽车主题展');
    expect(postponed.description).toContain('咨询电话：025-12345678');
    expect(parse({ ...base, ...later, status: 'confirmed' }).summary).toBe('【示例】南京汽车主题展');
  });

  it('DTSTAMP is when the entry changed, not the build: the same on any two build days until the event ends, then its end', () => {
    const upcoming = demo.find((e) => e.end > '2026-11-29' && (e.status === 'planned' || e.status === 'confirmed'))!;
    const stamp = (e: EventItem, day: string) => /DTSTAMP:(\S+)/u.exec(eventToVevent(e, { ...options, now: new Date(day) }))![1];
    expect(stamp(upcoming, '2026-11-27T10:00:00+08:00')).toBe('20261119T160000Z');
    expect(stamp(upcoming, '2026-11-28T10:00:00+08:00')).toBe(stamp(upcoming, '2026-11-27T10:00:00+08:00'));
    // Once it has ended its summary says so, and DTSTAMP moves to its end: calendars see a change.
    const later = new Date(Date.parse(upcoming.end) + 86_400_000).toISOString();
    expect(eventToVevent(upcoming, { ...options, now: new Date(later) })).toContain('（已结束）');
    expect(stamp(upcoming, later)).toBe(new Date(upcoming.end).toISOString().replace(/[-:]|\.\d+/gu, ''));
  });

  it('the same events give the same bytes; UIDs do not change with the feed', () => {
    const one = eventToVevent(base, options);
    expect(eventToVevent(base, options)).toBe(one);
    expect(wrapCalendar('甲', [one])).toContain(one);
    expect(one).toContain('UID:demo-nanjing-01@wujin.jiangsu.event\r\n');
  });
});

describe('which feeds hold which events', () => {
  const feeds = calendarFeeds(demo, all, now);
  const byPath = new Map(feeds.map((f) => [f.path, f]));

  it('one feed for the province, each city, each county and each month', () => {
    expect(feeds.filter((f) => f.kind === 'city')).toHaveLength(13);
    expect(feeds.filter((f) => f.kind === 'county')).toHaveLength(95);
    expect(feeds.filter((f) => f.kind === 'month').map((f) => f.path)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(feeds.map((f) => f.path)).size).toBe(feeds.length);
  });

  it('all.ics keeps events of the last two weeks and the next two months only', () => {
    const since = now.getTime() - ALL_RECENT_DAYS * 86_400_000;
    const until = now.getTime() + ALL_AHEAD_DAYS * 86_400_000;
    const allFeed = byPath.get('all')!;
    expect(allFeed.events.every((e) => Date.parse(e.end) >= since && Date.parse(e.start) <= until)).toBe(true);
    expect(allFeed.events.length).toBe(demo.filter((e) => Date.parse(e.end) >= since && Date.parse(e.start) <= until).length);
    // 14 November (ended 13 days before) is in; 7 November is not.
    expect(allFeed.events.map((e) => e.id)).toContain('demo-suzhou-23');
    expect(allFeed.events.map((e) => e.id)).not.toContain('demo-wuxi-11');
    const later = calendarFeeds([{ ...demo[0]!, start: '2027-03-01T09:00+08:00', end: '2027-03-01T17:00+08:00' }], all, now);
    expect(later[0]!.events).toEqual([]);
    expect(allFeed.events.length).toBeLessThan(demo.length);
    // Every event is in exactly one month archive.
    expect(feeds.filter((f) => f.kind === 'month').reduce((s, f) => s + f.events.length, 0)).toBe(demo.length);
  });

  it('a county feed has that county’s events of the rolling window only, and a name people recognise', () => {
    const kunshan = byPath.get('suzhou/kunshan')!;
    expect(kunshan.name).toBe('苏州昆山汽车“五进”活动');
    expect(kunshan.events.map((e) => e.id)).toEqual(demo.filter((e) => e.county === 'suzhou-kunshan' && inFeedWindow(e, now)).map((e) => e.id));
    expect(byPath.get('nanjing')!.events.every((e) => e.city === 'nanjing')).toBe(true);
  });

  it('addresses: https to download, webcal to subscribe', () => {
    expect(feedUrl('https://example.org/', 'suzhou/kunshan')).toBe('https://example.org/calendar/suzhou/kunshan.ics');
    expect(webcalUrl('https://example.org/', 'suzhou/kunshan')).toBe('webcal://example.org/calendar/suzhou/kunshan.ics');
  });
});

describe('the rolling window of city and county feeds', () => {
  const day = (iso: string) => ({
    ...demo[0]!,
    id: `x-${iso}`,
    city: 'nanjing',
    county: undefined,
    start: `${iso}T09:00:00+08:00`,
    end: `${iso}T17:00:00+08:00`,
  });
  const events = ['2026-01-10', '2026-11-04', '2026-11-10', '2026-12-20', '2027-11-20', '2027-12-20'].map(day);
  const on = (iso: string) => new Map(calendarFeeds(events, all, new Date(iso)).map((f) => [f.path, f.events.map((e) => e.start.slice(0, 10))]));

  it('keeps the last 30 days and the next 12 months; the month archives keep everything', () => {
    const feeds = on('2026-12-05T10:00:00+08:00');
    expect(feeds.get('nanjing')).toEqual(['2026-11-10', '2026-12-20', '2027-11-20']);
    expect([...feeds].filter(([p]) => /^\d{4}-\d{2}$/u.test(p)).flatMap(([, e]) => e)).toEqual(events.map((e) => e.start.slice(0, 10)));
  });

  it('moves on with the day it is built, and is empty weeks after the last event', () => {
    expect(on('2027-01-15T10:00:00+08:00').get('nanjing')).toEqual(['2026-12-20', '2027-11-20', '2027-12-20']);
    expect(on('2027-01-25T10:00:00+08:00').get('nanjing')).toEqual(['2027-11-20', '2027-12-20']);
    expect(on('2028-02-01T10:00:00+08:00').get('nanjing')).toEqual([]);
  });
});
