/**
 * The search page: best bets first, then Pagefind's results, a few at a time. The query and
 * filters live in the URL (?q=&section=&city=), so a search can be shared and survives a
 * reload. Pagefind's files load only once there is a query. Everything shown is built with
 * h() from text, never parsed as HTML.
 */
import { matchBestBets } from '../lib/search/best-bets.ts';
import { placeBets, type PlaceRow, type ShownBet } from '../lib/search/place-bets.ts';
import { ENDS_FILTER, EVENT_TIME_LABELS, endsGroups, eventDateLabel, eventTimeState, rankByTime, rankIdsByTime } from '../lib/search/event-status.ts';
import { shanghaiDate } from '../lib/dates.ts';
import { buildExcerpt } from '../lib/search/excerpt.ts';
import { topicWords } from '../lib/search/query.ts';
import { h } from './dom.ts';

/** Results loaded per page: each one is a separate small download. */
const PAGE_SIZE = 5;

interface ResultData {
  url: string;
  /** The page's indexed text, raw (shown only as text). */
  content: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string }[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters?: Record<string, Record<string, number>>;
}
/** Pagefind filters: a value, none of several (to leave out pages shown as best bets) or any of several. */
type Filters = Record<string, string | { none: string[] } | { any: string[] }>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Filters }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

/**
 * The search index (scripts/lib/pagefind.ts): one of every page while events are few; when they
 * are many, the search page names the events' own index (data-events-index) and how many event
 * pages it holds, and a first search reads the site's pages only. The events index is merged in
 * when the visitor asks (a button, or the 活动 section); merged, both share Pagefind's code and
 * one ranking.
 */
const PAGES_INDEX = '/pagefind/';
/** Residents' words for a page count nearly as much as its title; the rest only for display. */
const RANKING = { metaWeights: { title: 5, keywords: 4, city: 1, section: 0, summary: 0, start: 0, end: 0, cancelled: 0 } };

let merging: Promise<unknown> | undefined;
let importing: Promise<Pagefind> | undefined;
let priming: Promise<unknown> | undefined;

