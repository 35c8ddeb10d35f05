/**
 * The /map/ page: events still to come (or any time chosen), clustered, with the same filters
 * as the list, a list that follows what is in view, and on a phone a 地图/列表 switch.
 *
 * - Data: only the city-month chunks the filters and view need (src/lib/events/map-data.ts),
 *   soonest first, within a budget; panning or zooming loads more.
 * - View: fitted to Jiangsu at load and to the results after filtering, with padding so that
 *   no marker or seat sits under the edge; popups pan into view with padding.
 * - Keyboard: markers and clusters are not tab stops; every event is reachable from the list,
 *   whose "在地图上看" opens the marker's popup; Escape closes it and returns to the list.
 */
import type * as Leaflet from 'leaflet';
import type { CountyOptions } from '../lib/regions.ts';
import { EVENT_LEVEL_LABELS, EVENT_TYPE_LABELS } from '../lib/event-labels.ts';
import { byStart, eventStateLabel, filterEvents, formatEventTime, isUpcoming } from '../lib/events/events.ts';
import { chooseChunks, MAP_EAGER_EVENTS, type Bounds, type ChunkNeed, type MapEvent, type MapManifest } from '../lib/events/map-data.ts';
import { describeQuery, parseQuery, resolveQuery, type EventQuery } from '../lib/events/query.ts';
import { bindFilterForm } from './filter-form.ts';
import { h } from './dom.ts';
import { isLoaded, loadChunk, loadManifest, regionNames } from './event-data.ts';
import { addBase, addSeats, loadLeaflet, type Seat } from './leaflet-loader.ts';
import { cityPath, eventPath } from '../lib/paths.ts';

type ClusterGroup = Leaflet.FeatureGroup & {
  addLayers: (l: Leaflet.Layer[], skip?: boolean) => void;
  clearLayers: () => ClusterGroup;
};

/** Room kept between markers and the map's edge: half a cluster icon and the seat names. */
const EDGE: Leaflet.PointTuple = [28, 28];
const LIST_PAGE = 50;
/** Where loading starts when the whole province is in view (nearest chunks first). */
const JIANGSU_CENTER = { lat: 32.9, lng: 119.4 };
/** From this zoom on, every fair is its own marker. */
const UNCLUSTERED_ZOOM = 13;

const placeOf = (e: MapEvent, names: Record<string, string>) => [names[e.city], e.county ? names[e.county] : ''].filter(Boolean).join(' ');

/** A popup's content as DOM nodes: content text is set as text, never parsed. */
function popupContent(e: MapEvent, names: Record<string, string>, now: Date): HTMLElement {
  const state = eventStateLabel(e, now);
  return h(
    'div',
    { class: 'map-popup' },
    h(
      'p',
      { class: 'map-popup__title' },
      h('a', { href: eventPath(e.id) }, e.demo ? h('span', { class: 'demo-badge' }, '示例') : null, e.demo ? ' ' : null, e.title),
    ),
    state ? h('p', { class: `map-popup__state${state === '已结束' ? ' is-ended' : ''}` }, state) : null,
    h('p', {}, formatEventTime(e)),
    h('p', {}, `${placeOf(e, names)} · ${e.venue}`),
    h('p', {}, `${EVENT_TYPE_LABELS[e.type]} · ${EVENT_LEVEL_LABELS[e.level]}`),
  );
}

/** Upcoming soonest first, then ended most recent first (as the list pages order them). */
function byRelevance(now: Date) {
  return (a: MapEvent, b: MapEvent) => {
    const ua = isUpcoming(a, now);
    const ub = isUpcoming(b, now);
    if (ua !== ub) return ua ? -1 : 1;
    return ua ? byStart(a, b) : byStart(b, a);
  };
}

const toBounds = (b: Leaflet.LatLngBounds): Bounds => ({ south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() });

