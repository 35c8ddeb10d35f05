/**
 * /events/ in the browser: instant filters reflected in the URL, "near me" by county or by
 * the browser's location, and upcoming/past re-checked against the visitor's clock. The
 * event data (/data/events-index.json) loads only when one of these is used.
 */
import type { CountyOptions } from '../lib/regions.ts';
import { EVENT_LEVEL_LABELS, EVENT_STATUS_LABELS, EVENT_TYPE_LABELS } from '../lib/event-labels.ts';
import { fromIndex, type EventIndex, type IndexedEvent } from '../lib/event-index.ts';
import { byStart, filterEvents, formatEventTime, isUpcoming, type EventFilter } from '../lib/events.ts';
import { formatKm, sortByDistance } from '../lib/geo.ts';

let index: Promise<{ events: IndexedEvent[]; regions: Record<string, string> }> | undefined;
function loadIndex() {
  index ??= fetch('/data/events-index.json')
    .then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<EventIndex>;
    })
    .then((i) => ({ events: fromIndex(i), regions: i.regions }));
  return index;
}

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** The same markup as EventCard.astro. */
function card(e: IndexedEvent & { km?: number }, regions: Record<string, string>, nearest = false): HTMLElement {
  const link = h('a', { href: `/events/${e.id}/` });
  if (e.demo) link.append(h('span', { class: 'demo-badge' }, '示例'), ' ');
  link.append(e.title);
  const tags = h('p', { class: 'event-card__tags' }, h('span', {}, EVENT_TYPE_LABELS[e.type]), h('span', {}, EVENT_LEVEL_LABELS[e.level]));
  if (e.status !== 'confirmed') tags.append(h('span', { class: `event-card__status is-${e.status}` }, EVENT_STATUS_LABELS[e.status]));
  if (e.km !== undefined) tags.append(h('span', { class: 'event-card__km' }, `距您约 ${formatKm(e.km)}`));
  const place = [regions[e.city], e.county ? regions[e.county] : ''].filter(Boolean).join(' ');
  const article = h('article', { class: `event-card${nearest ? ' is-nearest' : ''}`, 'data-event': e.id },
    ...(nearest ? [h('p', { class: 'event-card__flag' }, '离您最近的即将举办活动')] : []),
    h('h3', { class: 'event-card__title' }, link),
    h('p', { class: 'event-card__meta' }, h('time', { datetime: e.start }, formatEventTime(e))),
    h('p', { class: 'event-card__meta' }, `${place} · ${e.venue}`),
    tags,
  );
  return article;
}

const PAGE = 50;

function renderList(box: HTMLElement, list: (IndexedEvent & { km?: number })[], regions: Record<string, string>, highlightFirst = false) {
  box.replaceChildren();
  let shown = 0;
  const more = h('button', { type: 'button', class: 'button button--secondary' }, '显示更多');
  const next = () => {
    const slice = list.slice(shown, shown + PAGE);
    for (const [i, e] of slice.entries()) box.insertBefore(card(e, regions, highlightFirst && shown + i === 0), more.isConnected ? more : null);
    shown += slice.length;
    if (shown >= list.length) more.remove();
    else if (!more.isConnected) box.append(more);
  };
  more.addEventListener('click', next);
  next();
}

