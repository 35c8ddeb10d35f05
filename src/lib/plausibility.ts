/**
 * Is a venue's point plausibly where the sheet says it is? Judged only from data in the repo:
 * the 108 government seats in content/regions/jiangsu.json (13 设区市, 95 县（市、区）). No
 * boundary is drawn or invented. Two rules:
 *
 * 1. Inside Jiangsu: the point lies in the convex hull of all seats, or close outside it. Real
 *    towns lie beyond the hull (the coast east of the coastal seats; 盛泽 and 震泽 south of 吴江;
 *    丰县 and 沛县 to the north-west), up to about 40 km. So: within {@link HULL_BUFFER_KM} it is
 *    fine; up to {@link HULL_HARD_LIMIT_KM} it needs an editor's confirmation (上海人民广场 is
 *    about 40 km out and lands here); beyond that it is not Jiangsu (合肥 is about 110 km out).
 * 2. The right county: its own seat is among the nearest seats, within
 *    {@link SEAT_SLACK_KM} of the nearest one (soft), and never more than
 *    {@link MAX_KM_FROM_OWN_SEAT} away (hard). A city-only row is judged the same way with the
 *    nearest seat among the city and its counties.
 *
 * Distances to seats are great-circle; the hull is computed on a local flat projection, whose
 * scale error across Jiangsu (about 2%) is far below the buffers. Pure.
 */
import regionsJson from '../../content/regions/jiangsu.json' with { type: 'json' };
import { distanceKm, type LatLng } from './geo.ts';
import type { RegionEntry } from './regions.ts';

/** Outside the hull by up to this much is normal (towns beyond the outer seats). */
export const HULL_BUFFER_KM = 20;
/** Outside the hull by more than this is not Jiangsu, whatever the editor says. */
export const HULL_HARD_LIMIT_KM = 50;
/** How much nearer another county's seat may be before the county looks wrong. */
export const SEAT_SLACK_KM = 15;
/** No venue is this far from its own county's (or, city-only, its city's nearest) seat. */
export const MAX_KM_FROM_OWN_SEAT = 60;

type Seat = Pick<RegionEntry, 'id' | 'name' | 'parent' | 'lat' | 'lng'>;

/** Which place a row claims: a city id and, when given, a county id. */
export interface PlaceClaim {
  city: string;
  county?: string | undefined;
}

/** Why a point is not plausible. `hard` failures cannot be confirmed away. */
export type PlausibilityProblem =
  | { rule: 'outside-jiangsu'; hard: boolean; kmOutside: number; nearest: Seat; nearestKm: number }
  | { rule: 'far-from-own-seat'; hard: true; seat: Seat; km: number }
  | { rule: 'nearer-other-seat'; hard: false; seat: Seat; km: number; nearest: Seat; nearestKm: number };

type Xy = [number, number];

/** Cross product of (a - o) and (b - o): > 0 when o, a, b turn left. */
function cross(o: Xy, a: Xy, b: Xy): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, no collinear points. */
export function convexHull(points: readonly Xy[]): Xy[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const half = (list: Xy[]) => {
    const out: Xy[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

function distanceToSegment(p: Xy, a: Xy, b: Xy): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Builds the checker for a set of seats (the site uses {@link jiangsuPlausibility}). */
export function makePlausibility(regions: readonly Seat[]) {
  const midLat = regions.reduce((s, r) => s + r.lat, 0) / regions.length;
  const kmPerLng = 111.32 * Math.cos((midLat * Math.PI) / 180);
  const kmPerLat = 110.57;
  const project = (p: LatLng): Xy => [p.lng * kmPerLng, p.lat * kmPerLat];
  const hull = convexHull(regions.map(project));
  const byId = new Map(regions.map((r) => [r.id, r]));

  /** Kilometres from the point to the seats' hull; 0 inside it. */
  function kmOutsideHull(point: LatLng): number {
    const p = project(point);
    const n = hull.length;
    if (hull.every((a, i) => cross(a, hull[(i + 1) % n]!, p) >= 0)) return 0;
    return Math.min(...hull.map((a, i) => distanceToSegment(p, a, hull[(i + 1) % n]!)));
  }

  /** Every seat with its distance from the point, nearest first. */
  function seatsByDistance(point: LatLng): { seat: Seat; km: number }[] {
    return regions.map((seat) => ({ seat, km: distanceKm(point, seat) })).sort((a, b) => a.km - b.km || a.seat.id.localeCompare(b.seat.id));
  }

  /**
   * Every rule the point breaks for the place the row claims; empty when plausible. A point
   * outside Jiangsu is not judged against the county (one clear message is enough).
   */
  function check(point: LatLng, claim: PlaceClaim): PlausibilityProblem[] {
    const seats = seatsByDistance(point);
    const nearest = seats[0]!;
    const outside = kmOutsideHull(point);
    if (outside > HULL_BUFFER_KM) {
      return [{ rule: 'outside-jiangsu', hard: outside > HULL_HARD_LIMIT_KM, kmOutside: outside, nearest: nearest.seat, nearestKm: nearest.km }];
    }
    const own =
      claim.county !== undefined ? seats.find((s) => s.seat.id === claim.county) : seats.find((s) => s.seat.id === claim.city || s.seat.parent === claim.city);
    if (!own || !byId.has(claim.county ?? claim.city)) return [];
    if (own.km > MAX_KM_FROM_OWN_SEAT) return [{ rule: 'far-from-own-seat', hard: true, seat: own.seat, km: own.km }];
    if (own.km > nearest.km + SEAT_SLACK_KM) {
      return [{ rule: 'nearer-other-seat', hard: false, seat: own.seat, km: own.km, nearest: nearest.seat, nearestKm: nearest.km }];
    }
    return [];
  }

  return { check, kmOutsideHull, seatsByDistance, hullSize: hull.length };
}

/** The checker built from content/regions/jiangsu.json, once, when the module loads. */
export const jiangsuPlausibility = makePlausibility(regionsJson as RegionEntry[]);
