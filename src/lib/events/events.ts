/**
 * Events as plain data: titles (示例 marking), months, upcoming/past with `now` passed in,
 * filters, and the plan-versus-published counts. Pure; no clock is read here.
 */
import type { EVENT_STATUSES, EventLevel, EventType } from '../event-labels.ts';
import { overlapsRange, parseRange, type IsoDate } from './date-range.ts';

export type EventStatus = (typeof EVENT_STATUSES)[number];

/** One event with plain string ids (what src/data hands to pages). */
export interface EventItem {
  id: string;
  title: string;
  year: number;
  type: EventType;
  level: EventLevel;
  city: string;
  county?: string | undefined;
  venue: { name: string; address: string };
  lat: number;
  lng: number;
  start: string;
  end: string;
  organisers: string[];
  hosts: string[];
  brands: string[];
  services: string[];
  policies: string[];
  status: EventStatus;
  phone?: string | undefined;
  notes?: string | undefined;
  demo: boolean;
}

/** The label every demonstration item carries, wherever it is shown. */
export const DEMO_LABEL = '示例';

/** The title as shown everywhere: demonstration events start with 【示例】. */
export function displayTitle(e: Pick<EventItem, 'title' | 'demo'>): string {
  return e.demo ? `【${DEMO_LABEL}】${e.title}` : e.title;
}

/** "2026-03" from the event's local start time. */
export function monthOf(e: Pick<EventItem, 'start'>): string {
  return e.start.slice(0, 7);
}

/** Chronological order: start time, then id. */
export function byStart(a: Pick<EventItem, 'start' | 'id'>, b: Pick<EventItem, 'start' | 'id'>): number {
  return Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id);
}

/** An event is upcoming until it ends. */
export function isUpcoming(e: Pick<EventItem, 'end'>, now: Date): boolean {
  return Date.parse(e.end) >= now.getTime();
}

/** Upcoming soonest first; past most recent first. */
export function splitByTime<T extends EventItem>(events: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming = events.filter((e) => isUpcoming(e, now)).sort(byStart);
  const past = events.filter((e) => !isUpcoming(e, now)).sort((a, b) => byStart(b, a));
  return { upcoming, past };
}

/** Events grouped by month ("2026-03"), months in order. */
export function groupByMonth<T extends EventItem>(events: readonly T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const e of [...events].sort(byStart)) {
    const key = monthOf(e);
    map.set(key, [...(map.get(key) ?? []), e]);
  }
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * What a visitor can filter by. Empty fields do not filter. `from`/`to` are days in Shanghai
 * ("2026-12-05"); an event matches when it takes place on any day of that range.
 */
export interface EventFilter {
  city?: string;
  county?: string;
  month?: string;
  type?: string;
  level?: string;
  from?: IsoDate;
  to?: IsoDate;
}

export function filterEvents<T extends Pick<EventItem, 'city' | 'county' | 'start' | 'end' | 'type' | 'level'>>(events: readonly T[], f: EventFilter): T[] {
  const range = parseRange(f.from, f.to);
  return events.filter(
    (e) =>
      (!f.city || e.city === f.city) &&
      (!f.county || e.county === f.county) &&
      (!f.month || monthOf(e) === f.month) &&
      (!f.type || e.type === f.type) &&
      (!f.level || e.level === f.level) &&
      (!range || overlapsRange(e, range)),
  );
}

/**
 * What a card, popup or calendar entry says about an event's state at `now`: 已取消, 已结束,
 * 延期 or 计划中; nothing for a confirmed event still to come.
 */
export function eventStateLabel(e: Pick<EventItem, 'status' | 'end'>, now: Date): string | undefined {
  if (e.status === 'cancelled') return '已取消';
  if (!isUpcoming(e, now) || e.status === 'held') return '已结束';
  if (e.status === 'postponed') return '延期';
  if (e.status === 'planned') return '计划中';
  return undefined;
}

/** One month of the plan beside what has been published. */
export interface PlanMonthProgress {
  month: string;
  planned: { city: number; county: number };
  published: number;
}

