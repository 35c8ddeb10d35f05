/**
 * /events/ in the browser: instant filters (place, quick dates, month, typed dates, type,
 * level) reflected in the URL, "near me" by county or by the browser's location, and
 * upcoming/past re-checked against the visitor's clock. Event data loads only when one of
 * these is used, and only the city-month chunks the question needs.
 */
import type { CountyOptions } from '../lib/regions.ts';
import { byStart, filterEvents, isUpcoming, monthProgressLine } from '../lib/events/events.ts';
import { eventCardView } from '../lib/events/card.ts';
import { eventCard } from './event-card.ts';
import type { MapEvent } from '../lib/events/map-data.ts';
import { alternativesFor, NEARBY_RADIUS_KM } from '../lib/events/nearby.ts';
import { describeQuery, isEmptyQuery, parseQuery, resolveQuery, type EventQuery } from '../lib/events/query.ts';
import { bindFilterForm } from './filter-form.ts';
import { distanceKm } from '../lib/geo.ts';
import { h } from './dom.ts';
import { loadEvents, regionNames } from './event-data.ts';
import { shanghaiDate } from '../lib/dates.ts';
import { cityPath } from '../lib/paths.ts';

/** A card in EventCard.astro's markup, with the words of src/lib/events/card.ts. */
function card(e: MapEvent & { km?: number }, names: Record<string, string>, now: Date, nearest = false, kmFrom = '您'): HTMLElement {
  return eventCard(
    eventCardView(e, {
      name: (id) => names[id] ?? '',
      venue: e.venue,
      now,
      km: e.km,
      from: kmFrom,
      flag: nearest ? '离您最近的即将举办活动' : undefined,
    }),
  );
}

const PAGE = 50;

function renderList(box: HTMLElement, list: (MapEvent & { km?: number })[], names: Record<string, string>, now: Date, highlightFirst = false, kmFrom = '您') {
  box.replaceChildren();
  let shown = 0;
  const more = h('button', { class: 'button button--secondary' }, '显示更多');
  more.type = 'button';
  const next = () => {
    for (const e of list.slice(shown, shown + PAGE)) {
      box.insertBefore(card(e, names, now, highlightFirst && shown === 0, kmFrom), more.isConnected ? more : null);
      shown += 1;
    }
    if (shown >= list.length) more.remove();
    else if (!more.isConnected) box.append(more);
  };
  more.addEventListener('click', next);
  next();
}

/** data-module="event-filters": the filter form on /events/, its results, and the 本月 line. */
export function initFilters(form: HTMLElement): void {
  recheckMonth();
  const results = document.querySelector<HTMLElement>('[data-filter-results]');
  const count = document.querySelector<HTMLElement>('[data-filter-count]');
  if (!(form instanceof HTMLFormElement) || !results || !count) return;
  const counties = JSON.parse(form.dataset.counties ?? '{}') as CountyOptions;
  const plan = JSON.parse(form.dataset.plan ?? '{}') as Record<string, [number, number][]>;
  const statics = document.querySelectorAll<HTMLElement>('[data-static-list]');
  const quick = document.querySelectorAll<HTMLAnchorElement>('[data-quick]');
  // The form's plumbing (counties, dates, the address, 清除) is shared with the map.
  const filters = bindFilterForm(form, counties, (q) => {
    void apply(q).then(() => {
      if (!isEmptyQuery(q)) showAnswer();
    });
  });

  /** The answer is the count line: after a choice (or arriving with one) it must be in view. */
  const showAnswer = () => {
    const r = count.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) count.scrollIntoView({ block: 'start' });
  };

  let run = 0;
  const apply = async (q: EventQuery) => {
    const mine = ++run;
    for (const a of quick) a.setAttribute('aria-current', String(a.dataset.quick === q.when));
    const active = !isEmptyQuery(q);
    for (const s of statics) s.hidden = active;
    if (!active) {
      results.replaceChildren();
      count.textContent = '';
      return;
    }
    count.textContent = '正在加载…';
    try {
      const now = new Date();
      const resolved = resolveQuery(q, now, false);
      const { events, manifest } = await loadEvents({ city: q.city, month: q.month, range: resolved.range });
      if (mine !== run) return;
      const names = regionNames(manifest);
      const found = filterEvents(events, resolved.filter);
      const upcoming = found.filter((e) => isUpcoming(e, now)).sort(byStart);
      const past = found.filter((e) => !isUpcoming(e, now)).sort((a, b) => byStart(b, a));
      count.textContent = `${describeQuery(q, now, names)}：找到 ${found.length} 场活动（即将举办 ${upcoming.length} 场，已结束 ${past.length} 场）`;
      results.replaceChildren();
      if (found.length === 0) {
        const p = h('p', { class: 'empty' }, '没有符合条件的活动。');
        if (q.city && q.month) {
          const m = plan[q.city]?.[Number(q.month.slice(5)) - 1];
          if (m) p.append(` ${names[q.city]}${Number(q.month.slice(5))}月计划市级${m[0]}场、县区${m[1]}场，活动发布后会出现在这里。`);
        }
        results.append(p);
        await offerAlternatives(q, now, mine);
        return;
      }
      for (const [title, list] of [
        ['即将举办', upcoming],
        ['已结束', past],
      ] as const) {
        if (!list.length) continue;
        const box = h('div');
        results.append(h('h3', {}, title), box);
        renderList(box, list, names, now);
      }
    } catch {
      if (mine !== run) return;
      count.textContent = '活动数据加载失败，请使用下方按城市、按月份的链接。';
      for (const s of statics) s.hidden = false;
    }
  };

  for (const a of quick) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      filters.choose('when', a.dataset.quick ?? '');
    });
  }

  /** Nothing in this place for these dates: its next event, then the nearest ones, with dates. */
  const offerAlternatives = async (q: EventQuery, now: Date, mine: number) => {
    const placeId = q.county ?? q.city;
    const { events, manifest } = await loadEvents({ since: now.getTime() });
    const seat = manifest.regions.find((r) => r[0] === placeId);
    if (mine !== run || !placeId || !seat) return;
    const names = regionNames(manifest);
    const { next, nearest } = alternativesFor(events, { id: placeId, county: Boolean(q.county), lat: seat[3], lng: seat[4] }, now);
    const box = h('div', { class: 'filter-alternatives' });
    box.dataset.alternatives = '';
    if (next) {
      box.append(h('h3', {}, `${names[placeId] ?? ''}接下来的一场`));
      const one = h('div');
      renderList(one, [next], names, now);
      box.append(one);
    } else box.append(h('p', {}, `${names[placeId] ?? ''}暂时没有即将举办的已发布活动。`));
    if (nearest.length) {
      box.append(h('h3', {}, `离${names[placeId] ?? ''}最近的即将举办活动`));
      const list = h('div');
      renderList(list, nearest, names, now, false, `${names[placeId] ?? ''}政府驻地`);
      box.append(list);
    }
    results.append(box);
  };

  const q = parseQuery(new URL(location.href).searchParams);
  if (!isEmptyQuery(q)) {
    filters.fill(q);
    // Arriving with a filter (from a county page's 本周末, or a shared link): go to its answer.
    void apply(q).then(showAnswer);
  }
}

