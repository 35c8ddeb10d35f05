import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import regions from '../../content/regions/jiangsu.json' with { type: 'json' };
import { EVENT_TYPES } from '../../src/lib/event-labels.ts';
import type { EventItem } from '../../src/lib/events/events.ts';
import { buildMapData, chooseChunks, fromProvinceChunk, MAP_EAGER_EVENTS, PROVINCE } from '../../src/lib/events/map-data.ts';
import { eventsNearCounty, NEARBY_RADIUS_KM } from '../../src/lib/events/nearby.ts';
import { distanceKm } from '../../src/lib/geo.ts';
import { fillTileUrl, isTiandituKey, tiandituTileUrl } from '../../src/lib/map-tiles.ts';
import type { RegionEntry } from '../../src/lib/regions.ts';

const all = regions as RegionEntry[];
const counties = all.filter((r) => r.parent !== null);
const region = (id: string) => all.find((r) => r.id === id)!;

/** The same kind of synthetic events as `npm run generate` (seeded, every county, every month). */
function synthetic(n: number): EventItem[] {
  let seed = 20260101;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pad = (x: number) => String(x).padStart(2, '0');
  return Array.from({ length: n }, (_, i): EventItem => {
    const county = counties[i % counties.length]!;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const hour = 9 + Math.floor(rand() * 5);
    return {
      id: `synthetic-${String(i + 1).padStart(5, '0')}`,
      title: `合成测试活动${i + 1}`,
      year: 2026,
      type: EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)]!,
      level: rand() < 0.3 ? 'city' : 'county',
      city: county.parent!,
      county: county.id,
      venue: { name: `${county.name}测试场地${(i % 7) + 1}`, address: `${county.name}测试路${i + 1}号` },
      lat: Math.round((county.lat + (rand() - 0.5) * 0.08) * 1e5) / 1e5,
      lng: Math.round((county.lng + (rand() - 0.5) * 0.08) * 1e5) / 1e5,
      start: `2026-${pad(month)}-${pad(day)}T${pad(hour)}:00+08:00`,
      end: `2026-${pad(month)}-${pad(day)}T${pad(hour + 4)}:00+08:00`,
      organisers: [`${county.name}商务局`],
      hosts: [],
      brands: [],
      services: [],
      policies: [],
      status: 'confirmed',
      demo: true,
    };
  });
}

const gz = (value: unknown) => gzipSync(JSON.stringify(value)).length;

describe('map data split by city and month', () => {
  const events = synthetic(5000);
  const { manifest, chunks, provinceChunks } = buildMapData(events, all);
  /** The bytes a chunk line costs, gzipped. */
  const bytesOf = (c: (typeof manifest.chunks)[number]) => gz(c[0] === PROVINCE ? provinceChunks.get(c[1]) : chunks.get(`${c[0]}/${c[1]}`));

  it('every event is in exactly one city chunk and one province chunk, and the manifest counts them', () => {
    expect([...chunks.values()].reduce((s, rows) => s + rows.length, 0)).toBe(5000);
    expect(manifest.chunks.filter((c) => c[0] !== PROVINCE).reduce((s, c) => s + c[2], 0)).toBe(5000);
    expect(manifest.chunks.filter((c) => c[0] === PROVINCE).reduce((s, c) => s + c[2], 0)).toBe(5000);
    expect(
      [...provinceChunks.values()]
        .flatMap(fromProvinceChunk)
        .map((e) => e.id)
        .sort(),
    ).toEqual(events.map((e) => e.id).sort());
    expect(manifest.total).toBe(5000);
    expect(manifest.regions).toHaveLength(108);
  });

  it('at 5,000 events, the data a fresh /map/ loads (manifest + upcoming chunks) is at most 60 KB gzip', () => {
    const choice = chooseChunks(manifest, { since: Date.parse('2026-11-27T10:00:00+08:00'), center: { lat: 32.9, lng: 119.4 } }, MAP_EAGER_EVENTS);
    // The whole province opens with one file per month, not thirteen.
    expect(choice.load.map((c) => `${c[0]}/${c[1]}`)).toEqual(['all/2026-11', 'all/2026-12']);
    const bytes = gz(manifest) + choice.load.reduce((s, c) => s + bytesOf(c), 0);
    console.log(
      `map data before interaction at 5,000 events: ${bytes} B gzip (${choice.load.length} chunks, ${choice.load.reduce((s, c) => s + c[2], 0)} events; ${choice.left} left for later)`,
    );
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
  });

  it('early in the year (everything still to come) the budget still holds: soonest months first, the rest left', () => {
    const choice = chooseChunks(manifest, { since: Date.parse('2026-01-02T10:00:00+08:00') }, MAP_EAGER_EVENTS);
    const loaded = choice.load.reduce((s, c) => s + c[2], 0);
    expect(loaded).toBeLessThanOrEqual(MAP_EAGER_EVENTS);
    expect(choice.left).toBe(5000 - loaded);
    expect(choice.load[0]![1]).toBe('2026-01');
    const months = choice.load.map((c) => c[1]);
    expect([...months].sort()).toEqual(months);
    const bytes = gz(manifest) + choice.load.reduce((s, c) => s + bytesOf(c), 0);
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
  });

  it('a province month too big for the budget is taken city by city, nearest first', () => {
    const choice = chooseChunks(manifest, { since: Date.parse('2026-11-27T10:00:00+08:00'), center: { lat: 31.4, lng: 120.9 } }, 300);
    expect(choice.load.every((c) => c[0] !== PROVINCE)).toBe(true);
    expect(choice.load.reduce((s, c) => s + c[2], 0)).toBeLessThanOrEqual(300);
    expect(choice.load[0]![0]).toBe('suzhou');
  });

  it('a city and month filter loads just that chunk; a date range looks back for fairs already running', () => {
    expect(chooseChunks(manifest, { city: 'suzhou', month: '2026-12' }).load.map((c) => `${c[0]}/${c[1]}`)).toEqual(['suzhou/2026-12']);
    const withLong = buildMapData([...events.slice(0, 10), { ...events[0]!, id: 'long', start: '2026-11-28T09:00+08:00', end: '2026-12-03T17:00+08:00' }], all);
    expect(withLong.manifest.maxDays).toBe(6);
    const months = new Set(chooseChunks(withLong.manifest, { range: { from: '2026-12-01', to: '2026-12-02' } }).load.map((c) => c[1]));
    expect(months.has('2026-11')).toBe(true);
  });

  it('a view box loads only chunks that can have markers inside it', () => {
    const kunshan = region('suzhou-kunshan');
    const box = { south: kunshan.lat - 0.2, north: kunshan.lat + 0.2, west: kunshan.lng - 0.2, east: kunshan.lng + 0.2 };
    const cities = new Set(chooseChunks(manifest, { bounds: box }).load.map((c) => c[0]));
    expect(cities.has('suzhou')).toBe(true);
    expect(cities.has('xuzhou')).toBe(false);
  });
});

