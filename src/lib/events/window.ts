/**
 * Which events a page or feed that should not grow with the whole year shows: the ones around
 * `now` (the build's day; visitors' browsers mark what ended since). Pure; `now` is passed in.
 */
import type { EventItem } from './events.ts';

const DAY_MS = 86_400_000;
/** Ended events stay this many days: a fair from last week is still worth finding. */
export const RECENT_DAYS = 30;
/** Calendar feeds look this many months ahead. */
export const FEED_MONTHS_AHEAD = 12;

type Timed = Pick<EventItem, 'start' | 'end'>;

/** The first moment a window that keeps RECENT_DAYS of ended events starts, for `now`. */
export const recentSince = (now: Date): number => now.getTime() - RECENT_DAYS * DAY_MS;

/**
 * A calendar feed's rolling window: events that ended at most RECENT_DAYS ago and start within
 * FEED_MONTHS_AHEAD months of `now`. Everything else is in the monthly archives.
 */
export function inFeedWindow(e: Timed, now: Date): boolean {
  const ahead = new Date(now);
  ahead.setUTCMonth(ahead.getUTCMonth() + FEED_MONTHS_AHEAD);
  return Date.parse(e.end) >= recentSince(now) && Date.parse(e.start) <= ahead.getTime();
}

/**
 * At most `max` events, for a list that must stay small (the embedded city map): those that
 * ended at most RECENT_DAYS ago or have not ended, earliest first (`events` sorted by start);
 * `more` is how many such events did not fit.
 */
export function recentAndUpcoming<T extends Timed>(events: readonly T[], now: Date, max: number): { shown: T[]; more: number } {
  const since = recentSince(now);
  const current = events.filter((e) => Date.parse(e.end) >= since);
  return { shown: current.slice(0, max), more: Math.max(0, current.length - max) };
}