function initFilters() {
  const form = document.querySelector<HTMLFormElement>('[data-filters]');
  const results = document.querySelector<HTMLElement>('[data-filter-results]');
  const count = document.querySelector<HTMLElement>('[data-filter-count]');
  if (!form || !results || !count) return;
  form.hidden = false;
  const counties = JSON.parse(form.dataset.counties ?? '{}') as CountyOptions;
  const plan = JSON.parse(form.dataset.plan ?? '{}') as Record<string, [number, number][]>;
  const citySelect = form.elements.namedItem('city') as HTMLSelectElement;
  const countySelect = form.elements.namedItem('county') as HTMLSelectElement;
  const statics = document.querySelectorAll<HTMLElement>('[data-static-list]');

  const fillCounties = (city: string, selected = '') => {
    countySelect.replaceChildren(new Option('全部', ''));
    for (const [id, , name] of counties[city] ?? []) countySelect.append(new Option(name, id, false, id === selected));
    countySelect.disabled = !city;
  };

  const current = (): EventFilter => {
    const f: EventFilter = {};
    for (const key of ['city', 'county', 'month', 'type', 'level'] as const) {
      const v = (form.elements.namedItem(key) as HTMLSelectElement).value;
      if (v) f[key] = v;
    }
    return f;
  };

  const apply = async (pushUrl: boolean) => {
    const f = current();
    const active = Object.keys(f).length > 0;
    if (pushUrl) {
      const url = new URL(location.href);
      url.search = new URLSearchParams(f as Record<string, string>).toString();
      history.replaceState(null, '', url);
    }
    for (const s of statics) s.hidden = active;
    if (!active) { results.replaceChildren(); count.textContent = ''; return; }
    count.textContent = '正在加载…';
    try {
      const { events, regions } = await loadIndex();
      const now = new Date();
      const found = filterEvents(events, f);
      const upcoming = found.filter((e) => isUpcoming(e, now)).sort(byStart);
      const past = found.filter((e) => !isUpcoming(e, now)).sort((a, b) => byStart(b, a));
      count.textContent = `找到 ${found.length} 场活动（即将举办 ${upcoming.length} 场，往期 ${past.length} 场）`;
      results.replaceChildren();
      if (found.length === 0) {
        const p = h('p', { class: 'empty' }, '没有符合条件的活动。');
        if (f.city && f.month) {
          const m = plan[f.city]?.[Number(f.month.slice(5)) - 1];
          if (m) p.append(` ${regions[f.city]}${Number(f.month.slice(5))}月计划市级${m[0]}场、县区${m[1]}场，活动发布后会出现在这里。`);
        }
        results.append(p);
        return;
      }
      if (upcoming.length) {
        const box = h('div');
        results.append(h('h3', {}, '即将举办'), box);
        renderList(box, upcoming, regions);
      }
      if (past.length) {
        const box = h('div');
        results.append(h('h3', {}, '往期活动'), box);
        renderList(box, past, regions);
      }
    } catch {
      count.textContent = '活动数据加载失败，请使用下方按城市、按月份的链接。';
      for (const s of statics) s.hidden = false;
    }
  };

  citySelect.addEventListener('change', () => fillCounties(citySelect.value));
  form.addEventListener('change', () => void apply(true));
  form.addEventListener('reset', () => setTimeout(() => { fillCounties(''); void apply(true); }, 0));
  form.addEventListener('submit', (e) => { e.preventDefault(); void apply(true); });

  const params = new URL(location.href).searchParams;
  if ([...params.keys()].some((k) => ['city', 'county', 'month', 'type', 'level'].includes(k))) {
    citySelect.value = params.get('city') ?? '';
    fillCounties(citySelect.value, params.get('county') ?? '');
    for (const key of ['month', 'type', 'level']) (form.elements.namedItem(key) as HTMLSelectElement).value = params.get(key) ?? '';
    void apply(false);
  }
}

function initNearMe() {
  const root = document.querySelector<HTMLElement>('[data-near-me]');
  const form = root?.querySelector<HTMLFormElement>('[data-near-form]');
  if (!root || !form) return;
  form.hidden = false;
  const counties = JSON.parse(root.dataset.counties ?? '{}') as CountyOptions;
  const city = form.elements.namedItem('city') as HTMLSelectElement;
  const county = form.elements.namedItem('county') as HTMLSelectElement;
  const status = root.querySelector<HTMLElement>('[data-near-status]')!;
  const results = root.querySelector<HTMLElement>('[data-near-results]')!;
  city.addEventListener('change', () => {
    county.replaceChildren(new Option('请选择', ''));
    for (const [, slug, name] of counties[city.value] ?? []) county.append(new Option(name, slug));
    county.disabled = !city.value;
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!city.value || !county.value) { status.textContent = '请先选择设区市和县（市、区）。'; return; }
    location.href = `/cities/${city.value}/${county.value}/`;
  });

  const geo = root.querySelector<HTMLButtonElement>('[data-geolocate]');
  if (!geo || !('geolocation' in navigator)) return;
  geo.hidden = false;
  geo.addEventListener('click', () => {
    status.textContent = '正在获取您的位置…';
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        try {
          const { events, regions } = await loadIndex();
          const now = new Date();
          const origin = { lat: pos.coords.latitude, lng: pos.coords.longitude };
          const upcoming = events.filter((e) => isUpcoming(e, now) && e.status !== 'cancelled');
          const sorted = sortByDistance(upcoming, origin, byStart);
          status.textContent = sorted.length ? `按距离排列的即将举办活动，共 ${sorted.length} 场。` : '暂时没有即将举办的活动。';
          renderList(results, sorted, regions, true);
        } catch {
          status.textContent = '活动数据加载失败，请选择设区市和区县查找。';
        }
      },
      (err) => {
        status.textContent = err.code === err.PERMISSION_DENIED
          ? '没有获得位置权限。请选择您所在的设区市和区县查找。'
          : err.code === err.TIMEOUT
            ? '获取位置超时。请选择您所在的设区市和区县查找。'
            : '无法获取您的位置。请选择您所在的设区市和区县查找。';
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 },
    );
  });
}

/** Moves events that have ended by the visitor's clock out of "即将举办". */
function recheckUpcoming() {
  const box = document.querySelector<HTMLElement>('[data-upcoming]');
  if (!box) return;
  const now = Date.now();
  let moved = 0;
  for (const card of box.querySelectorAll<HTMLElement>('[data-end]')) {
    if (Date.parse(card.dataset.end ?? '') < now) { card.remove(); moved += 1; }
  }
  if (moved) {
    const label = document.querySelector('[data-upcoming-count]');
    if (label) label.textContent = `（${box.querySelectorAll('[data-end]').length}场）`;
  }
}

let started = false;
/** Wires whatever parts of the events UI the page has. */
export function initEventsPage(): void {
  if (started) return;
  started = true;
  initNearMe();
  initFilters();
  recheckUpcoming();
}
