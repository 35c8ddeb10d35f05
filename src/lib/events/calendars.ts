/**
 * Which calendar feeds the site publishes and which events each holds. Pure; `now` passed in.
 *
 * - /calendar/all.ics: the whole province, but only events that ended in the last
 *   ALL_RECENT_DAYS days or start within the next ALL_AHEAD_DAYS. A year of every event (11 MB at
 *   20,000 events) serves nobody: phones re-download a subscription every few hours. The site is
 *   rebuilt daily, so the window moves on by itself.
 * - /calendar/<city>.ics and /calendar/<city>/<county>.ics: the feeds residents subscribe to,
 *   with a rolling window too (inFeedWindow: ended in the last 30 days, or starting within 12
 *   months), so a city's feed stays a few hundred KB however many events the year has.
 * - /calendar/<YYYY-MM>.ics: every event starting that month, the province's archive: what has
 *   left the rolling windows is still there.
 */
import { byStart, monthOf, type EventItem } from './events.ts';
import { inFeedWindow } from './window.ts';

/** How long an ended event stays in the province-wide feed, in days. */
export const ALL_RECENT_DAYS = 14;
/** How far ahead the province-wide feed looks, in days. */
export const ALL_AHEAD_DAYS = 60;

export interface FeedPlace {
  id: string;
  name: string;
  shortName: string;
  slug: string;
  parent: string | null;
}

export interface FeedDef<T = EventItem> {
  /** Path under /calendar/ without ".ics": "all", "nanjing", "nanjing/xuanwu", "2026-12". */
  path: string;
  /** Calendar name shown by clients. */
  name: string;
  kind: 'all' | 'city' | 'county' | 'month';
  events: T[];
}

const TAIL = '汽车“五进”活动';

/** Every feed: all, then each city, each county, each month with events; events chronological. */
export function calendarFeeds<T extends Pick<EventItem, 'id' | 'city' | 'county' | 'start' | 'end'>>(
  events: readonly T[],
  places: readonly FeedPlace[],
  now: Date,
): FeedDef<T>[] {
  const sorted = [...events].sort(byStart);
  const since = now.getTime() - ALL_RECENT_DAYS * 86_400_000;
  const until = now.getTime() + ALL_AHEAD_DAYS * 86_400_000;
  const current = sorted.filter((e) => inFeedWindow(e, now));
  const cities = places.filter((p) => p.parent === null);
  const counties = places.filter((p) => p.parent !== null);
  const cityName = new Map(cities.map((c) => [c.id, c.shortName]));
  const months = [...new Set(sorted.map(monthOf))].sort();
  return [
    { path: 'all', name: `江苏${TAIL}`, kind: 'all', events: sorted.filter((e) => Date.parse(e.end) >= since && Date.parse(e.start) <= until) },
    ...cities.map((c): FeedDef<T> => ({ path: c.id, name: `${c.shortName}${TAIL}`, kind: 'city', events: current.filter((e) => e.city === c.id) })),
    ...counties.map((k): FeedDef<T> => ({
      path: `${k.parent}/${k.slug}`,
      name: `${cityName.get(k.parent!) ?? ''}${k.shortName}${TAIL}`,
      kind: 'county',
      events: current.filter((e) => e.county === k.id),
    })),
    ...months.map((m): FeedDef<T> => ({
      path: m,
      name: `江苏${TAIL}（${m.slice(0, 4)}年${Number(m.slice(5))}月）`,
      kind: 'month',
      events: sorted.filter((e) => monthOf(e) === m),
    })),
  ];
}

/** The https address of a feed on the site. */
export function feedUrl(site: string | URL, path: string): string {
  return new URL(`/calendar/${path}.ics`, site).href;
}

/** The same address as webcal://, which phones and Macs open as "subscribe". */
export function webcalUrl(site: string | URL, path: string): string {
  return feedUrl(site, path).replace(/^https?:/u, 'webcal:');
}
