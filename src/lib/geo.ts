/**
 * Distances and "near me" sorting on WGS-84 points, as events are stored. Coordinate systems and
 * links to the map apps are in directions.ts, so pages that only measure distances never load
 * the datum conversion. Pure.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * "不到1公里", "3.4 公里", "12 公里": one decimal below 10 km, whole kilometres above. A
 * distance under 1 km never reads as "0.0 公里".
 */
export function formatKm(km: number): string {
  if (km < 1) return '不到1公里';
  return km < 10 ? `${km.toFixed(1)} 公里` : `${Math.round(km)} 公里`;
}

/**
 * Items sorted by distance from `origin`, nearest first, each with its distance. Ties keep a
 * stable order by the tie-breaker (for events: start time, then id).
 */
export function sortByDistance<T extends LatLng>(items: readonly T[], origin: LatLng, tieBreak: (a: T, b: T) => number = () => 0): (T & { km: number })[] {
  return items.map((item) => ({ ...item, km: distanceKm(origin, item) })).sort((a, b) => a.km - b.km || tieBreak(a, b));
}
