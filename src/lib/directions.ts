/**
 * Coordinate systems and "怎么去" links to the map apps. Events are stored in WGS-84; 高德, 腾讯
 * and Apple Maps (in mainland China) need GCJ-02 and 百度 needs BD-09. Pure.
 */
import gcoord from 'gcoord';
import type { LatLng } from './geo.ts';

/** The coordinate systems the site deals with. */
export type Datum = 'WGS84' | 'GCJ02' | 'BD09';

/** Converts a point between WGS-84, GCJ-02 (高德, 腾讯, Apple in China) and BD-09 (百度). */
export function convert(point: LatLng, from: Datum, to: Datum): LatLng {
  if (from === to) return { ...point };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], gcoord[from], gcoord[to]) as [number, number];
  return { lat, lng };
}

const fixed6 = (n: number) => n.toFixed(6);

/** Who is asking, as the map services want it said (百度 `src`, 腾讯 `referer`, 高德 `src`). */
export const MAP_LINK_SOURCE = 'jiangsu-car-wujin';

/** The map apps the event page offers, in the order shown. */
export const MAP_APPS = ['amap', 'baidu', 'tencent', 'apple'] as const;
export type MapApp = (typeof MAP_APPS)[number];
export const MAP_APP_LABELS: Record<MapApp, string> = { amap: '高德地图', baidu: '百度地图', tencent: '腾讯地图', apple: 'Apple 地图' };
/**
 * What each link does: a route from where the phone is (高德, 腾讯 and Apple take a destination
 * alone), or the place on the map (百度's web route URI needs a start point, which a web page
 * does not know, so the link shows the venue, and its app offers 到这去 from there; with
 * JavaScript the page asks for the position on a tap and opens baiduRouteLink instead).
 */
export const MAP_APP_ACTIONS: Record<MapApp, string> = { amap: '导航到这里', baidu: '查看位置', tencent: '导航到这里', apple: '导航到这里' };

/** 腾讯's marker value separates fields with ; and : — keep them out of names and addresses. */
const tencentText = (text: string) => text.replace(/;/gu, '；').replace(/:/gu, '：');

/**
 * Links that open the venue in each map app, each in the coordinate system it expects, using
 * the apps' documented web URIs (they open the app on a phone where it is installed):
 * - 高德 uri.amap.com/navigation: to=lng,lat,name in GCJ-02 (coordinate=gaode), mode=car, src,
 *   callnative=1; with no from, the route starts where the phone is;
 * - 百度 api.map.baidu.com/marker: location=lat,lng in BD-09 (coord_type=bd09ll), title, content,
 *   output=html, src (its web route URI requires an origin);
 * - 腾讯 apis.map.qq.com/uri/v1/routeplan: type=drive, to=name, tocoord=lat,lng in GCJ-02, referer;
 *   with no from, the route starts where the phone is;
 * - Apple maps.apple.com/?daddr=lat,lng&q=label: a route to the point, GCJ-02 in mainland China.
 */
export function directionsLinks(point: LatLng, name: string, address = name): Record<MapApp, string> {
  const gcj = convert(point, 'WGS84', 'GCJ02');
  const bd = convert(point, 'WGS84', 'BD09');
  const q = encodeURIComponent(name);
  const src = encodeURIComponent(MAP_LINK_SOURCE);
  return {
    amap: `https://uri.amap.com/navigation?to=${fixed6(gcj.lng)},${fixed6(gcj.lat)},${encodeURIComponent(name.replace(/,/gu, '，'))}&mode=car&src=${src}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${fixed6(bd.lat)},${fixed6(bd.lng)}&title=${q}&content=${encodeURIComponent(address)}&output=html&coord_type=bd09ll&src=${encodeURIComponent(`webapp.${MAP_LINK_SOURCE}.events`)}`,
    tencent: `https://apis.map.qq.com/uri/v1/routeplan?type=drive&to=${encodeURIComponent(tencentText(name))}&tocoord=${fixed6(gcj.lat)},${fixed6(gcj.lng)}&referer=${src}`,
    apple: `https://maps.apple.com/?daddr=${fixed6(gcj.lat)},${fixed6(gcj.lng)}&q=${q}`,
  };
}

/** 百度 reads `|` and `:` as separators inside origin and destination: keep them out of a name. */
const baiduText = (text: string) => encodeURIComponent(text.replace(/\|/gu, '｜').replace(/:/gu, '：'));

/**
 * 百度's web route URI (api.map.baidu.com/direction, output=html): driving from `from` (the
 * visitor's position, WGS-84 from the browser) to the venue, both sent in BD-09
 * (coord_type=bd09ll, the URI's default system) as latlng:lat,lng|name:label.
 */
export function baiduRouteLink(from: LatLng, to: LatLng, name: string): string {
  const a = convert(from, 'WGS84', 'BD09');
  const b = convert(to, 'WGS84', 'BD09');
  return (
    `https://api.map.baidu.com/direction?origin=latlng:${fixed6(a.lat)},${fixed6(a.lng)}|name:${baiduText('我的位置')}` +
    `&destination=latlng:${fixed6(b.lat)},${fixed6(b.lng)}|name:${baiduText(name)}` +
    `&mode=driving&output=html&coord_type=bd09ll&src=${encodeURIComponent(`webapp.${MAP_LINK_SOURCE}.events`)}`
  );
}
