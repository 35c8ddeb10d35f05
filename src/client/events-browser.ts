/**
 * /events/ in the browser: instant filters (place, quick dates, month, typed dates, type,
 * level) reflected in the URL, "near me" by county or by the browser's location, and
 * upcoming/past re-checked against the visitor's clock. Event data loads only when one of
 * these is used, and only the city-month chunks the question needs.
 */
import type { CountyOptions } from '../lib/regions.ts';
import { EVENT_LEVEL_LABELS, EVENT_TYPE_LABELS } from '../lib/event-labels.ts';
import { byStart, eventStateLabel, filterEvents, formatEventTime, isUpcoming, monthProgressLine } from '../lib/events/events.ts';
import type { MapEvent } from '../lib/events/map-data.ts';
import { alternativesFor, NEARBY_RADIUS_KM } from '../lib/events/nearby.ts';
import { describeQuery, isEmptyQuery, parseQuery, queryToParams, resolveQuery, type EventQuery } from '../lib/events/query.ts';
import { distanceKm, formatKm } from '../lib/geo.ts';
import { h } from './dom.ts';
import { loadEvents, regionNames } from './event-data.ts';
import { markEnded } from './event-state.ts';
import { shanghaiDate } from '../lib/dates.ts';
import { cityPath, eventPath } from '../lib/paths.ts';

const STATE_CLASS: Record<string, string> = { 已取消: 'is-cancelled', 延期: 'is-postponed', 已结束: 'is-ended', 计划中: 'is-planned' };

/** The same markup as EventCard.astro. */
function card(e: MapEvent & { km?: number }, names: Record<string, string>, now: Date, nearest = false, kmFrom = '您'): HTMLElement {
  const link = h('a', { href: eventPath(e.id) }, e.demo ? h('span', { class: 'demo-badge' }, '示例') : null, e.demo ? ' ' : null, e.title);
  const state = eventStateLabel(e, now);
  const tags = h(
    'p',
    { class: 'event-card__tags' },
    h('span', {}, EVENT_TYPE_LABELS[e.type]),
    h('span', {}, EVENT_LEVEL_LABELS[e.level]),
    state ? h('span', { class: `event-card__status ${STATE_CLASS[state] ?? ''}` }, state) : null,
    e.km !== undefined ? h('span', { class: 'event-card__km' }, `距${kmFrom}约 ${formatKm(e.km)}`) : null,
  );
  const time = h('time', {}, formatEventTime(e));
  time.dateTime = e.start;
  const place = [names[e.city], e.county ? names[e.county] : ''].filter(Boolean).join(' ');
  const article = h(
    'article',
    { class: `event-card${nearest ? ' is-nearest' : ''}` },
    nearest ? h('p', { class: 'event-card__flag' }, '离您最近的即将举办活动') : null,
    h('h3', { class: 'event-card__title' }, link),
    h('p', { class: 'event-card__meta' }, time),
    h('p', { class: 'event-card__meta' }, `${place} · ${e.venue}`),
    tags,
  );
  article.dataset.event = e.id;
  article.dataset.end = e.end;
  return article;
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

function initFilters() {
  const form = document.querySelector<HTMLFormElement>('[data-filters]');
  const results = document.querySelector<HTMLElement>('[data-filter-results]');
  const count = document.querySelector<HTMLElement>('[data-filter-count]');
  if (!form || !results || !count) return;
  const counties = JSON.parse(form.dataset.counties ?? '{}') as CountyOptions;
  const plan = JSON.parse(form.dataset.plan ?? '{}') as Record<string, [number, number][]>;
  const field = <T extends HTMLInputElement | HTMLSelectElement>(name: string) => form.elements.namedItem(name) as T;
  const citySelect = field<HTMLSelectElement>('city');
  const countySelect = field<HTMLSelectElement>('county');
  const statics = document.querySelectorAll<HTMLElement>('[data-static-list]');
  const quick = document.querySelectorAll<HTMLAnchorElement>('[data-quick]');

  const fillCounties = (city: string, selected = '') => {
    countySelect.replaceChildren(new Option('全部', ''));
    for (const [id, , name] of counties[city] ?? []) countySelect.append(new Option(name, id, false, id === selected));
    countySelect.disabled = !city;
  };
  const readForm = (): EventQuery => parseQuery(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const fillForm = (q: EventQuery) => {
    citySelect.value = q.city ?? '';
    fillCounties(citySelect.value, q.county ?? '');
    for (const key of ['when', 'month', 'from', 'to', 'type', 'level'] as const) field(key).value = q[key] ?? '';
  };

  /** The answer is the count line: after a choice (or arriving with one) it must be in view. */
  const showAnswer = () => {
    const r = count.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) count.scrollIntoView({ block: 'start' });
  };

  let run = 0;
  const apply = async (q: EventQuery, pushUrl: boolean) => {
    const mine = ++run;
    if (pushUrl) {
      const url = new URL(location.href);
      url.search = queryToParams(q).toString();
      history.replaceState(null, '', url);
    }
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

  citySelect.addEventListener('change', () => fillCounties(citySelect.value));
  form.addEventListener('change', (ev) => {
    const name = (ev.target as HTMLInputElement).name;
    // A quick choice and typed dates are two ways of saying when: the last one chosen wins.
    if (name === 'when' && field('when').value) {
      field('from').value = '';
      field('to').value = '';
    }
    if ((name === 'from' || name === 'to') && (field('from').value || field('to').value)) field('when').value = '';
    void apply(readForm(), true).then(showAnswer);
  });
  form.addEventListener('reset', () =>
    setTimeout(() => {
      fillCounties('');
      void apply({}, true);
    }, 0),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply(readForm(), true);
  });
  for (const a of quick) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      field('when').value = a.dataset.quick ?? '';
      field('from').value = '';
      field('to').value = '';
      void apply(readForm(), true).then(showAnswer);
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
    fillForm(q);
    // Arriving with a filter (from a county page's 本周末, or a shared link): go to its answer.
    void apply(q, false).then(showAnswer);
  }
}

function initNearMe() {
  const root = document.querySelector<HTMLElement>('[data-near-me]');
  const form = root?.querySelector<HTMLFormElement>('[data-near-form]');
  if (!root || !form) return;
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

let started = false;
/** Wires whatever parts of the events UI the page has. */
export function initEventsPage(): void {
  if (started) return;
  started = true;
  initNearMe();
  initFilters();
  recheckMonth();
  markEnded();
}
