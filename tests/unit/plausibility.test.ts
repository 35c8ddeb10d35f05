/**
 * The coordinate plausibility rules, judged on real places: every demo event passes; Shanghai,
 * Hefei and Anhui's Tianchang do not pass for the Jiangsu place a row claims.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import regions from '../../content/regions/jiangsu.json' with { type: 'json' };
import {
  convexHull,
  HULL_BUFFER_KM,
  HULL_HARD_LIMIT_KM,
  jiangsuPlausibility,
  makePlausibility,
  MAX_KM_FROM_OWN_SEAT,
  SEAT_SLACK_KM,
} from '../../src/lib/plausibility.ts';

const { check, kmOutsideHull } = jiangsuPlausibility;
const PEOPLES_SQUARE = { lat: 31.2304, lng: 121.4737 };
const HEFEI = { lat: 31.82, lng: 117.23 };
const TIANCHANG = { lat: 32.69, lng: 119.0 };
const TAIHU = { lat: 31.2, lng: 120.2 };

describe('plausibility: the seats hull', () => {
  it('is built from all 108 seats in the repo', () => {
    expect(regions).toHaveLength(108);
    expect(jiangsuPlausibility.hullSize).toBeGreaterThanOrEqual(3);
    for (const r of regions) expect(kmOutsideHull(r)).toBe(0);
  });
  it('computes a convex hull', () => {
    expect(
      convexHull([
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
        [1, 0],
      ]),
    ).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });
  it('keeps the buffers in the order the rules need', () => {
    expect(HULL_BUFFER_KM).toBeLessThan(HULL_HARD_LIMIT_KM);
    expect(SEAT_SLACK_KM).toBeLessThan(MAX_KM_FROM_OWN_SEAT);
  });
});

describe('plausibility: every demo event passes', () => {
  const dir = 'tests/fixtures/site/events/demo';
  const demos = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  it('there are 63 demo events', () => expect(demos).toHaveLength(63));
  it.each(demos)('%s', (file) => {
    const e = load(readFileSync(join(dir, file), 'utf8')) as { lat: number; lng: number; city: string; county?: string };
    expect(check(e, { city: e.city, county: e.county })).toEqual([]);
    expect(check(e, { city: e.city })).toEqual([]);
  });
});

describe('plausibility: places outside Jiangsu', () => {
  it("People's Square, Shanghai is not Suzhou (outside the seats by about 40 km; needs confirming)", () => {
    const [p, ...rest] = check(PEOPLES_SQUARE, { city: 'suzhou' });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ rule: 'outside-jiangsu', hard: false, nearest: { name: '太仓市' } });
    expect(p?.rule === 'outside-jiangsu' && p.kmOutside).toBeGreaterThan(35);
    expect(check(PEOPLES_SQUARE, { city: 'suzhou', county: 'suzhou-kunshan' })).toHaveLength(1);
  });
  it('Hefei is not Jiangsu at all (hard)', () => {
    expect(check(HEFEI, { city: 'nanjing' })).toEqual([expect.objectContaining({ rule: 'outside-jiangsu', hard: true })]);
  });
  it('central Tianchang (Anhui) lies among Jiangsu seats; the county check catches it', () => {
    // Only seats are known, so an enclave is caught by the county a row claims, not by the hull.
    expect(kmOutsideHull(TIANCHANG)).toBe(0);
    expect(check(TIANCHANG, { city: 'huaian', county: 'huaian-xuyi' })).toEqual([
      expect.objectContaining({ rule: 'nearer-other-seat', hard: false, nearest: expect.objectContaining({ name: '金湖县' }) }),
    ]);
    expect(check(TIANCHANG, { city: 'nanjing', county: 'nanjing-pukou' })).toEqual([expect.objectContaining({ rule: 'far-from-own-seat', hard: true })]);
  });
  it('Lake Taihu centre is inside the seats (no venue there, but not judged by these rules)', () => {
    expect(kmOutsideHull(TAIHU)).toBe(0);
  });
  it('towns beyond the outer seats stay within the buffer or the confirmable band', () => {
    // 盛泽 (吴江), 吕四港 (启东), 首羡 (丰县): real Jiangsu towns, with approximate coordinates.
    for (const [lat, lng, city, county] of [
      [30.92, 120.65, 'suzhou', 'suzhou-wujiang'],
      [32.08, 121.6, 'nantong', 'nantong-qidong'],
      [34.85, 116.5, 'xuzhou', 'xuzhou-feng'],
    ] as const) {
      expect(check({ lat, lng }, { city, county }).every((p) => !p.hard)).toBe(true);
    }
  });
});

describe('plausibility: the county a row claims', () => {
  const xuanwuSeat = regions.find((r) => r.id === 'nanjing-xuanwu')!;
  it('accepts a point at its own seat', () => {
    expect(check(xuanwuSeat, { city: 'nanjing', county: 'nanjing-xuanwu' })).toEqual([]);
  });
  it('refuses a point in Suzhou claimed for 玄武区 (hard: more than 60 km from its seat)', () => {
    expect(check({ lat: 31.30194, lng: 120.58111 }, { city: 'nanjing', county: 'nanjing-xuanwu' })).toEqual([
      expect.objectContaining({ rule: 'far-from-own-seat', hard: true }),
    ]);
  });
  it('refuses a point much nearer another county (soft)', () => {
    // 江宁区's seat, claimed as 溧水区 (about 38 km away; 江宁's own seat is right there).
    const jiangning = regions.find((r) => r.id === 'nanjing-jiangning')!;
    expect(check(jiangning, { city: 'nanjing', county: 'nanjing-lishui' })).toEqual([
      expect.objectContaining({ rule: 'nearer-other-seat', hard: false, nearest: expect.objectContaining({ name: '江宁区' }) }),
    ]);
    expect(check(jiangning, { city: 'nanjing', county: 'nanjing-gaochun' })).toEqual([expect.objectContaining({ rule: 'far-from-own-seat', hard: true })]);
  });
  it('judges a city-only row by the nearest seat of that city', () => {
    const wuxi = regions.find((r) => r.id === 'wuxi')!;
    expect(check(wuxi, { city: 'wuxi' })).toEqual([]);
    expect(check(wuxi, { city: 'xuzhou' })).toEqual([expect.objectContaining({ rule: 'far-from-own-seat' })]);
  });
  it('works on any seat list', () => {
    const tiny = makePlausibility([
      { id: 'a', name: 'A', parent: null, lat: 32, lng: 118 },
      { id: 'b', name: 'B', parent: 'a', lat: 32, lng: 119 },
      { id: 'c', name: 'C', parent: 'a', lat: 33, lng: 118.5 },
    ]);
    expect(tiny.check({ lat: 32.3, lng: 118.5 }, { city: 'a' })).toEqual([]);
    expect(tiny.check({ lat: 20, lng: 118.5 }, { city: 'a' })[0]).toMatchObject({ rule: 'outside-jiangsu', hard: true });
  });
});
