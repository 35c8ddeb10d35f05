/** The map's event data split by city and month, built once per build for every endpoint. */
import { buildMapData, type MapManifest, type MapRow } from '../lib/events/map-data.ts';
import { getEvents } from './events.ts';
import { getRegions } from './regions.ts';

let cache: { manifest: MapManifest; chunks: Map<string, MapRow[]> } | undefined;

export async function getMapData(): Promise<{ manifest: MapManifest; chunks: Map<string, MapRow[]> }> {
  cache ??= buildMapData(await getEvents(), await getRegions());
  return cache;
}
