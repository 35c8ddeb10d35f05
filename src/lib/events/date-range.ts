/**
 * Date choices as residents ask them ("本周末", "未来7天", "本月", "下月", 12月5日到12月12日), as
 * inclusive ranges of calendar days in Asia/Shanghai (UTC+8, no daylight saving). Dates are
 * "YYYY-MM-DD" strings; `now` is always passed in. Pure; used by pages and browser code alike.
 * The day arithmetic itself is in src/lib/dates.ts.
 */
import { addDays, isIsoDate, lastDayOfMonth, shanghaiDate, weekdayOf, type IsoDate } from '../dates.ts';

export { addDays, isIsoDate, lastDayOfMonth, shanghaiDate, weekdayOf, type IsoDate };

/** From the first day to the last day, both included. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** The quick choices, in the order they are offered. */
export const QUICK_RANGES = ['weekend', '7d', 'this-month', 'next-month'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];
export const QUICK_RANGE_LABELS: Record<QuickRange, string> = {
  weekend: '本周末',
  '7d': '未来7天',
  'this-month': '本月',
  'next-month': '下月',
};

/** True for a quick-choice name such as "weekend". */
export function isQuickRange(value: string): value is QuickRange {
  return (QUICK_RANGES as readonly string[]).includes(value);
}

/**
 * A quick choice as a range of days, seen from `now` in Shanghai:
 * - 本周末: the coming Saturday and Sunday; on a Saturday, today and tomorrow; on a Sunday, today.
 * - 未来7天: today and the six days after it.
 * - 本月: today to the end of this month (the days still to come).
 * - 下月: the whole of next month.
 */
export function quickRange(kind: QuickRange, now: Date): DateRange {
  const today = shanghaiDate(now);
  switch (kind) {
    case 'weekend': {
      const wd = weekdayOf(today);
      if (wd === 0) return { from: today, to: today };
      const saturday = addDays(today, 6 - wd);
      return { from: saturday, to: addDays(saturday, 1) };
    }
    case '7d':
      return { from: today, to: addDays(today, 6) };
    case 'this-month':
      return { from: today, to: lastDayOfMonth(today) };
    case 'next-month': {
      const next = addDays(lastDayOfMonth(today), 1);
      return { from: next, to: lastDayOfMonth(next) };
    }
  }
}

/**
 * A range from what a visitor typed: both days must exist; reversed days are put in order; a
 * missing end means that one day only. Undefined when there is nothing usable.
 */
export function parseRange(from: string | null | undefined, to: string | null | undefined): DateRange | undefined {
  const a = from && isIsoDate(from) ? from : undefined;
  const b = to && isIsoDate(to) ? to : undefined;
  if (!a && !b) return undefined;
  const [x, y] = [a ?? b!, b ?? a!];
  return x <= y ? { from: x, to: y } : { from: y, to: x };
}

/** The first moment of a day in Shanghai, as epoch milliseconds. */
export function startOfDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

/**
 * True when an event takes place on at least one day of the range: it starts before the range
 * ends and ends after it begins. A two-day fair (Saturday–Sunday) is "on" a Sunday-only range.
 */
export function overlapsRange(e: { start: string; end: string }, r: DateRange): boolean {
  return Date.parse(e.start) < startOfDay(addDays(r.to, 1)) && Date.parse(e.end) > startOfDay(r.from);
}

const md = (d: IsoDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** "11月28日—29日", "11月30日—12月6日", "12月5日"; the year only when the range crosses one. */
export function describeRange(r: DateRange): string {
  if (r.from === r.to) return md(r.from);
  if (r.from.slice(0, 4) !== r.to.slice(0, 4)) return `${r.from.slice(0, 4)}年${md(r.from)}—${r.to.slice(0, 4)}年${md(r.to)}`;
  if (r.from.slice(0, 7) === r.to.slice(0, 7)) return `${md(r.from)}—${Number(r.to.slice(8, 10))}日`;
  return `${md(r.from)}—${md(r.to)}`;
}

/** The months ("YYYY-MM") a range touches, in order. */
export function monthsOf(r: DateRange): string[] {
  const out: string[] = [];
  let m = r.from.slice(0, 7);
  const last = r.to.slice(0, 7);
  while (m <= last) {
    out.push(m);
    m = addDays(lastDayOfMonth(m), 1).slice(0, 7);
  }
  return out;
}