/** "12月 计划市级1场、县区3场；已发布2场". */
export function describeProgress(p: PlanMonthProgress): string {
  return `${Number(p.month.slice(5))}月 计划市级${p.planned.city}场、县区${p.planned.county}场；已发布${p.published}场`;
}

/**
 * The "本月" line for a visitor's month (yyyy-mm), from each plan month's description (month ->
 * describeProgress): that month's plan, or — outside the plan year — that the plan has not begun
 * or is over. Used at build time and again with the visitor's clock.
 */
export function monthProgressLine(lines: Readonly<Record<string, string>>, month: string): { lead: string; text: string } {
  const line = lines[month];
  if (line) return { lead: '本月：', text: line };
  const months = Object.keys(lines).sort();
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return { lead: '', text: '' };
  const year = first.slice(0, 4);
  return month > last
    ? { lead: `${year}年计划已全部结束：`, text: `计划的最后一个月是${Number(last.slice(5))}月，下表是全年的计划与已发布活动。` }
    : { lead: `${year}年计划尚未开始：`, text: `计划从${Number(first.slice(5))}月开始。` };
}

/** The days and daily hours of an event, read from its Shanghai wall-clock start and end. */
export interface EventSchedule {
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** Number of calendar days it touches. */
  days: number;
  startTime: string;
  endTime: string;
  /**
   * True for a fair over several days that opens and closes at the same hours each day
   * (09:00 on the first day to 17:00 on the last): "每天 09:00—17:00". False when it runs
   * through the night (19:00 to 02:00 the next day).
   */
  daily: boolean;
}

export function eventSchedule(e: Pick<EventItem, 'start' | 'end'>): EventSchedule {
  const firstDay = e.start.slice(0, 10);
  const lastDay = e.end.slice(0, 10);
  const startTime = e.start.slice(11, 16);
  const endTime = e.end.slice(11, 16);
  const days = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / 86_400_000) + 1;
  return { firstDay, lastDay, days, startTime, endTime, daily: days > 1 && endTime > startTime };
}

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayZh = (date: string) => `周${WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * When an event is on, in the words people use:
 * - one day: "2026年3月5日（周四）09:00—17:00";
 * - several days, same hours: "2026年12月5日—6日（周六—周日）每天 09:00—17:00";
 * - through the night: "2026年12月5日（周六）19:00 — 12月6日（周日）02:00".
 */
export function formatEventTime(e: Pick<EventItem, 'start' | 'end'>): string {
  const s = eventSchedule(e);
  const year = `${s.firstDay.slice(0, 4)}年`;
  if (s.days === 1) return `${year}${monthDay(s.firstDay)}（${weekdayZh(s.firstDay)}）${s.startTime}—${s.endTime}`;
  if (s.daily) {
    const sameYear = s.firstDay.slice(0, 4) === s.lastDay.slice(0, 4);
    const sameMonth = s.firstDay.slice(0, 7) === s.lastDay.slice(0, 7);
    const last = !sameYear ? `${s.lastDay.slice(0, 4)}年${monthDay(s.lastDay)}` : sameMonth ? `${Number(s.lastDay.slice(8, 10))}日` : monthDay(s.lastDay);
    return `${year}${monthDay(s.firstDay)}—${last}（${weekdayZh(s.firstDay)}—${weekdayZh(s.lastDay)}）每天 ${s.startTime}—${s.endTime}`;
  }
  return `${year}${monthDay(s.firstDay)}（${weekdayZh(s.firstDay)}）${s.startTime} — ${monthDay(s.lastDay)}（${weekdayZh(s.lastDay)}）${s.endTime}`;
}

/**
 * A stable id for an imported event without one: year, city and a short hash of what makes
 * it unique, so re-importing the same sheet gives the same id.
 */
export function makeEventId(e: Pick<EventItem, 'year' | 'city' | 'start' | 'title'> & { venue: { name: string } }): string {
  let h = 0x811c9dc5;
  for (const ch of `${e.city}|${e.start}|${e.venue.name}|${e.title}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${e.year}-${e.city}-${h.toString(16).padStart(8, '0')}`;
}
