/**
 * Loads event data for the map, the filters and "near me" from the city-month chunks
 * (/data/map/…, see src/lib/events/map-data.ts), each chunk once per page.
 */
import {
  chooseChunks,
  chunkKey,
  fromMapRows,
  fromProvinceChunk,
  PROVINCE,
  type ChunkNeed,
  type MapChunkLine,
  type MapEvent,
  type MapManifest,
  type MapRow,
  type ProvinceChunk,
} from '../lib/events/map-data.ts';

const json = async <T>(url: string): Promise<T> => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json() as Promise<T>;
};

let manifest: Promise<MapManifest> | undefined;
/** The manifest: regions, seats and the chunk list. */
export function loadManifest(): Promise<MapManifest> {
  manifest ??= json<MapManifest>('/data/map/index.json');
  manifest.catch(() => {
    manifest = undefined;
  });
  return manifest;
}

const chunks = new Map<string, Promise<MapEvent[]>>();
/** One chunk's events, fetched once. */
export function loadChunk(line: MapChunkLine): Promise<MapEvent[]> {
  const key = chunkKey(line[0], line[1]);
  let p = chunks.get(key);
  const whole = line[0] === PROVINCE ? undefined : chunks.get(chunkKey(PROVINCE, line[1]));
  // The province's month is already here: this city's part of it needs no request.
  if (!p && whole) p = whole.then((events) => events.filter((e) => e.city === line[0]));
  if (!p) {
    p =
      line[0] === PROVINCE
        ? json<ProvinceChunk>(`/data/map/${key}.json`).then(fromProvinceChunk)
        : json<MapRow[]>(`/data/map/${key}.json`).then((rows) => fromMapRows(line[0], rows));
    p.catch(() => chunks.delete(key));
    chunks.set(key, p);
  }
  return p;
}

/** True when a chunk (or the province-wide chunk holding its month) has already been asked for. */
export const isLoaded = (line: MapChunkLine) => chunks.has(chunkKey(line[0], line[1])) || chunks.has(chunkKey(PROVINCE, line[1]));

export interface Loaded {
  events: MapEvent[];
  left: number;
  manifest: MapManifest;
}

/** The events a need asks for (every chunk it matches, up to the budget), de-duplicated. */
export async function loadEvents(need: ChunkNeed, budget?: number): Promise<Loaded> {
  const m = await loadManifest();
  const choice = chooseChunks(m, need, budget);
  const lists = await Promise.all(choice.load.map(loadChunk));
  return { events: lists.flat(), left: choice.left, manifest: m };
}

/** Region names by id ("suzhou-kunshan" -> "昆山市"). */
export function regionNames(m: MapManifest): Record<string, string> {
  return Object.fromEntries(m.regions.map((r) => [r[0], r[1]]));
}
