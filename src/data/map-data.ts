/** The map's event data split by city and month, built once per build for every endpoint. */
import { buildMapData } from '../lib/events/map-data.ts';
import { getEvents } from './events.ts';
import { getRegions } from './regions.ts';

let cache: ReturnType<typeof buildMapData> | undefined;

export async function getMapData(): Promise<ReturnType<typeof buildMapData>> {
  cache ??= buildMapData(await getEvents(), await getRegions());
  return cache;
}
