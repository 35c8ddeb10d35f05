import { describe, expect, it } from 'vitest';
import {
  addDays,
  describeRange,
  isIsoDate,
  lastDayOfMonth,
  monthsOf,
  overlapsRange,
  parseRange,
  quickRange,
  shanghaiDate,
  weekdayOf,
} from '../../src/lib/events/date-range.ts';
import { eventSchedule, eventStateLabel, filterEvents, formatEventTime } from '../../src/lib/events/events.ts';
import { describeQuery, parseQuery, queryToParams, resolveQuery } from '../../src/lib/events/query.ts';

const at = (iso: string) => new Date(iso);

describe('days in Asia/Shanghai', () => {
  it('today is the Shanghai date, not the UTC one', () => {
    expect(shanghaiDate(at('2026-11-27T10:00:00+08:00'))).toBe('2026-11-27');
    // 23:30 UTC on the 26th is already 07:30 on the 27th in Shanghai.
    expect(shanghaiDate(at('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(shanghaiDate(at('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(shanghaiDate(at('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });
  it('adds days across month and year ends, and knows weekdays and month ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-12-05')).toBe('2026-12-31');
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});

describe('quick date choices', () => {
  it('本周末 from a weekday is the coming Saturday and Sunday', () => {
    expect(quickRange('weekend', at('2026-11-27T10:00:00+08:00'))).toEqual({ from: '2026-11-28', to: '2026-11-29' });
    expect(quickRange('weekend', at('2026-11-23T08:00:00+08:00'))).toEqual({ from: '2026-11-28', to: '2026-11-29' });
  });
  it('本周末 on a Saturday is today and tomorrow; on a Sunday, today only', () => {
    expect(quickRange('weekend', at('2026-11-28T20:00:00+08:00'))).toEqual({ from: '2026-11-28', to: '2026-11-29' });
    expect(quickRange('weekend', at('2026-11-29T09:00:00+08:00'))).toEqual({ from: '2026-11-29', to: '2026-11-29' });
  });
  it('本周末 across a month end and a year end', () => {
    expect(quickRange('weekend', at('2027-01-01T09:00:00+08:00'))).toEqual({ from: '2027-01-02', to: '2027-01-03' });
    expect(quickRange('weekend', at('2026-07-30T09:00:00+08:00'))).toEqual({ from: '2026-08-01', to: '2026-08-02' });
  });
  it('本周末 is decided by the Shanghai date: Friday 23:00 UTC is already Saturday in Shanghai', () => {
    expect(quickRange('weekend', at('2026-11-27T17:00:00Z'))).toEqual({ from: '2026-11-28', to: '2026-11-29' });
    expect(quickRange('weekend', at('2026-11-28T17:00:00Z'))).toEqual({ from: '2026-11-29', to: '2026-11-29' });
  });
  it('未来7天, 本月 and 下月', () => {
    const now = at('2026-11-27T10:00:00+08:00');
    expect(quickRange('7d', now)).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(quickRange('this-month', now)).toEqual({ from: '2026-11-27', to: '2026-11-30' });
    expect(quickRange('next-month', now)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(quickRange('next-month', at('2026-12-31T23:59:00+08:00'))).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(quickRange('next-month', at('2027-01-31T12:00:00+08:00'))).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
  it('typed dates: order fixed, one day alone allowed, impossible days dropped', () => {
    expect(parseRange('2026-12-12', '2026-12-06')).toEqual({ from: '2026-12-06', to: '2026-12-12' });
    expect(parseRange('2026-12-06', '')).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(parseRange('2026-02-30', '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(parseRange(undefined, null)).toBeUndefined();
  });
  it('describes ranges the way people write them', () => {
    expect(describeRange({ from: '2026-11-28', to: '2026-11-29' })).toBe('11月28日—29日');
    expect(describeRange({ from: '2026-11-30', to: '2026-12-06' })).toBe('11月30日—12月6日');
    expect(describeRange({ from: '2026-12-05', to: '2026-12-05' })).toBe('12月5日');
    expect(describeRange({ from: '2026-12-31', to: '2027-01-01' })).toBe('2026年12月31日—2027年1月1日');
    expect(monthsOf({ from: '2026-11-30', to: '2027-01-02' })).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('events on days', () => {
  const weekendFair = { start: '2026-12-05T09:00+08:00', end: '2026-12-06T17:00+08:00' };
  it('a multi-day fair is on every one of its days', () => {
    expect(overlapsRange(weekendFair, { from: '2026-12-06', to: '2026-12-06' })).toBe(true);
    expect(overlapsRange(weekendFair, { from: '2026-12-05', to: '2026-12-05' })).toBe(true);
    expect(overlapsRange(weekendFair, { from: '2026-12-07', to: '2026-12-12' })).toBe(false);
    expect(overlapsRange(weekendFair, { from: '2026-11-28', to: '2026-12-04' })).toBe(false);
  });
  it('a fair across a month end belongs to both months’ ranges', () => {
    const e = { start: '2026-11-30T09:00+08:00', end: '2026-12-01T17:00+08:00' };
    expect(overlapsRange(e, { from: '2026-12-01', to: '2026-12-31' })).toBe(true);
    expect(overlapsRange(e, { from: '2026-11-01', to: '2026-11-30' })).toBe(true);
  });
  it('an event ending at midnight is not on the next day', () => {
    expect(overlapsRange({ start: '2026-12-05T18:00+08:00', end: '2026-12-06T00:00+08:00' }, { from: '2026-12-06', to: '2026-12-06' })).toBe(false);
  });
  it('filters by a date range together with place', () => {
    const kind = { type: 'community', level: 'county' } as const;
    const events = [
      { id: 'a', city: 'suzhou', county: 'suzhou-kunshan', ...kind, ...weekendFair },
      { id: 'b', city: 'suzhou', county: 'suzhou-kunshan', ...kind, start: '2026-12-12T09:00+08:00', end: '2026-12-12T17:00+08:00' },
      { id: 'c', city: 'nanjing', county: 'nanjing-xuanwu', ...kind, ...weekendFair },
    ];
    expect(filterEvents(events, { city: 'suzhou', from: '2026-12-06', to: '2026-12-06' }).map((e) => e.id)).toEqual(['a']);
    expect(filterEvents(events, { from: '2026-12-06', to: '2026-12-12' }).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('daily hours', () => {
  it('one day', () => {
    expect(formatEventTime({ start: '2026-03-05T09:00+08:00', end: '2026-03-05T17:00+08:00' })).toBe('2026年3月5日（周四）09:00—17:00');
  });
  it('a weekend fair says its days and its daily hours, not "次日17:00"', () => {
    expect(formatEventTime({ start: '2026-12-05T09:00+08:00', end: '2026-12-06T17:00+08:00' })).toBe('2026年12月5日—6日（周六—周日）每天 09:00—17:00');
  });
  it('across a month end and a year end', () => {
    expect(formatEventTime({ start: '2026-11-30T09:00+08:00', end: '2026-12-02T16:30+08:00' })).toBe('2026年11月30日—12月2日（周一—周三）每天 09:00—16:30');
    expect(formatEventTime({ start: '2026-12-31T10:00+08:00', end: '2027-01-01T18:00+08:00' })).toBe(
      '2026年12月31日—2027年1月1日（周四—周五）每天 10:00—18:00',
    );
  });
  it('through the night keeps start and end apart', () => {
    expect(formatEventTime({ start: '2026-12-05T19:00+08:00', end: '2026-12-06T02:00+08:00' })).toBe('2026年12月5日（周六）19:00 — 12月6日（周日）02:00');
  });
  it('the schedule knows how many days and whether hours repeat', () => {
    expect(eventSchedule({ start: '2026-12-05T09:00+08:00', end: '2026-12-07T17:00+08:00' })).toEqual({
      firstDay: '2026-12-05',
      lastDay: '2026-12-07',
      days: 3,
      startTime: '09:00',
      endTime: '17:00',
      daily: true,
    });
    expect(eventSchedule({ start: '2026-12-05T09:00:00+08:00', end: '2026-12-05T17:00:00+08:00' }).daily).toBe(false);
  });
});

describe('what state an event is in', () => {
  const now = at('2026-11-27T10:00:00+08:00');
  it('已结束 once it has ended, 已取消 always for cancelled, nothing for a confirmed event to come', () => {
    expect(eventStateLabel({ status: 'confirmed', end: '2026-11-27T09:59+08:00' }, now)).toBe('已结束');
    expect(eventStateLabel({ status: 'held', end: '2026-11-01T17:00+08:00' }, now)).toBe('已结束');
    expect(eventStateLabel({ status: 'cancelled', end: '2026-12-01T17:00+08:00' }, now)).toBe('已取消');
    expect(eventStateLabel({ status: 'cancelled', end: '2026-10-01T17:00+08:00' }, now)).toBe('已取消');
    expect(eventStateLabel({ status: 'postponed', end: '2026-12-01T17:00+08:00' }, now)).toBe('延期');
    expect(eventStateLabel({ status: 'confirmed', end: '2026-12-01T17:00+08:00' }, now)).toBeUndefined();
  });
});

describe('filters as URLs', () => {
  const now = at('2026-11-27T10:00:00+08:00');
  it('reads only well-formed values and writes them back in a fixed order', () => {
    const q = parseQuery(new URLSearchParams('level=county&when=weekend&county=suzhou-kunshan&city=suzhou&type=nope&month=2026-13&from=2026-02-30'));
    expect(q).toEqual({ city: 'suzhou', county: 'suzhou-kunshan', when: 'weekend', level: 'county' });
    expect(queryToParams(q).toString()).toBe('city=suzhou&county=suzhou-kunshan&when=weekend&level=county');
    expect(parseQuery(new URLSearchParams('city=suzhou&county=nanjing-xuanwu'))).toEqual({ city: 'suzhou' });
  });
  it('a quick choice becomes its days; no time at all means upcoming only on the map', () => {
    expect(resolveQuery({ when: 'weekend' }, now, true)).toEqual({
      filter: { from: '2026-11-28', to: '2026-11-29' },
      range: { from: '2026-11-28', to: '2026-11-29' },
      upcomingOnly: false,
    });
    expect(resolveQuery({ city: 'suzhou' }, now, true).upcomingOnly).toBe(true);
    expect(resolveQuery({ city: 'suzhou' }, now, false).upcomingOnly).toBe(false);
    expect(resolveQuery({ month: '2026-06' }, now, true).upcomingOnly).toBe(false);
    expect(resolveQuery({ when: 'all' }, now, true).upcomingOnly).toBe(false);
  });
  it('describes the question', () => {
    expect(describeQuery({ city: 'suzhou', county: 'suzhou-kunshan', month: '2026-12' }, now, { suzhou: '苏州市', 'suzhou-kunshan': '昆山市' })).toBe(
      '苏州市 · 昆山市 · 12月',
    );
    expect(describeQuery({ when: 'weekend', type: 'rural' }, now, {})).toBe('本周末（11月28日—29日） · 乡村·新能源汽车下乡');
  });
});
