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
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && h < 24;
}

/** A moment as Shanghai wall-clock text with its offset: 2026-03-05T09:00:00+08:00. */
export function toShanghaiText(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}