/** data-module="event-map": the map, its filters and its list on /map/. */
export async function initEventMap(root: HTMLElement): Promise<void> {
  const el = root.querySelector<HTMLElement>('[data-map-canvas]');
  if (!el) return;
  const status = root.querySelector<HTMLElement>('[data-map-status]')!;
  const list = root.querySelector<HTMLElement>('[data-map-list]')!;
  const listNote = root.querySelector<HTMLElement>('[data-map-list-note]');
  const more = root.querySelector<HTMLButtonElement>('[data-map-more]')!;
  const fitAll = root.querySelector<HTMLButtonElement>('[data-map-fit]')!;
  const listHeading = root.querySelector<HTMLElement>('.event-map__list-heading')!;
  const layout = root.querySelector<HTMLElement>('[data-map-layout]')!;
  const tabs = [...root.querySelectorAll<HTMLButtonElement>('[data-map-tab]')];
  const form = root.querySelector<HTMLFormElement>('[data-map-filters]');
  const filterSummary = root.querySelector<HTMLElement>('[data-map-filter-summary]');
  const leftNote = root.querySelector<HTMLElement>('[data-map-left]');
  const planByCity = JSON.parse(root.dataset.plan ?? '{}') as Record<string, [number, number]>;
  const counties = JSON.parse(root.dataset.counties ?? '{}') as CountyOptions;

  status.textContent = '正在加载地图…';
  // Start on the event data for the view the page opens with while Leaflet is still loading.
  const initial = parseQuery(new URL(location.href).searchParams);
  void loadManifest()
    .then((m) => {
      const now = new Date();
      const r = resolveQuery(initial, now, true);
      for (const c of chooseChunks(
        m,
        { city: initial.city, month: initial.month, range: r.range, since: r.upcomingOnly ? now.getTime() : undefined, center: JIANGSU_CENTER },
        MAP_EAGER_EVENTS,
      ).load)
        void loadChunk(c).catch(() => {});
    })
    .catch(() => {});
  let manifest: MapManifest;
  let L: typeof Leaflet;
  try {
    [L, manifest] = await Promise.all([loadLeaflet(true), loadManifest()]);
  } catch {
    status.textContent = '地图加载失败。请使用下方各市的链接，或活动日历。';
    return;
  }
  const names = regionNames(manifest);
  const seats: Seat[] = manifest.regions.map(([id, , shortName, lat, lng, parent]) => ({ id, name: shortName, lat, lng, county: parent !== '' }));
  const jiangsu = L.latLngBounds(seats.map((s) => [s.lat, s.lng] as Leaflet.LatLngTuple));

  el.replaceChildren();
  el.classList.add('is-live');
  // Whole zoom levels: the cluster library rounds zooms, and fractional ones confuse it.
  const map = L.map(el, { preferCanvas: true, minZoom: 5, maxZoom: 18, zoomControl: false });
  // data-moving while the view pans or zooms (a jump, a popup making room): what tests wait for.
  map.on('movestart', () => {
    root.dataset.moving = '';
  });
  map.on('moveend', () => {
    delete root.dataset.moving;
  });
  /**
   * Views are set without animation: a hidden map (the list view on a phone) never finishes one,
   * and an instant jump to the results is what someone who just chose a filter wants.
   */
  const JUMP = { animate: false } as const;
  /** The whole province (every seat, and any event beyond them), with room for icons and names. */
  const fitProvince = (extra: readonly MapEvent[] = []) => {
    const b = L.latLngBounds(jiangsu.getSouthWest(), jiangsu.getNorthEast());
    for (const e of extra) b.extend([e.lat, e.lng]);
    // Seat names extend to the right of their dots: keep more room on that side.
    map.fitBounds(b, { paddingTopLeft: EDGE, paddingBottomRight: [EDGE[0] + 16, EDGE[1]], ...JUMP });
  };
  fitProvince();
  addBase(L, map, root.dataset.tk ?? '', root.dataset.review ?? '');
  addSeats(L, map, seats);

  if (manifest.total === 0) {
    // No published events yet: show what each city plans instead.
    for (const s of seats.filter((x) => !x.county)) {
      const [c, k] = planByCity[s.id] ?? [0, 0];
      L.circleMarker([s.lat, s.lng], { radius: 6 + Math.sqrt(c + k), color: '#0b4a8b', fillOpacity: 0.35 })
        .bindPopup(
          h(
            'div',
            {},
            h('p', { class: 'map-popup__title' }, h('a', { href: cityPath(s.id) }, names[s.id] ?? s.name)),
            h('p', {}, `全年计划市级${c}场、县区${k}场`),
          ),
        )
        .addTo(map);
    }
    status.textContent = '各地尚未发布活动，地图显示各市全年计划场次。';
    list.replaceChildren(h('li', {}, '暂无已发布的活动。'));
    return;
  }

  const cluster = (L as unknown as { markerClusterGroup: (o: object) => ClusterGroup }).markerClusterGroup({
    // Not chunked: markers added in slices while the view animates to the results went missing.
    chunkedLoading: false,
    showCoverageOnHover: false,
    maxClusterRadius: 48,
    // No split/merge animation: while one runs the library ignores moves, so a filter chosen
    // during it (a quick second choice) left the new results' markers undrawn.
    animate: false,
    // Close in, every fair is its own marker (fairs at one venue overlap; each still opens from
    // the list). No "spiderfying": it collapses again on the next move and takes popups with it.
    disableClusteringAtZoom: UNCLUSTERED_ZOOM,
    spiderfyOnMaxZoom: false,
    // The library's own look, at 44 px (its default is 40).
    iconCreateFunction: (c: { getChildCount: () => number }) => {
      const n = c.getChildCount();
      const size = n < 10 ? 'small' : n < 100 ? 'medium' : 'large';
      return L.divIcon({ html: h('div', {}, h('span', {}, String(n))), className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(44, 44) });
    },
  });
  map.addLayer(cluster);

  // Narrow enough that popup, its frame and 16 px either side fit in the map's width. Panning
  // the popup into view is done by keepInside() below rather than by Leaflet's autoPan, which
  // runs before a cluster has finished opening and then fights any later correction.
  const popupOptions = (): Leaflet.PopupOptions => ({
    maxWidth: Math.max(150, Math.min(280, el.clientWidth - 96)),
    autoPan: false,
  });
  const markers = new Map<string, Leaflet.Marker>();
  /** The event whose popup was opened from the list, to return to when it closes. */
  let fromList: string | null = null;
  const markerOf = (e: MapEvent, now: Date) => {
    let m = markers.get(e.id);
    if (!m) {
      const ended = !isUpcoming(e, now) || e.status === 'cancelled';
      // A div icon: no image to fetch. Not a tab stop (see above); its title names the event.
      // 44 px to a finger; the dot drawn inside it stays 18 px (map.css).
      const icon = L.divIcon({ className: `map-pin${e.demo ? ' map-pin--demo' : ''}${ended ? ' map-pin--ended' : ''}`, iconSize: [44, 44], html: '' });
      const marker = L.marker([e.lat, e.lng], { icon, title: `${e.demo ? '【示例】' : ''}${e.title}`, alt: e.title, keyboard: false });
      marker.bindPopup(() => popupContent(e, names, new Date()), popupOptions());
      m = marker;
      markers.set(e.id, m);
    }
    return m;
  };
  /** Pans the map so that the whole popup is inside it, 16 px from each edge. */
  let adjusting = false;
  const keepInside = (node: HTMLElement) => {
    // panBy fires moveend at once, which calls this again: once is enough. A popup that has
    // closed (it fades out for a moment after a new filter) must not pull the map back to it.
    if (node !== openNode || !node.isConnected || adjusting) return;
    const m = el.getBoundingClientRect();
    const p = node.getBoundingClientRect();
    let dx = 0;
    let dy = 0;
    if (p.right > m.right - 16) dx = p.right - (m.right - 16);
    if (p.left - dx < m.left + 16) dx = p.left - (m.left + 16);
    if (p.bottom > m.bottom - 16) dy = p.bottom - (m.bottom - 16);
    if (p.top - dy < m.top + 16) dy = p.top - (m.top + 16);
    // Never over the zoom buttons: move the popup right of them, or below them if it is too wide.
    const z = el.querySelector('.leaflet-control-zoom')?.getBoundingClientRect();
    if (z && p.left - dx < z.right + 8 && p.top - dy < z.bottom + 8) {
      if (p.right - (p.left - (z.right + 8)) <= m.right - 16) dx = p.left - (z.right + 8);
      else dy = p.top - (z.bottom + 8);
    }
    if (!dx && !dy) return;
    adjusting = true;
    try {
      map.panBy([dx, dy], { animate: false });
    } finally {
      adjusting = false;
    }
  };
  let openNode: HTMLElement | null = null;
  let focusPopup = false;
  map.on('popupopen', (ev) => {
    const node = (ev as Leaflet.PopupEvent).popup.getElement();
    if (!node) return;
    openNode = node;
    requestAnimationFrame(() => {
      keepInside(node);
      // Opened from the list: move focus into the popup (Escape brings it back).
      if (focusPopup) node.querySelector<HTMLAnchorElement>('.map-popup a')?.focus({ preventScroll: true });
      focusPopup = false;
    });
    setTimeout(() => keepInside(node), 400);
  });
  map.on('popupclose', () => {
    openNode = null;
  });
  // Clusters re-arrange after zooming: keep an open popup inside after every move.
  map.on('moveend zoomend', () => {
    if (openNode) keepInside(openNode);
  });
  // Capture phase: runs before Leaflet's own Escape handler has closed the popup.
  document.addEventListener(
    'keydown',
    (k) => {
      if (k.key !== 'Escape' || !openNode) return;
      const fromPopup = openNode.contains(document.activeElement);
      map.closePopup();
      if (!fromList || !(fromPopup || document.activeElement === document.body)) return;
      // On a phone the list is its own view: go back to it, to the item the popup came from
      // (the list is redrawn as the map moves, so look the item up again).
      setView('list');
      renderList();
      const item = list.querySelector<HTMLElement>(`[data-event="${CSS.escape(fromList)}"] .map-list__show`) ?? listHeading;
      item.focus();
    },
    true,
  );

  // ---- state ----
  let query: EventQuery = {};
  const loaded: MapEvent[] = [];
  let shown: MapEvent[] = [];
  let left = 0;
  let listLimit = LIST_PAGE;
  let settling = false;

  const need = (q: EventQuery, now: Date, bounds?: Bounds): ChunkNeed => {
    const r = resolveQuery(q, now, true);
    const c = bounds ? map.getCenter() : JIANGSU_CENTER;
    return { city: q.city, month: q.month, range: r.range, since: r.upcomingOnly ? now.getTime() : undefined, bounds, center: { lat: c.lat, lng: c.lng } };
  };

  const load = async (n: ChunkNeed, budget: number) => {
    const choice = chooseChunks(manifest, n, budget);
    const fresh = choice.load.filter((c) => !isLoaded(c));
    const lists = await Promise.all(choice.load.map(loadChunk));
    const seen = new Set(loaded.map((e) => e.id));
    for (const e of lists.flat())
      if (!seen.has(e.id)) {
        loaded.push(e);
        seen.add(e.id);
      }
    return { left: choice.left, added: fresh.length };
  };

  const select = (now: Date) => {
    const r = resolveQuery(query, now, true);
    return filterEvents(loaded, r.filter)
      .filter((e) => !r.upcomingOnly || isUpcoming(e, now))
      .sort(byRelevance(now));
  };

  const renderList = () => {
    const now = new Date();
    const view = map.getBounds().pad(-0.02);
    const inView = shown.filter((e) => view.contains([e.lat, e.lng]));
    if (listNote) listNote.textContent = `（地图范围内 ${inView.length} 场${inView.length < shown.length ? `，共 ${shown.length} 场` : ''}）`;
    const items = inView.slice(0, listLimit).map((e) => {
      const state = eventStateLabel(e, now);
      const go = h('button', { class: 'map-list__show' }, '在地图上看');
      go.type = 'button';
      go.addEventListener('click', () => showOnMap(e));
      const li = h(
        'li',
        { class: `map-list__item${state === '已结束' || state === '已取消' ? ' is-ended' : ''}` },
        h('a', { href: eventPath(e.id), class: 'map-list__title' }, e.demo ? '【示例】' : '', e.title),
        h('span', { class: 'map-list__meta' }, `${formatEventTime(e)} · ${names[e.county ?? e.city] ?? ''} ${e.venue}`),
        state ? h('span', { class: 'map-list__state' }, state) : null,
        go,
      );
      li.dataset.event = e.id;
      return li;
    });
    if (inView.length === 0)
      items.push(h('li', { class: 'map-list__empty' }, shown.length ? '地图范围内没有活动，请缩小地图或移动地图。' : '没有符合条件的活动。'));
    list.replaceChildren(...items);
    fitAll.hidden = inView.length >= shown.length;
    fitAll.textContent = `看全部 ${shown.length} 场`;
    more.hidden = inView.length <= listLimit;
    more.textContent = `再显示 ${Math.max(0, Math.min(LIST_PAGE, inView.length - listLimit))} 场`;
  };

  /** Kept to two lines on a phone (its box is that tall), so the map below never moves. */
  const describeStatus = (now: Date) => {
    const upcoming = resolveQuery(query, now, true).upcomingOnly ? '即将举办的' : '';
    const demo = shown.some((e) => e.demo) ? '（含示例活动）' : '';
    return `地图上显示 ${shown.length} 场${upcoming}活动${demo}。`;
  };

  const draw = () => {
    const now = new Date();
    // A popup still fading out must not pull the map back towards the old results.
    map.closePopup();
    openNode = null;
    shown = select(now);
    if (filterSummary) {
      const d = describeQuery(query, now, names);
      filterSummary.textContent = `${d || '全省'}${resolveQuery(query, now, true).upcomingOnly ? ' · 即将举办' : ''}`;
    }
    cluster.clearLayers();
    cluster.addLayers(shown.map((e) => markerOf(e, now)));
    status.textContent = describeStatus(now);
    if (leftNote) leftNote.textContent = left > 0 ? `另有约 ${left} 场较晚或较远的活动尚未加载：放大地图，或选择城市、月份。` : '';
  };

  /** Fits the view to what is shown (or to the place chosen when nothing is). */
  const fitResults = () => {
    settling = true;
    if (shown.length > 0) {
      const b = L.latLngBounds(shown.map((e) => [e.lat, e.lng] as Leaflet.LatLngTuple));
      // Not closer than 11: a single fair still shows the towns around it.
      map.fitBounds(b, { padding: EDGE, maxZoom: 11, ...JUMP });
    } else {
      const place = query.county ?? query.city;
      const pts = seats.filter((s) => place && (s.id === place || (!query.county && s.id.startsWith(`${place}-`))));
      if (pts.length) map.fitBounds(L.latLngBounds(pts.map((s) => [s.lat, s.lng] as Leaflet.LatLngTuple)), { padding: EDGE, maxZoom: 11, ...JUMP });
      else fitProvince(shown);
    }
    settling = false;
  };

  let run = 0;
  const applyQuery = async (q: EventQuery, fit: boolean) => {
    const mine = ++run;
    query = q;
    listLimit = LIST_PAGE;
    const now = new Date();
    status.textContent = '正在加载活动…';
    try {
      const r = await load(need(q, now), MAP_EAGER_EVENTS);
      if (mine !== run) return;
      left = r.left;
    } catch {
      status.textContent = '活动数据加载失败，请稍后再试，或使用活动日历。';
      return;
    }
    draw();
    if (fit) fitResults();
    else {
      settling = true;
      fitProvince(shown);
      settling = false;
    }
    renderList();
  };

  // Panning or zooming: the list follows the view, and chunks the view now needs are loaded.
  map.on('moveend', async () => {
    if (settling) return;
    renderList();
    if (left === 0) return;
    const mine = run;
    const now = new Date();
    const n = need(query, now, toBounds(map.getBounds()));
    if (chooseChunks(manifest, n, MAP_EAGER_EVENTS).load.every(isLoaded)) return;
    try {
      await load(n, MAP_EAGER_EVENTS);
    } catch {
      return;
    }
    if (mine !== run) return;
    // What is still unloaded anywhere, for the status line.
    left = chooseChunks(manifest, need(query, now), Number.POSITIVE_INFINITY)
      .load.filter((c) => !isLoaded(c))
      .reduce((s, c) => s + c[2], 0);
    draw();
    renderList();
  });

  const setView = (view: 'map' | 'list') => {
    layout.dataset.view = view;
    for (const t of tabs) t.setAttribute('aria-pressed', String(t.dataset.mapTab === view));
    if (view === 'map') map.invalidateSize();
  };
  for (const t of tabs) t.addEventListener('click', () => setView(t.dataset.mapTab === 'list' ? 'list' : 'map'));

  /** From the list: switch to the map (on a phone), reveal the marker, open its popup, focus it. */
  function showOnMap(e: MapEvent) {
    fromList = e.id;
    map.closePopup();
    setView('map');
    const m = markers.get(e.id);
    if (!m) return;
    // Jump (no animation, so nothing is half-way when the popup opens) close enough that
    // clusters have come apart, then open the marker's own popup.
    map.setView(m.getLatLng(), Math.max(map.getZoom(), UNCLUSTERED_ZOOM), { animate: false });
    requestAnimationFrame(() => {
      focusPopup = true;
      m.openPopup();
      el!.scrollIntoView({ block: 'nearest' });
    });
  }

  more.addEventListener('click', () => {
    listLimit += LIST_PAGE;
    renderList();
  });
  // The list follows the map; this brings every result back into view (and into the list).
  fitAll.addEventListener('click', () => {
    map.closePopup();
    fitResults();
    renderList();
  });

  // The form's plumbing (counties, dates, the address, 清除) is shared with the list on /events/.
  if (form) bindFilterForm(form, counties, (q) => void applyQuery(q, true)).fill(initial);
  const filtered = Object.keys(initial).length > 0;
  await applyQuery(initial, filtered);
  root.dataset.ready = '1';
}
