/**
 * Calendar feeds (iCalendar), computed once per build: the feed list and each event's VEVENT text are made
 * on first use and shared by every .ics route, so 20,000 events are serialised once, not once
 * per feed they appear in.
 */
import { getRegionLookup, getRegions } from './regions.ts';
import { getEvents } from './events.ts';
import { getCollection } from 'astro:content';
import { getReferenceNow } from './build-info.ts';
import { fileDate } from './file-dates.ts';
import { displayTitle, type EventItem } from '../lib/events/events.ts';
import { calendarFeeds, type FeedDef } from '../lib/events/calendars.ts';
import { eventToVevent, wrapCalendar, type IcsOptions } from '../lib/ics.ts';
import { siteUrl } from '../lib/site-url.ts';

export const icsHeaders = { 'Content-Type': 'text/calendar; charset=utf-8' };

let options: IcsOptions | undefined;
async function icsOptions(site: URL | undefined): Promise<IcsOptions> {
  if (!options) {
    const region = await getRegionLookup();
    const now = getReferenceNow();
    const files = new Map((await getCollection('events')).map((e) => [e.id.split('/').at(-1)!, e.filePath ?? '']));
    options = {
      siteUrl: siteUrl(site).href,
      changedOf: (e: EventItem) => new Date(`${fileDate(files.get(e.id) ?? '')}T00:00:00+08:00`),
      now,
      placeOf: (e: EventItem) => `${region(e.city).name}${e.county ? region(e.county).name : ''}`,
    };
  }
  return options;
}

const vevents = new Map<string, string>();
async function veventOf(e: EventItem, site: URL | undefined): Promise<string> {
  let text = vevents.get(e.id);
  if (text === undefined) {
    text = eventToVevent(e, await icsOptions(site));
    vevents.set(e.id, text);
  }
  return text;
}

let feeds: FeedDef[] | undefined;
/** Every feed the site publishes (all, cities, counties, months), built once. */
export async function getFeeds(): Promise<FeedDef[]> {
  feeds ??= calendarFeeds(await getEvents(), await getRegions(), getReferenceNow());
  return feeds;
}

/** One feed's text. */
export async function feedText(feed: FeedDef, site: URL | undefined): Promise<string> {
  const parts: string[] = [];
  for (const e of feed.events) parts.push(await veventOf(e, site));
  return wrapCalendar(feed.name, parts);
}

/** One event as a calendar file of its own (what "加入日历" downloads). */
export async function eventFileText(e: EventItem, site: URL | undefined): Promise<string> {
  return wrapCalendar(displayTitle(e), [await veventOf(e, site)]);
}