describe('events near a county', () => {
  const kunshan = region('suzhou-kunshan');
  const now = new Date('2026-11-27T10:00:00+08:00');
  const events = synthetic(2000).map((e, i) => ({
    ...e,
    start: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T09:00+08:00`,
    end: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}T17:00+08:00`,
  }));
  const near = eventsNearCounty(events, kunshan, now);

  it('its own events first, then others within the radius, nearest first', () => {
    expect(near.inCounty.length).toBeGreaterThan(0);
    expect(near.inCounty.every((e) => e.county === 'suzhou-kunshan')).toBe(true);
    expect(near.nearby.length).toBeGreaterThan(0);
    expect(near.nearby.every((e) => e.county !== 'suzhou-kunshan' && e.km <= NEARBY_RADIUS_KM)).toBe(true);
    for (let i = 1; i < near.nearby.length; i++) expect(near.nearby[i]!.km).toBeGreaterThanOrEqual(near.nearby[i - 1]!.km);
    expect(near.nearby.every((e) => Math.abs(distanceKm(kunshan, e) - e.km) < 1e-9)).toBe(true);
  });

  it('nothing from across the province', () => {
    const far = events.filter((e) => distanceKm(kunshan, e) > NEARBY_RADIUS_KM).map((e) => e.id);
    expect(far.length).toBeGreaterThan(0);
    const shown = new Set([...near.inCounty, ...near.nearby].map((e) => e.id));
    expect(far.some((id) => shown.has(id))).toBe(false);
  });

  it('past events stay in the county, most recent first; cancelled ones are not offered nearby', () => {
    const mixed = [
      { ...events[0]!, id: 'p1', county: 'suzhou-kunshan', start: '2026-11-01T09:00+08:00', end: '2026-11-01T17:00+08:00' },
      { ...events[0]!, id: 'p2', county: 'suzhou-kunshan', start: '2026-11-08T09:00+08:00', end: '2026-11-08T17:00+08:00' },
      {
        ...events[0]!,
        id: 'c1',
        county: 'suzhou-taicang',
        lat: kunshan.lat,
        lng: kunshan.lng + 0.1,
        status: 'cancelled' as const,
        start: '2026-12-01T09:00+08:00',
        end: '2026-12-01T17:00+08:00',
      },
    ];
    const r = eventsNearCounty(mixed, kunshan, now);
    expect(r.past.map((e) => e.id)).toEqual(['p2', 'p1']);
    expect(r.nearby).toEqual([]);
  });
});

describe('天地图 tiles', () => {
  const key = '0123456789abcdef0123456789abcdef';
  it('builds the WMTS template Leaflet fills in, for the vector map and its labels', () => {
    expect(tiandituTileUrl('vec', key)).toBe(
      `https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${key}`,
    );
    const tile = new URL(fillTileUrl(tiandituTileUrl('cva', key), { s: '3', z: 8, x: 213, y: 104 }));
    expect(tile.host).toBe('t3.tianditu.gov.cn');
    expect(tile.pathname).toBe('/cva_w/wmts');
    expect(Object.fromEntries(tile.searchParams)).toEqual({
      SERVICE: 'WMTS',
      REQUEST: 'GetTile',
      VERSION: '1.0.0',
      LAYER: 'cva',
      STYLE: 'default',
      TILEMATRIXSET: 'w',
      FORMAT: 'tiles',
      TILEMATRIX: '8',
      TILEROW: '104',
      TILECOL: '213',
      tk: key,
    });
  });
  it('refuses anything that is not a browser key, so nothing odd ends up in a URL', () => {
    expect(isTiandituKey(key)).toBe(true);
    expect(isTiandituKey('abc')).toBe(false);
    expect(() => tiandituTileUrl('vec', 'x&y=1')).toThrow(/天地图密钥/u);
  });
});