/** Pagefind's code, once, on the main thread (no extra worker download), with our ranking. */
function importPagefind(): Promise<Pagefind> {
  importing ??= (async () => {
    // A runtime URL so Vite leaves it alone: the bundle is written by `pagefind` after the build.
    const url = `${PAGES_INDEX}pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ noWorker: true, excerptLength: 36, ranking: RANKING });
    return pf;
  })();
  return importing;
}

/**
 * Pagefind ready to search the site's pages and, given `eventsIndex`, the events too. The events
 * index starts loading while the pages' index does (mergeIndex waits for Pagefind's code, not
 * for the first index), so merging it costs no extra round trips on a first search. Filter files
 * load up front, so every search reports its counts for all of them: the menus' numbers, and the
 * day each event ends for ranking.
 */
async function loadPagefind(eventsIndex: string | undefined): Promise<Pagefind> {
  const pf = await importPagefind();
  priming ??= pf.filters();
  const withEvents = eventsIndex !== undefined;
  if (withEvents) merging ??= pf.mergeIndex(eventsIndex, { ranking: RANKING }).then(() => pf.filters());
  await Promise.all([priming, withEvents ? merging : undefined]);
  return pf;
}

/** A best bet as read from the page. */
type PageBet = ShownBet;

/** The editors' best bets (items) and the places (one compact JSON list) from the page. */
function readBets(root: HTMLElement | null): PageBet[] {
  if (!root) return [];
  let places: PlaceRow[] = [];
  try {
    places = JSON.parse(root.dataset['places'] ?? '[]') as PlaceRow[];
  } catch {
    /* No places: the editors' list still works. */
  }
  const listed = [...root.querySelectorAll<HTMLLIElement>('li[data-url]')].map((li) => ({
    id: li.dataset['url']!,
    url: li.dataset['url']!,
    terms: (li.dataset['terms'] ?? '').split('|'),
    section: li.dataset['section'],
    city: li.dataset['city'],
    title: li.querySelector('a')?.textContent ?? '',
    summary: li.querySelector('[data-summary]')?.textContent ?? '',
  }));
  return [...listed, ...placeBets(places)];
}

/** Pagefind puts a zero-width space between the words it indexed; readers should not get them. */
const clean = (s: string) => s.replace(/\u200b/gu, '');

function metaLine(section: string | undefined, city: string | undefined, extra: Node[] = []): HTMLElement {
  return h('p', { class: 'search-hit__meta' }, section ? h('span', { class: 'search-hit__tag' }, section) : null, city ?? null, ...extra);
}

function betItem(b: PageBet, cityName: (id: string | undefined) => string | undefined): HTMLLIElement {
  const li = h(
    'li',
    { class: 'search-hit search-hit--best' },
    metaLine(b.section, cityName(b.city), [h('strong', {}, '推荐')]),
    h('h2', { class: 'search-hit__title' }, h('a', { href: b.url }, b.title)),
    h('p', { class: 'search-hit__excerpt' }, b.summary),
  );
  li.querySelector('a')?.setAttribute('data-search-hit', '');
  return li;
}

function resultItem(r: ResultData, words: readonly string[], now: Date): HTMLLIElement {
  const m = r.meta;
  const extra: Node[] = [];
  if (m['start'] && m['end']) {
    extra.push(h('span', {}, eventDateLabel(m['start'], m['end'])));
    const state = eventTimeState(m['start'], m['end'], now, m['cancelled'] === '1');
    if (state) {
      const tag = h('span', { class: `search-hit__state is-${state}` }, EVENT_TIME_LABELS[state]);
      extra.push(tag);
    }
  }
  // Whole query words in context; when none is on the page (a title or keyword match), the summary.
  const parts = buildExcerpt(r.content, words, 72, clean(m['title'] ?? ''));
  const excerpt = parts.length ? parts.map((p) => (p.mark ? h('mark', {}, p.text) : p.text)) : [m['summary'] ?? ''];
  const subs = (r.sub_results ?? []).filter((s) => s.url.includes('#') && s.title && s.title !== m['title']).slice(0, 2);
  const link = h('a', { href: r.url }, clean(m['title'] ?? r.url));
  link.setAttribute('data-search-hit', '');
  return h(
    'li',
    { class: 'search-hit' },
    h('h2', { class: 'search-hit__title' }, link),
    metaLine(m['section'], m['city'], extra),
    h('p', { class: 'search-hit__excerpt' }, ...excerpt),
    subs.length ? h('ul', { class: 'search-hit__subs' }, ...subs.map((s) => h('li', {}, '相关小节：', h('a', { href: s.url }, clean(s.title))))) : null,
  );
}

/** A search as it was answered, and the same search run again with more filters (ids only). */
interface Found {
  results: PagefindResult[];
  search: PagefindSearch;
  relaxed: boolean;
  /** How many results each value of a filter has, over all the searches behind `results`. */
  counts(key: string): Record<string, number>;
  again(extra: Filters): Promise<Set<string>>;
}

/**
 * Pagefind finds pages holding every word. A question finds nothing that way, so try its topic
 * words together, then each on its own (best score first).
 */
async function searchWithFallback(pf: Pagefind, q: string, filters: Filters): Promise<Found> {
  const one = (text: string, first: PagefindSearch, relaxed: boolean): Found => ({
    results: first.results,
    search: first,
    relaxed,
    counts: (key) => first.filters?.[key] ?? {},
    again: async (extra) => new Set((await pf.search(text, { filters: { ...filters, ...extra } })).results.map((r) => r.id)),
  });
  const first = await pf.search(q, { filters });
  if (first.results.length > 0) return one(q, first, false);
  const words = topicWords(q);
  if (words.length === 0) return one(q, first, false);
  const together = await pf.search(words.join(' '), { filters });
  if (together.results.length > 0 || words.length === 1) return one(words.join(' '), together, true);
  const each = words.filter((w) => w.length >= 2);
  const answers = await Promise.all(each.map((w) => pf.search(w, { filters })));
  const best = new Map<string, PagefindResult>();
  for (const s of answers) for (const r of s.results) if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
  return {
    results: [...best.values()].sort((a, b) => b.score - a.score),
    search: answers[0] ?? first,
    relaxed: true,
    counts: (key) => {
      const sum: Record<string, number> = {};
      for (const s of answers) for (const [v, n] of Object.entries(s.filters?.[key] ?? {})) sum[v] = (sum[v] ?? 0) + n;
      return sum;
    },
    again: async (extra) => {
      const more = await Promise.all(each.map((w) => pf.search(w, { filters: { ...filters, ...extra } })));
      return new Set(more.flatMap((s) => s.results.map((r) => r.id)));
    },
  };
}

/**
 * Every result in relevance order, except ended events after everything still on and cancelled
 * ones last: two more searches by the day each event ends (the `ends` filter), so the order holds
 * across all results, not only those downloaded.
 */
async function rankAllByTime(found: Found, now: Date): Promise<PagefindResult[]> {
  const { ended, cancelled } = endsGroups(found.counts(ENDS_FILTER), shanghaiDate(now));
  if (ended.length === 0 && cancelled.length === 0) return found.results;
  const none = new Set<string>();
  const [e, c] = await Promise.all([
    ended.length ? found.again({ [ENDS_FILTER]: { any: ended } }) : none,
    cancelled.length ? found.again({ [ENDS_FILTER]: { any: cancelled } }) : none,
  ]);
  return rankIdsByTime(found.results, e, c);
}

/** data-module="search": the search page's form (its results, filters and site index are on the page). */
export function initSearch(form: HTMLElement): void {
  if (!(form instanceof HTMLFormElement)) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
  // When events have their own index: where it is, how many it holds, and the button that merges it in.
  const eventsIndex = form.dataset['eventsIndex'];
  const eventPages = Number(form.dataset['eventPages'] ?? 0);
  const withEvents = document.querySelector<HTMLButtonElement>('[data-search-events]');
  const suggest = document.querySelector<HTMLElement>('[data-search-suggest]');
  const index = document.querySelector<HTMLElement>('[data-search-index]');
  const selects = [...document.querySelectorAll<HTMLSelectElement>('[data-search-filter]')];
  if (!input || !status || !list || !more) return;
  const bets = readBets(document.querySelector('[data-best-bets]'));
  const cityNames = new Map<string, string>();
  for (const o of document.querySelectorAll<HTMLOptionElement>('#search-city option[value]')) if (o.value) cityNames.set(o.value, o.dataset['label'] ?? o.text);
  const cityName = (id: string | undefined) => (id ? cityNames.get(id) : undefined);

  let run = 0;
  /** The visitor asked to search the events too (the button), for this page view. */
  let eventsAsked = false;
  let queue: PagefindResult[] = [];
  let shownUrls = new Set<string>();

  /** Loads and shows the next page of results; the button hides while they load, so nothing below moves. */
  let words: string[] = [];
  const showNext = async (token: number) => {
    more.hidden = true;
    const page = queue.splice(0, PAGE_SIZE);
    const data = await Promise.all(page.map((r) => r.data()));
    if (token !== run) return;
    const now = new Date();
    // The queue is ranked by the day events end; within the batch, by the hour too.
    for (const d of rankByTime(data, now)) {
      if (shownUrls.has(d.url)) continue;
      shownUrls.add(d.url);
      list.append(resultItem(d, words, now));
    }
    more.hidden = queue.length === 0;
  };

  const filtersFromForm = () => Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.dataset['searchFilter']!, s.value]));

  const search = async (q: string) => {
    const token = ++run;
    queue = [];
    shownUrls = new Set();
    list.replaceChildren();
    more.hidden = true;
    if (withEvents) withEvents.hidden = true;
    const chosen = filtersFromForm();
    const query = q.trim();
    if (!query) {
      status.textContent = '';
      if (suggest) suggest.hidden = false;
      if (index) index.hidden = false;
      return;
    }
    if (suggest) suggest.hidden = true;
    if (index) index.hidden = true;
    words = [...new Set([query, ...query.split(/\s+/u), ...topicWords(query)])];
    const shownBets = matchBestBets(query, bets, { section: chosen['section'], city: chosen['city'] });
    for (const b of shownBets) {
      list.append(betItem(b, cityName));
      shownUrls.add(b.url);
    }
    status.textContent = '正在搜索…';
    try {
      const searchEvents = eventsIndex !== undefined && (eventsAsked || chosen['section'] === '活动');
      const pf = await loadPagefind(searchEvents ? eventsIndex : undefined);
      // Pagefind filters by the names pages carry (南京市), the URL by the short id (nanjing).
      const filters: Filters = {};
      if (chosen['section']) filters['section'] = chosen['section'];
      if (chosen['city']) filters['city'] = cityName(chosen['city']) ?? chosen['city'];
      // Pages already shown as best bets are left out here, so their data is never downloaded twice.
      if (shownBets.length) filters['page'] = { none: shownBets.map((b) => b.url) };
      const found = await searchWithFallback(pf, query, filters);
      const { search: s, relaxed } = found;
      const results = await rankAllByTime(found, new Date());
      if (token !== run) return;
      queue = [...results];
      await showNext(token);
      if (token !== run) return;
      updateCounts(s);
      if (withEvents && eventsIndex !== undefined && !searchEvents) {
        withEvents.textContent = `也在 ${eventPages.toLocaleString('zh-CN')} 场活动里搜索“${query}”`;
        withEvents.hidden = false;
      }
      const lead = shownBets.length ? `推荐 ${shownBets.length} 个页面；` : '';
      const how = relaxed ? '（按其中的关键词查找）' : '';
      if (list.children.length === 0) {
        status.textContent = `没有找到与“${query}”有关的页面。换个说法试试，或者看看下面的栏目。`;
        if (suggest) suggest.hidden = false;
        if (index) index.hidden = false;
      } else if (results.length === 0) {
        status.textContent = `${lead}没有找到其他与“${query}”有关的页面。`;
      } else {
        status.textContent = `${lead}找到 ${results.length} 个与“${query}”有关的页面${how}。`;
      }
    } catch {
      if (token !== run) return;
      status.textContent = `搜索暂时不可用${shownBets.length ? '，上面是推荐的页面' : ''}。也可以从下面的栏目查找。`;
      if (index) index.hidden = false;
    }
  };

  /** Writes how many results each filter choice would give into the menus (fixed width: nothing moves). */
  const updateCounts = (s: PagefindSearch) => {
    for (const sel of selects) {
      const key = sel.dataset['searchFilter']!;
      const counts = s.filters?.[key];
      for (const o of sel.options) {
        if (!o.value) continue;
        const label = o.dataset['label'] ?? o.text;
        const n = counts?.[label];
        o.text = counts && n !== undefined ? `${label}（${n}）` : label;
      }
    }
  };

  const go = () => {
    const url = new URL(location.href);
    url.search = '';
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    for (const s of selects) if (s.value) url.searchParams.set(s.name, s.value);
    history.replaceState(null, '', url);
    void search(input.value);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go();
  });
  for (const s of selects)
    s.addEventListener('change', () => {
      if (input.value.trim()) go();
    });
  withEvents?.addEventListener('click', () => {
    eventsAsked = true;
    // The list is searched again from the top: the first result takes the focus the button had.
    void search(input.value).then(() => list.querySelector<HTMLAnchorElement>('a')?.focus());
  });
  more.addEventListener('click', () => {
    const first = list.children.length;
    void showNext(run).then(() => (list.children[first]?.querySelector('a') as HTMLAnchorElement | null)?.focus());
  });

  const params = new URL(location.href).searchParams;
  input.value = params.get('q') ?? '';
  for (const s of selects) {
    const v = params.get(s.name) ?? '';
    if ([...s.options].some((o) => o.value === v)) s.value = v;
  }
  if (input.value.trim()) void search(input.value);
}
