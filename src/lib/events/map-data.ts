/**
 * The event data browsers load for the map, the instant filters and "near me", split by city
 * and month so that a page loads only what its view and filters need:
 *
 * - /data/map/index.json (the manifest): region names and seats, and one line per non-empty
 *   city-month chunk with its event count and bounding box. Small and independent of how many
 *   events there are, beyond one line per chunk.
 * - /data/map/<city>/<YYYY-MM>.json: that city's events starting that month, one array each.
 * - /data/map/all/<YYYY-MM>.json: the whole province's month, by city: one request instead of
 *   thirteen when the map opens on the whole province.
 *
 * chooseChunks() decides which chunks a view needs, soonest month first and nearest first,
 * stopping at a budget of events so the first markers come quickly even at 20,000 events.
 * Pure; used by the endpoints and by browser code.
 */
import type { EventItem } from './events.ts';
import { addDays, monthsOf, shanghaiDate, type DateRange } from './date-range.ts';

/** What browser code knows about an event. */
export type MapEvent = Pick<EventItem, 'id' | 'title' | 'demo' | 'type' | 'level' | 'city' | 'county' | 'lat' | 'lng' | 'start' | 'end' | 'status'> & {
  venue: string;
};

/**
 * One event in a chunk: id, title, demo (1/0), type, level, county slug ("" if none), venue,
 * lat, lng, start and end as Shanghai wall-clock "2026-12-05T09:00" (the offset is always +08:00).
 */
export type MapRow = [string, string, 0 | 1, string, string, string, string, number, number, string, string, string];

/** [id, name, short name, lat, lng, parent city id or ""]. */
export type MapRegion = [string, string, string, number, number, string];

/** [city, month, events, south, west, north, east]. */
export type MapChunkLine = [string, string, number, number, number, number, number];

export interface MapManifest {
  /** Every city and county, in code order: names for places, seats for the map. */
  regions: MapRegion[];
  /** The longest event, in calendar days: how far back a date range must look for fairs already running. */
  maxDays: number;
  /** Total events across all chunks. */
  total: number;
  chunks: MapChunkLine[];
}

/** Events loaded before anyone touches the page: ~25 bytes each gzipped, so ~40 KB at most. */
export const MAP_EAGER_EVENTS = 1500;

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}
interface RegionLike {
  id: string;
  name: string;
  shortName: string;
  slug: string;
  lat: number;
  lng: number;
  parent: string | null;
}

const SHANGHAI = '+08:00';
const wall = (iso: string) => iso.slice(0, 16);

/** The chunk key and file path of a city-month: "nanjing/2026-12". */
export const chunkKey = (city: string, month: string) => `${city}/${month}`;

/** The "city" of the province-wide month chunks ("all/2026-12"); no city has this id. */
export const PROVINCE = 'all';

/** A province-wide month chunk: each city's rows. */
export type ProvinceChunk = Record<string, MapRow[]>;

