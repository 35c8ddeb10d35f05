/** Calendar helpers for Asia/Shanghai (UTC+8, no daylight saving). Pure. */

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
