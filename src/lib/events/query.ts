/**
 * A visitor's question as URL parameters, shared by the event list and the map so that every
 * filter is a GET-able address: /events/?city=suzhou&county=suzhou-kunshan&when=weekend,
 * /map/?city=suzhou&month=2026-12, /events/?from=2026-12-06&to=2026-12-12&type=rural. Pure.
 */
import { EVENT_LEVELS, EVENT_LEVEL_LABELS, EVENT_TYPES, EVENT_TYPE_LABELS } from '../event-labels.ts';
import type { EventFilter } from './events.ts';
import { describeRange, isIsoDate, isQuickRange, parseRange, quickRange, QUICK_RANGE_LABELS, type DateRange, type QuickRange } from './date-range.ts';

/** Parameter names, in the order they are written into a URL. */
export const QUERY_KEYS = ['city', 'county', 'when', 'month', 'from', 'to', 'type', 'level'] as const;
export type QueryKey = (typeof QUERY_KEYS)[number];

/** `when` is a quick choice, or "all" (the map's way of saying: also events that have ended). */
export type When = QuickRange | 'all';

export interface EventQuery {
  city?: string;
  county?: string;
  when?: When;
  month?: string;
  from?: string;
  to?: string;
  type?: string;
  level?: string;
}

/** Reads a query from URL parameters, dropping anything malformed. */
export function parseQuery(params: URLSearchParams, regionIds?: ReadonlySet<string>): EventQuery {
  const q: EventQuery = {};
  const get = (k: QueryKey) => params.get(k)?.trim() || undefined;
  const city = get('city');
  if (city && /^[a-z]+$/u.test(city) && (!regionIds || regionIds.has(city))) q.city = city;
  const county = get('county');
  if (q.city && county && county.startsWith(`${q.city}-`) && (!regionIds || regionIds.has(county))) q.county = county;
  const when = get('when');
  if (when && (when === 'all' || isQuickRange(when))) q.when = when;
  const month = get('month');
  if (month && /^\d{4}-(0[1-9]|1[0-2])$/u.test(month)) q.month = month;
  const from = get('from');
  const to = get('to');
  if (from && isIsoDate(from)) q.from = from;
  if (to && isIsoDate(to)) q.to = to;
  const type = get('type');
  if (type && (EVENT_TYPES as readonly string[]).includes(type)) q.type = type;
  const level = get('level');
  if (level && (EVENT_LEVELS as readonly string[]).includes(level)) q.level = level;
  return q;
}

/** The query as URL parameters, in a fixed order (so the same question gives the same URL). */
export function queryToParams(q: EventQuery): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of QUERY_KEYS) {
    const v = q[k];
    if (v) p.set(k, v);
  }
  return p;
}

/** True when the query asks anything at all. */
export function isEmptyQuery(q: EventQuery): boolean {
  return QUERY_KEYS.every((k) => !q[k]);
}

export interface ResolvedQuery {
  filter: EventFilter;
  /** The days asked for (a quick choice or typed dates), if any. */
  range?: DateRange;
  /** True when only events not yet ended should show: the map's default when no time is chosen. */
  upcomingOnly: boolean;
}

/**
 * What a query means at `now`. A quick choice becomes its days; typed dates are put in order;
 * with no time chosen at all, `upcomingByDefault` (the map) keeps only events still to come.
 */
export function resolveQuery(q: EventQuery, now: Date, upcomingByDefault: boolean): ResolvedQuery {
  const filter: EventFilter = {};
  if (q.city) filter.city = q.city;
  if (q.county) filter.county = q.county;
  if (q.month) filter.month = q.month;
  if (q.type) filter.type = q.type;
  if (q.level) filter.level = q.level;
  const range = q.when && q.when !== 'all' ? quickRange(q.when, now) : parseRange(q.from, q.to);
  if (range) {
    filter.from = range.from;
    filter.to = range.to;
  }
  const timeChosen = Boolean(q.when || q.month || range);
  return { filter, ...(range ? { range } : {}), upcomingOnly: upcomingByDefault && !timeChosen };
}

/** "苏州市 · 昆山市 · 12月 · 本周末（11月28日—29日）" for status lines and headings. */
export function describeQuery(q: EventQuery, now: Date, names: Readonly<Record<string, string>>): string {
  const parts: string[] = [];
  if (q.city) parts.push(names[q.city] ?? q.city);
  if (q.county) parts.push(names[q.county] ?? q.county);
  if (q.month) parts.push(`${Number(q.month.slice(5))}月`);
  if (q.when === 'all') parts.push('全部时间');
  else if (q.when) parts.push(`${QUICK_RANGE_LABELS[q.when]}（${describeRange(quickRange(q.when, now))}）`);
  else {
    const r = parseRange(q.from, q.to);
    if (r) parts.push(describeRange(r));
  }
  if (q.type) parts.push(EVENT_TYPE_LABELS[q.type as keyof typeof EVENT_TYPE_LABELS]);
  if (q.level) parts.push(EVENT_LEVEL_LABELS[q.level as keyof typeof EVENT_LEVEL_LABELS]);
  return parts.join(' · ');
}