/** Splits events into city-month chunks and writes the manifest. Chunks and lines in a fixed order. */
export function buildMapData(
  events: readonly EventItem[],
  regions: readonly RegionLike[],
): { manifest: MapManifest; chunks: Map<string, MapRow[]>; provinceChunks: Map<string, ProvinceChunk> } {
  const slugOf = new Map(regions.map((r) => [r.id, r.slug]));
  const chunks = new Map<string, MapRow[]>();
  const boxes = new Map<string, Bounds>();
  let maxDays = 1;
  const sorted = [...events].sort((a, b) => a.city.localeCompare(b.city) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  for (const e of sorted) {
    const key = chunkKey(e.city, e.start.slice(0, 7));
    const row: MapRow = [
      e.id,
      e.title,
      e.demo ? 1 : 0,
      e.type,
      e.level,
      e.county ? (slugOf.get(e.county) ?? '') : '',
      e.venue.name,
      e.lat,
      e.lng,
      wall(e.start),
      wall(e.end),
      e.status,
    ];
    chunks.set(key, [...(chunks.get(key) ?? []), row]);
    const b = boxes.get(key);
    boxes.set(
      key,
      b
        ? { south: Math.min(b.south, e.lat), west: Math.min(b.west, e.lng), north: Math.max(b.north, e.lat), east: Math.max(b.east, e.lng) }
        : { south: e.lat, west: e.lng, north: e.lat, east: e.lng },
    );
    const days = Math.round((Date.parse(`${e.end.slice(0, 10)}T00:00:00Z`) - Date.parse(`${e.start.slice(0, 10)}T00:00:00Z`)) / 86_400_000) + 1;
    maxDays = Math.max(maxDays, days);
  }
  const lines = [...chunks.entries()].map(([key, rows]): MapChunkLine => {
    const [city, month] = key.split('/') as [string, string];
    const b = boxes.get(key)!;
    return [city, month, rows.length, b.south, b.west, b.north, b.east];
  });
  const provinceChunks = new Map<string, ProvinceChunk>();
  for (const [city, month] of lines) {
    const byCity = provinceChunks.get(month) ?? {};
    byCity[city] = chunks.get(chunkKey(city, month))!;
    provinceChunks.set(month, byCity);
  }
  const provinceLines = [...provinceChunks.keys()].sort().map((month): MapChunkLine => {
    const own = lines.filter((l) => l[1] === month);
    return [
      PROVINCE,
      month,
      own.reduce((n, l) => n + l[2], 0),
      Math.min(...own.map((l) => l[3])),
      Math.min(...own.map((l) => l[4])),
      Math.max(...own.map((l) => l[5])),
      Math.max(...own.map((l) => l[6])),
    ];
  });
  return {
    manifest: {
      regions: regions.map((r): MapRegion => [r.id, r.name, r.shortName, r.lat, r.lng, r.parent ?? '']),
      maxDays,
      total: events.length,
      chunks: [...lines, ...provinceLines],
    },
    chunks,
    provinceChunks,
  };
}

/** A province-wide chunk's rows back as events. */
export function fromProvinceChunk(chunk: ProvinceChunk): MapEvent[] {
  return Object.entries(chunk).flatMap(([city, rows]) => fromMapRows(city, rows));
}

/** A chunk's rows back as events. County slugs become ids again ("kunshan" -> "suzhou-kunshan"). */
export function fromMapRows(city: string, rows: readonly MapRow[]): MapEvent[] {
  return rows.map(([id, title, demo, type, level, county, venue, lat, lng, start, end, status]) => ({
    id,
    title,
    demo: demo === 1,
    type: type as MapEvent['type'],
    level: level as MapEvent['level'],
    city,
    county: county ? `${city}-${county}` : undefined,
    venue,
    lat,
    lng,
    start: `${start}${SHANGHAI}`,
    end: `${end}${SHANGHAI}`,
    status: status as MapEvent['status'],
  }));
}

/** What a view asks for. Empty fields ask for everything. */
export interface ChunkNeed {
  city?: string | undefined;
  /** Only these months (a month filter); combined with `range` and `since` when given. */
  month?: string | undefined;
  /** Only events on these days. */
  range?: DateRange | undefined;
  /** Only events still running at this moment (epoch ms): upcoming. */
  since?: number | undefined;
  /** Only chunks whose events can fall inside this box (the map's view). */
  bounds?: Bounds | undefined;
  /** Load the chunks nearest to this point first. */
  center?: { lat: number; lng: number } | undefined;
}

export interface ChunkChoice {
  /** Chunks to load, in order. */
  load: MapChunkLine[];
  /** Events in chunks the need matched but the budget left out. */
  left: number;
}

const intersects = (a: Bounds, b: Bounds) => a.south <= b.north && a.north >= b.south && a.west <= b.east && a.east >= b.west;

/**
 * The chunks a view needs, soonest month first and, within a month, nearest first; stops
 * before the budget of events would be passed (but always loads at least one chunk). With no
 * city and no view box (the whole province), the province-wide month chunks are used.
 */
export function chooseChunks(manifest: MapManifest, need: ChunkNeed, budget = Number.POSITIVE_INFINITY, wholeMonths = true): ChunkChoice {
  const province = wholeMonths && !need.city && !need.bounds;
  const lookBack = manifest.maxDays - 1;
  let months: (m: string) => boolean = () => true;
  const tests: ((m: string) => boolean)[] = [];
  if (need.month) tests.push((m) => m === need.month);
  if (need.range) {
    const set = new Set(monthsOf({ from: addDays(need.range.from, -lookBack), to: need.range.to }));
    tests.push((m) => set.has(m));
  }
  if (need.since !== undefined) {
    const first = addDays(shanghaiDate(new Date(need.since)), -lookBack).slice(0, 7);
    tests.push((m) => m >= first);
  }
  if (tests.length) months = (m) => tests.every((t) => t(m));
  const center = need.center;
  const dist = (c: MapChunkLine) => (center ? Math.hypot((c[3] + c[5]) / 2 - center.lat, ((c[4] + c[6]) / 2 - center.lng) * 0.85) : 0);
  const matched = manifest.chunks
    .filter(
      (c) =>
        (province ? c[0] === PROVINCE : c[0] !== PROVINCE) &&
        (!need.city || c[0] === need.city) &&
        months(c[1]) &&
        (!need.bounds || intersects(need.bounds, { south: c[3], west: c[4], north: c[5], east: c[6] })),
    )
    .sort((a, b) => a[1].localeCompare(b[1]) || dist(a) - dist(b) || a[0].localeCompare(b[0]));
  // A province month bigger than the budget on its own: take it city by city instead.
  if (province && matched[0] && matched[0][2] > budget) return chooseChunks(manifest, need, budget, false);
  const load: MapChunkLine[] = [];
  let count = 0;
  let left = 0;
  for (const c of matched) {
    if (load.length === 0 || (left === 0 && count + c[2] <= budget)) {
      load.push(c);
      count += c[2];
    } else {
      left += c[2];
    }
  }
  return { load, left };
}
