/**
 * What a search result says about an event's time: its date, and whether it is over. Static
 * pages age, so the browser decides with the visitor's clock from the start and end written
 * into the page's search metadata. Pure; `now` is passed in.
 */

export type EventTimeState = 'upcoming' | 'ongoing' | 'ended' | 'cancelled';

/** Labels as residents read them. */
export const EVENT_TIME_LABELS: Record<EventTimeState, string> = {
  upcoming: '即将举办',
  ongoing: '正在举办',
  ended: '已结束',
  cancelled: '已取消',
};

/** Upcoming until it starts, ongoing until it ends, then ended; cancelled whatever the time. */
export function eventTimeState(start: string, end: string, now: Date, cancelled = false): EventTimeState | undefined {
  if (cancelled) return 'cancelled';
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (Number.isNaN(s) || Number.isNaN(e)) return undefined;
  if (now.getTime() < s) return 'upcoming';
  if (now.getTime() <= e) return 'ongoing';
  return 'ended';
}

/** "2026年12月5日" or "2026年12月5日—6日" from local times written with their offset (read as written). */
export function eventDateLabel(start: string, end: string): string {
  const part = (t: string) => ({ y: Number(t.slice(0, 4)), m: Number(t.slice(5, 7)), d: Number(t.slice(8, 10)) });
  const a = part(start);
  const b = part(end);
  if ([a.y, a.m, a.d].some(Number.isNaN)) return '';
  const first = `${a.y}年${a.m}月${a.d}日`;
  if (Number.isNaN(b.d) || (a.y === b.y && a.m === b.m && a.d === b.d)) return first;
  if (a.y === b.y && a.m === b.m) return `${first}—${b.d}日`;
  if (a.y === b.y) return `${first}—${b.m}月${b.d}日`;
  return `${first}—${b.y}年${b.m}月${b.d}日`;
}

/** Where a result goes among others as relevant: pages and upcoming or running events, then ended events, then cancelled ones. */
const TIME_RANK: Record<EventTimeState, number> = { upcoming: 0, ongoing: 0, ended: 1, cancelled: 2 };

/**
 * Results in their relevance order, except that an ended event comes after the pages and events
 * still to come, and a cancelled one last (stable within each group). `meta` is Pagefind's page
 * metadata: start, end and cancelled for event pages.
 */
export function rankByTime<T extends { meta: Record<string, string | undefined> }>(results: readonly T[], now: Date): T[] {
  const rank = (r: T) => {
    const m = r.meta;
    const state = m['start'] && m['end'] ? eventTimeState(m['start'], m['end'], now, m['cancelled'] === '1') : undefined;
    return state ? TIME_RANK[state] : 0;
  };
  return results
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r);
}

/** The Pagefind filter value an event page carries: the day it ends (Shanghai, as written), or 已取消. */
export const ENDS_FILTER = 'ends';
export const CANCELLED_VALUE = '已取消';
export function endsFilterValue(end: string, cancelled: boolean): string {
  return cancelled ? CANCELLED_VALUE : end.slice(0, 10);
}

/**
 * Which values of the `ends` filter, among those a search returned, are ended events on the
 * visitor's day `today` (YYYY-MM-DD, Shanghai) and which are cancelled. An event ending today
 * counts as still on; the finer order within a loaded batch is rankByTime's.
 */
export function endsGroups(values: Readonly<Record<string, number>> | undefined, today: string): { ended: string[]; cancelled: string[] } {
  const ended: string[] = [];
  const cancelled: string[] = [];
  for (const [v, n] of Object.entries(values ?? {})) {
    if (n <= 0) continue;
    if (v === CANCELLED_VALUE) cancelled.push(v);
    else if (/^\d{4}-\d{2}-\d{2}$/u.test(v) && v < today) ended.push(v);
  }
  return { ended: ended.sort(), cancelled };
}

/**
 * All results in their relevance order, except that ended events come after everything still on,
 * and cancelled ones last (stable within each group). Works on result ids, before any result's
 * data is downloaded.
 */
export function rankIdsByTime<T extends { id: string }>(results: readonly T[], ended: ReadonlySet<string>, cancelled: ReadonlySet<string>): T[] {
  const rank = (r: T) => (cancelled.has(r.id) ? 2 : ended.has(r.id) ? 1 : 0);
  return results
    .map((r, i) => ({ r, i, k: rank(r) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.r);
}
