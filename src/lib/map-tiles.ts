/**
 * 天地图 (tianditu.gov.cn) base map tiles, for when an operator sets PUBLIC_TIANDITU_KEY. The
 * layers are 天地图's WMTS services in Web Mercator ("_w"): vec (矢量底图) and cva (矢量注记,
 * Chinese labels) drawn on top. Tiles come from t0 … t7. Pure: builds URL templates for
 * Leaflet ({s}, {z}, {x}, {y}) and never fetches anything.
 */

export const TIANDITU_LAYERS = ['vec', 'cva'] as const;
export type TiandituLayer = (typeof TIANDITU_LAYERS)[number];

/** 天地图's tile hosts t0 … t7, as Leaflet subdomains. */
export const TIANDITU_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'] as const;

/** A browser key is hex; anything else is a configuration mistake, not something to put in a URL. */
export function isTiandituKey(key: string): boolean {
  return /^[0-9a-f]{32}$/iu.test(key);
}

/**
 * The Leaflet URL template of one 天地图 layer, e.g. for vec:
 * https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=<key>
 */
export function tiandituTileUrl(layer: TiandituLayer, key: string): string {
  if (!isTiandituKey(key)) throw new Error('天地图密钥应为 32 位十六进制字符（浏览器端密钥）');
  const query = [
    'SERVICE=WMTS',
    'REQUEST=GetTile',
    'VERSION=1.0.0',
    `LAYER=${layer}`,
    'STYLE=default',
    'TILEMATRIXSET=w',
    'FORMAT=tiles',
    'TILEMATRIX={z}',
    'TILEROW={y}',
    'TILECOL={x}',
    `tk=${key}`,
  ].join('&');
  return `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?${query}`;
}

/** One tile's address from a template, as Leaflet fills it in (for tests and checks). */
export function fillTileUrl(template: string, tile: { s: string; z: number; x: number; y: number }): string {
  return template.replace('{s}', tile.s).replace('{z}', String(tile.z)).replace('{x}', String(tile.x)).replace('{y}', String(tile.y));
}
