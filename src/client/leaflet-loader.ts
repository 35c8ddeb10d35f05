/**
 * Leaflet maps, loaded only on pages that have one. With no 天地图 key the map draws no tiles
 * at all (nothing is fetched from outside): a plain, labelled background with city seats and
 * event points. With PUBLIC_TIANDITU_KEY it adds 天地图 vector tiles with their credit and 审图号.
 */
import type * as Leaflet from 'leaflet';
// ?url: only the file's address. The styles are linked when a map is drawn, so pages without
// a visible map never download them.
import leafletCss from 'leaflet/dist/leaflet.css?url';
import clusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?url';
import clusterDefaultCss from 'leaflet.markercluster/dist/MarkerCluster.Default.css?url';

import { escapeHtml } from '../lib/text.ts';
import { h } from './dom.ts';

export type L = typeof Leaflet;
export interface Seat { id: string; name: string; lat: number; lng: number }

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
/** Loads Leaflet (and its CSS) once. */
export function loadLeaflet(cluster = false): Promise<L> {
  leaflet ??= (async () => {
    const [mod] = await Promise.all([import('leaflet'), linkStylesheet(leafletCss)]);
    const L = (mod.default ?? mod) as L;
    (globalThis as unknown as { L: L }).L = L;
    return L;
  })();
  return cluster
    ? leaflet.then(async (L) => {
        await Promise.all([import('leaflet.markercluster'), linkStylesheet(clusterCss), linkStylesheet(clusterDefaultCss)]);
        return L;
      })
    : leaflet;
}

/** The base layer: 天地图 when a key is configured, otherwise nothing from outside. */
export function addBase(L: L, map: Leaflet.Map, tk: string, reviewNumber: string): void {
  map.attributionControl.setPrefix(false);
  if (!tk) {
    map.attributionControl.addAttribution('无底图：只标出活动地点和各市政府驻地，不显示道路和行政区界线');
    return;
  }
  const layer = (name: string) =>
    L.tileLayer(`https://t{s}.tianditu.gov.cn/${name}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${name}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(tk)}`, {
      subdomains: ['0', '1', '2', '3', '4', '5', '6', '7'], maxZoom: 18, minZoom: 1,
    });
  layer('vec').addTo(map);
  layer('cva').addTo(map);
  map.attributionControl.setPosition('bottomleft');
  map.attributionControl.addAttribution(`<a href="https://www.tianditu.gov.cn/">天地图</a> 审图号：${escapeHtml(reviewNumber || '（以天地图官网公布为准）')}`);
}

export function addSeats(L: L, map: Leaflet.Map, seats: Seat[]): void {
  for (const s of seats) {
    L.circleMarker([s.lat, s.lng], { radius: 4, color: '#4a4a4a', weight: 1, fillColor: '#ffffff', fillOpacity: 1, interactive: false })
      .bindTooltip(h('span', {}, s.name), { permanent: true, direction: 'right', className: 'map-seat-label', interactive: false })
      .addTo(map);
  }
}

