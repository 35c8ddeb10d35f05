/**
 * Distances, "near me" sorting and coordinate systems. Events are stored in WGS-84; links to
 * 高德 and Apple Maps (in mainland China) need GCJ-02 and links to 百度 need BD-09. Pure.
 */
import gcoord from 'gcoord';

export interface LatLng { lat: number; lng: number }

const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** "0.8 公里", "12 公里": one decimal below 10 km, whole kilometres above. */
export function formatKm(km: number): string {
  return km < 10 ? `${km.toFixed(1)} 公里` : `${Math.round(km)} 公里`;
}

/**
 * Items sorted by distance from `origin`, nearest first, each with its distance. Ties keep a
 * stable order by the tie-breaker (for events: start time, then id).
 */
export function sortByDistance<T extends LatLng>(items: readonly T[], origin: LatLng, tieBreak: (a: T, b: T) => number = () => 0): (T & { km: number })[] {
  return items
    .map((item) => ({ ...item, km: distanceKm(origin, item) }))
    .sort((a, b) => a.km - b.km || tieBreak(a, b));
}

/** The coordinate systems the site deals with. */
export type Datum = 'WGS84' | 'GCJ02' | 'BD09';

/** Converts a point between WGS-84, GCJ-02 (高德, 腾讯, Apple in China) and BD-09 (百度). */
export function convert(point: LatLng, from: Datum, to: Datum): LatLng {
  if (from === to) return { ...point };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord[from], gcoord[to]) as [number, number];
  return { lat, lng };
}

const fixed6 = (n: number) => n.toFixed(6);

/** Links that open a place in each map app, each in the coordinate system it expects. */
export function directionsLinks(point: LatLng, name: string): { amap: string; baidu: string; apple: string } {
  const gcj = convert(point, 'WGS84', 'GCJ02');
  const bd = convert(point, 'WGS84', 'BD09');
  const q = encodeURIComponent(name);
  return {
    amap: `https://uri.amap.com/marker?position=${fixed6(gcj.lng)},${fixed6(gcj.lat)}&name=${q}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${fixed6(bd.lat)},${fixed6(bd.lng)}&title=${q}&content=${q}&output=html&coord_type=bd09ll`,
    apple: `https://maps.apple.com/?ll=${fixed6(gcj.lat)},${fixed6(gcj.lng)}&q=${q}`,
  };
}
