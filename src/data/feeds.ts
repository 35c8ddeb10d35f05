/** Shared inputs of the calendar feeds. */
import { getRegionLookup } from './regions.ts';
import { getReferenceNow } from './events.ts';
import type { EventItem } from '../lib/events.ts';
import type { IcsOptions } from '../lib/ics.ts';

export async function icsOptions(name: string, site: URL | undefined): Promise<IcsOptions> {
  const region = await getRegionLookup();
  return {
    name,
    siteUrl: (site ?? new URL('http://localhost:4321')).href,
    stamp: getReferenceNow(),
    placeOf: (e: EventItem) => `${region(e.city).name}${e.county ? region(e.county).name : ''}`,
  };
}

export const icsHeaders = { 'Content-Type': 'text/calendar; charset=utf-8' };
