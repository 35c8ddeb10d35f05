/**
 * Calendar helpers for Asia/Shanghai (UTC+8, no daylight saving), all in one place: the day and
 * the wall-clock time of a moment, dates as editors type them, and day and month arithmetic on
 * "YYYY-MM-DD" and "YYYY-MM" strings. Pure; `now` is always passed in.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?\+08:00$/u;

/**
 * True when "2026-03-05T09:00+08:00" names a moment that exists: Date.parse would quietly roll
 * 2026-02-30 over to March, which an editor would never mean.
 */
export function isRealShanghaiTime(value: string): boolean {
  const m = LOCAL.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return isRealMoment({ y, mo, d, h, mi }) && s < 60;
}

/** A calendar date with an optional wall-clock time, as numbers. */
export interface DateParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  hasTime: boolean;
}

/** True when the parts name a day and time that exist (no 2月30日, no 24:00). */
export function isRealMoment(p: Pick<DateParts, 'y' | 'mo' | 'd' | 'h' | 'mi'>): boolean {
  const t = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  return t.getUTCFullYear() === p.y && t.getUTCMonth() === p.mo - 1 && t.getUTCDate() === p.d && p.h >= 0 && p.h < 24 && p.mi >= 0 && p.mi < 60;
}

const LOOSE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T\s]\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?(?:\s*[:：]\s*\d{1,2})?)?$/u;

/**
 * Dates and times as people type them in China: 2026-03-05, 2026/3/5 9:00, 2026.3.5,
 * 2026年3月5日 9时30分 or 20260305. Only the shape is read here; check it with isRealMoment.
 */
export function parseLooseDate(text: string): DateParts | undefined {
  const t = text.trim();
  const m = LOOSE.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(t);
  if (!m) return undefined;
  return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), hasTime: m[4] !== undefined };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** "2026-03-05". */
export function isoDateOf(p: Pick<DateParts, 'y' | 'mo' | 'd'>): string {
  return `${p.y}-${pad2(p.mo)}-${pad2(p.d)}`;
}
/** "2026-03-05T09:00+08:00". */
export function shanghaiTimeOf(p: DateParts): string {
  return `${isoDateOf(p)}T${pad2(p.h)}:${pad2(p.mi)}+08:00`;
}

/** The calendar day (yyyy-mm-dd) of a moment in Asia/Shanghai: the day a reader in China writes down. */
export function shanghaiDate(moment: Date): string {
  return toShanghaiText(moment).slice(0, 10);
}

/** A moment as Shanghai wall-clock text with its offset: 2026-03-05T09:00:00+08:00. */
export function toShanghaiText(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

/** A calendar day, "2026-12-05". */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** True when the text is a calendar day that exists ("2026-02-30" is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The day `n` days after `date` (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Sunday … 6 for Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The last day of the month a date (or a "YYYY-MM" month) falls in. */
export function lastDayOfMonth(dateOrMonth: string): IsoDate {
  const [y, m] = [Number(dateOrMonth.slice(0, 4)), Number(dateOrMonth.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Months between two "YYYY-MM" strings (b - a). */
export function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** The month `n` months after "YYYY-MM" (n may be negative). */
export function addMonths(ym: string, n: number): string {
  const total = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