/** data-module="near-me": 离我最近 on /events/, by county or by the browser's location. */
export function initNearMe(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-near-form]');
  if (!form) return;
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
    if (!city.value || !county.value) {
      status.textContent = '请先选择设区市和县（市、区）。';
      return;
    }
    location.href = cityPath(city.value, county.value);
  });

  const geo = root.querySelector<HTMLButtonElement>('[data-geolocate]');
  if (!geo || !('geolocation' in navigator)) {
    geo?.remove();
    return;
  }
  geo.addEventListener('click', () => {
    status.textContent = '正在获取您的位置…';
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        try {
          const now = new Date();
          const origin = { lat: pos.coords.latitude, lng: pos.coords.longitude };
          // About 50 km around the visitor, in degrees (a degree of longitude is ~94 km here).
          const bounds = { south: origin.lat - 0.5, north: origin.lat + 0.5, west: origin.lng - 0.6, east: origin.lng + 0.6 };
          const { events, manifest } = await loadEvents({ since: now.getTime(), bounds });
          const names = regionNames(manifest);
          const near = events
            .filter((e) => isUpcoming(e, now) && e.status !== 'cancelled')
            .map((e) => ({ ...e, km: distanceKm(origin, e) }))
            .filter((e) => e.km <= NEARBY_RADIUS_KM)
            .sort((a, b) => a.km - b.km || byStart(a, b));
          status.textContent = near.length
            ? `您附近 ${NEARBY_RADIUS_KM} 公里内即将举办的活动，共 ${near.length} 场，近的在前。`
            : `您附近 ${NEARBY_RADIUS_KM} 公里内暂时没有即将举办的活动。可以在活动地图上看看全省的活动。`;
          renderList(results, near, names, now, true);
        } catch {
          status.textContent = '活动数据加载失败，请选择设区市和县（市、区）查找。';
        }
      },
      (err) => {
        status.textContent =
          err.code === err.PERMISSION_DENIED
            ? '没有获得位置权限。请选择您所在的设区市和县（市、区）查找。'
            : err.code === err.TIMEOUT
              ? '获取位置超时。请选择您所在的设区市和县（市、区）查找。'
              : '无法获取您的位置。请选择您所在的设区市和县（市、区）查找。';
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 },
    );
  });
}

/** The "本月" line and the highlighted plan row, for the visitor's month. */
function recheckMonth() {
  const line = document.querySelector<HTMLElement>('[data-progress-line]');
  if (!line?.dataset.months) return;
  const month = shanghaiDate(new Date()).slice(0, 7);
  const { lead, text } = monthProgressLine(JSON.parse(line.dataset.months) as Record<string, string>, month);
  line.querySelector('[data-progress-lead]')!.textContent = lead;
  line.querySelector('[data-progress-text]')!.textContent = text;
  for (const row of document.querySelectorAll<HTMLElement>('.progress-table tr[data-month]')) row.classList.toggle('is-current', row.dataset.month === month);
}
