/** The /map/ page: every event, clustered, with the list's filters and a list beside the map. */
import type { CountyOptions } from '../lib/regions.ts';
import type * as Leaflet from 'leaflet';
import { fromIndex, type EventIndex, type IndexedEvent } from '../lib/event-index.ts';
import { EVENT_LEVEL_LABELS, EVENT_TYPE_LABELS } from '../lib/event-labels.ts';
import { filterEvents, formatEventTime, type EventFilter } from '../lib/events.ts';
import { h } from './dom.ts';
import { addBase, addSeats, loadLeaflet, type Seat } from './leaflet-loader.ts';

/** A popup's content as DOM nodes: content text is set as text, never parsed. */
function popupContent(e: IndexedEvent, regions: Record<string, string>): HTMLElement {
  const place = [regions[e.city], e.county ? regions[e.county] : ''].filter(Boolean).join(' ');
  return h('div', {},
    h('p', { class: 'map-popup__title' }, h('a', { href: `/events/${encodeURIComponent(e.id)}/` }, e.demo ? h('span', { class: 'demo-badge' }, '示例') : null, e.demo ? ' ' : null, e.title)),
    h('p', {}, formatEventTime(e)),
    h('p', {}, `${place} · ${e.venue}`),
    h('p', {}, `${EVENT_TYPE_LABELS[e.type]} · ${EVENT_LEVEL_LABELS[e.level]}`));
}

/** The /map/ page: all events, clustered, with the same filters as the list and a list beside. */
export async function initEventMap(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-event-map]');
  const el = root?.querySelector<HTMLElement>('[data-map-canvas]');
  if (!root || !el) return;
  const status = root.querySelector<HTMLElement>('[data-map-status]')!;
  const list = root.querySelector<HTMLElement>('[data-map-list]')!;
  const form = root.querySelector<HTMLFormElement>('[data-map-filters]');
  const seats = JSON.parse(root.dataset.seats ?? '[]') as Seat[];
  const planByCity = JSON.parse(root.dataset.plan ?? '{}') as Record<string, [number, number]>;
  status.textContent = '正在加载地图…';
  const [L, index] = await Promise.all([
    loadLeaflet(true),
    fetch('/data/events-index.json').then((r) => r.json() as Promise<EventIndex>),
  ]);
  const events = fromIndex(index);
  el.replaceChildren();
  el.classList.add('is-live');
  const map = L.map(el, { preferCanvas: true, minZoom: 5, maxZoom: 18 }).setView([32.9, 119.4], 7);
  addBase(L, map, root.dataset.tk ?? '', root.dataset.review ?? '');
  addSeats(L, map, seats);
  L.control.scale({ imperial: false }).addTo(map);

  if (events.length === 0) {
    // No published events yet: show what each city plans instead.
    for (const s of seats) {
      const [c, k] = planByCity[s.id] ?? [0, 0];
      L.circleMarker([s.lat, s.lng], { radius: 6 + Math.sqrt(c + k), color: '#0b4a8b', fillOpacity: 0.35 })
        .bindPopup(h('div', {}, h('p', { class: 'map-popup__title' }, h('a', { href: `/cities/${encodeURIComponent(s.id)}/` }, s.name)), h('p', {}, `全年计划市级${c}场、县区${k}场`)))
        .addTo(map);
    }
    status.textContent = '各地尚未发布活动，地图显示各市全年计划场次。';
    const li = document.createElement('li');
    li.textContent = '暂无已发布的活动。';
    list.replaceChildren(li);
    return;
  }

  const cluster = (L as unknown as { markerClusterGroup: (o: object) => Leaflet.LayerGroup & { addLayers: (l: Leaflet.Layer[], skip?: boolean) => void; clearLayers: () => void } })
    .markerClusterGroup({ chunkedLoading: true, chunkInterval: 200, chunkDelay: 50, showCoverageOnHover: false, maxClusterRadius: 50 });
  map.addLayer(cluster);
  const markers = new Map<string, Leaflet.Layer>();
  const markerOf = (e: IndexedEvent) => {
    let m = markers.get(e.id);
    if (!m) {
      // A div icon: no image to fetch, and still a focusable, titled marker for keyboard users.
      const icon = L.divIcon({ className: `map-pin${e.demo ? ' map-pin--demo' : ''}`, iconSize: [18, 18], html: '' });
      m = L.marker([e.lat, e.lng], { icon, title: `${e.demo ? '【示例】' : ''}${e.title}`, alt: e.title, keyboard: true }).bindPopup(() => popupContent(e, index.regions));
      markers.set(e.id, m);
    }
    return m;
  };

  const render = () => {
    const f: EventFilter = {};
    if (form) for (const key of ['city', 'county', 'month', 'type', 'level'] as const) {
      const v = (form.elements.namedItem(key) as HTMLSelectElement | null)?.value;
      if (v) f[key] = v;
    }
    const now = Date.now();
    // Upcoming first (soonest first), then past (latest first), as in the list pages.
    const shown = filterEvents(events, f).sort((a, b) => {
      const ua = Date.parse(a.end) >= now;
      const ub = Date.parse(b.end) >= now;
      if (ua !== ub) return ua ? -1 : 1;
      return ua ? Date.parse(a.start) - Date.parse(b.start) : Date.parse(b.start) - Date.parse(a.start);
    });
    cluster.clearLayers();
    cluster.addLayers(shown.map(markerOf));
    status.textContent = `地图上显示 ${shown.length} 场活动${events.some((e) => e.demo) ? '（含示例活动）' : ''}。`;
    list.replaceChildren(...shown.slice(0, 100).map((e) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/events/${e.id}/`;
      a.textContent = `${e.demo ? '【示例】' : ''}${e.title}`;
      li.append(a, `　${formatEventTime(e)} · ${index.regions[e.city] ?? ''} ${e.venue}`);
      return li;
    }));
    if (shown.length > 100) {
      const li = document.createElement('li');
      li.textContent = `另有 ${shown.length - 100} 场，请缩小筛选范围或查看活动日历。`;
      list.append(li);
    }
    const url = new URL(location.href);
    url.search = new URLSearchParams(f as Record<string, string>).toString();
    history.replaceState(null, '', url);
  };

  if (form) {
    form.hidden = false;
    const counties = JSON.parse(root.dataset.counties ?? '{}') as CountyOptions;
    const city = form.elements.namedItem('city') as HTMLSelectElement;
    const county = form.elements.namedItem('county') as HTMLSelectElement;
    const fillCounties = (selected = '') => {
      county.replaceChildren(new Option('全部', ''));
      for (const [id, , name] of counties[city.value] ?? []) county.append(new Option(name, id, false, id === selected));
      county.disabled = !city.value;
    };
    const params = new URL(location.href).searchParams;
    for (const key of ['city', 'month', 'type', 'level']) {
      const select = form.elements.namedItem(key) as HTMLSelectElement | null;
      if (select) select.value = params.get(key) ?? '';
    }
    fillCounties(params.get('county') ?? '');
    city.addEventListener('change', () => fillCounties());
    form.addEventListener('change', render);
  }
  render();
}
