/**
 * Leaflet maps, loaded only on pages that have one. With no 天地图 key the map draws no tiles
 * at all (nothing is fetched from outside): a plain background on which city seats and their
 * names (and county seats, closer in) show where things are. With PUBLIC_TIANDITU_KEY it adds
 * 天地图 vector tiles and labels, with their credit and 审图号.
 */
import type * as Leaflet from 'leaflet';
// ?url: only the file's address. The styles are linked when a map is drawn, so pages without
// a visible map never download them.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import clusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?url';
import clusterDefaultCss from 'leaflet.markercluster/dist/MarkerCluster.Default.css?url';

import { isTiandituKey, tiandituTileUrl, TIANDITU_SUBDOMAINS } from '../lib/map-tiles.ts';
import { escapeHtml } from '../lib/text.ts';
import { h } from './dom.ts';

export type L = typeof Leaflet;
export interface Seat {
  id: string;
  name: string;
  lat: number;
  lng: number;
  county: boolean;
}

/** Adds a stylesheet once and waits until it has loaded. */
function linkStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.append(link);
  });
}

let leaflet: Promise<L> | undefined;
let clustered: Promise<L> | undefined;
/** Loads Leaflet (and its CSS) once; with `cluster`, Leaflet and the cluster plugin together. */
export function loadLeaflet(cluster = false): Promise<L> {
  if (cluster) {
    clustered ??= (async () => {
      const [mod] = await Promise.all([
        import('./leaflet-cluster.ts'),
        linkStylesheet(leafletCss),
        linkStylesheet(clusterCss),
        linkStylesheet(clusterDefaultCss),
      ]);
      const L = mod.default;
      // Cluster icons are not tab stops: keyboard users reach every event from the list beside
      // the map, instead of tabbing through dozens of icons (and the map never holds focus).
      const proto = (L as unknown as { MarkerCluster?: { prototype: { options: { keyboard?: boolean } } } }).MarkerCluster?.prototype;
      if (proto) proto.options.keyboard = false;
      return L;
    })();
    return clustered;
  }
  leaflet ??= (async () => {
    const [mod] = await Promise.all([import('./leaflet-global.ts'), linkStylesheet(leafletCss)]);
    return mod.default;
  })();
  return leaflet;
}

/**
 * The base layer: 天地图 when a (well-formed) key is configured, otherwise nothing from outside.
 * The credit sits bottom right, the scale bottom left, so neither covers the other.
 */
export function addBase(L: L, map: Leaflet.Map, tk: string, reviewNumber: string): void {
  map.attributionControl.setPrefix(false);
  // Zoom buttons named in Chinese (their title and accessible name), 44 px in map.css.
  L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  if (!tk || !isTiandituKey(tk)) return;
  for (const layer of ['vec', 'cva'] as const) {
    L.tileLayer(tiandituTileUrl(layer, tk), { subdomains: [...TIANDITU_SUBDOMAINS], maxZoom: 18, minZoom: 1 }).addTo(map);
  }
  // Attribution text is Leaflet's own HTML sink: only fixed text and the escaped 审图号 from config.
  map.attributionControl.addAttribution(`<a href="https://www.tianditu.gov.cn/">天地图</a> 审图号：${escapeHtml(reviewNumber || '以天地图官网公布为准')}`);
}

/** A seat's marker: a dot with its name beside it, built as DOM nodes (never HTML text). */
function seatIcon(L: L, s: Seat): Leaflet.DivIcon {
  const html = h('span', { class: 'map-seat__inner' }, h('span', { class: 'map-seat__dot' }), h('span', { class: 'map-seat__name' }, s.name));
  return L.divIcon({ className: `map-seat${s.county ? ' map-seat--county' : ''}`, iconSize: [10, 10], iconAnchor: [5, 5], html });
}

/** The zoom from which county seats and their names appear. */
export const COUNTY_SEAT_ZOOM = 9;

/**
 * City seats always; county seats from COUNTY_SEAT_ZOOM on. Seats sit in their own pane under
 * the event markers, take no clicks and no focus.
 */
export function addSeats(L: L, map: Leaflet.Map, seats: Seat[]): void {
  const pane = map.createPane('seats');
  pane.classList.add('map-seats-pane');
  const make = (s: Seat) => L.marker([s.lat, s.lng], { icon: seatIcon(L, s), interactive: false, keyboard: false, pane: 'seats' });
  L.layerGroup(seats.filter((s) => !s.county).map(make)).addTo(map);
  const counties = L.layerGroup(seats.filter((s) => s.county).map(make));
  const sync = () => {
    if (map.getZoom() >= COUNTY_SEAT_ZOOM) counties.addTo(map);
    else counties.remove();
  };
  map.on('zoomend', sync);
  sync();
}
