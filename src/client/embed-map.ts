/**
 * The map in /embed/map/<city>/: the city's events as points on the site's offline background
 * (never map tiles, so a framed embed requests nothing outside this site), and the list below
 * marked 已结束 by the visitor's clock. Titles go in as text (dom.ts), never as HTML.
 */
import { h } from './dom.ts';
import { addBase, addSeats, loadLeaflet, type Seat } from './leaflet-loader.ts';

interface Point {
  lat: number;
  lng: number;
  title: string;
  cancelled: boolean;
  end: string;
}

/** data-module="embed-map": the map and list of /embed/map/<city>/. */
export async function initEmbedMap(root: HTMLElement): Promise<void> {
  const now = Date.now();
  for (const li of root.querySelectorAll<HTMLElement>('.embed-list li[data-end]')) {
    const state = li.querySelector<HTMLElement>('[data-state]');
    if (state && !li.hasAttribute('data-cancelled') && Date.parse(li.dataset['end']!) < now) state.textContent = '（已结束）';
  }
  const el = root.querySelector<HTMLElement>('[data-embed-map]');
  if (!el) return;
  const points = JSON.parse(el.dataset['points'] ?? '[]') as Point[];
  const L = await loadLeaflet();
  const map = L.map(el, { scrollWheelZoom: false, minZoom: 5, maxZoom: 16, zoomControl: false });
  addBase(L, map, '', '');
  // The city's and its counties' seats, named: the only landmarks on the offline background.
  addSeats(L, map, JSON.parse(el.dataset['seats'] ?? '[]') as Seat[]);
  for (const p of points) {
    const ended = p.cancelled || Date.parse(p.end) < now;
    L.circleMarker([p.lat, p.lng], { radius: 9, color: ended ? '#6b6b6b' : '#b3221b', weight: 3, fillColor: '#ffffff', fillOpacity: 1 })
      .bindTooltip(h('span', {}, `${p.title}${p.cancelled ? '（已取消）' : ended ? '（已结束）' : ''}`), { direction: 'top', offset: [0, -8] })
      .addTo(map);
  }
  map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])).pad(0.3), { maxZoom: 12 });
  el.dataset['ready'] = '';
}
