/**
 * What the search index learns about a page beyond its text: its section and city (Pagefind
 * filters), the words residents use for it (best-bet terms, place names and their pinyin), and
 * for an event its start and end (so a result can say 已结束 with the visitor's clock). Read
 * from the page's path, so every page gets it from the layout without passing anything. Pure.
 */
import type { RegionEntry } from '../regions.ts';
import { sectionOf, type SearchSection } from './sections.ts';

export interface PageSearchMeta {
  section: SearchSection;
  /** City display name (南京市), the value of the city filter. */
  city?: string | undefined;
  /** Extra words for the index, space-separated when written out. */
  keywords: string[];
  event?: { start: string; end: string; cancelled: boolean } | undefined;
  /**
   * True when a best bet points at this page. The page then carries its path as a filter value,
   * so the search page can leave it out of Pagefind's results (it is already shown as a best
   * bet) without downloading its result data first.
   */
  bestBet: boolean;
}

/** What the meta is computed from; all plain data. */
export interface SearchMetaContext {
  regions: readonly Pick<RegionEntry, 'id' | 'name' | 'shortName' | 'slug' | 'parent'>[];
  events: ReadonlyMap<string, { city: string; county?: string | undefined; start: string; end: string; status: string }>;
  cases: ReadonlyMap<string, { city: string; county?: string | undefined }>;
  /** Best-bet terms by page path (editors' best bets). */
  terms: ReadonlyMap<string, readonly string[]>;
  /** Paths every best bet points at, including the automatic ones for cities and counties. */
  betTargets: ReadonlySet<string>;
}

/** Names people use for a region: full name, short name (two characters or more) and pinyin. */
export function placeWords(r: Pick<RegionEntry, 'name' | 'shortName' | 'slug'>): string[] {
  return unique([r.name, r.shortName.length >= 2 ? r.shortName : '', r.slug]);
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words.filter((w) => w.length > 0))];
}

/** The search metadata of the page at `pathname`. */
export function pageSearchMeta(pathname: string, ctx: SearchMetaContext): PageSearchMeta {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const parts = path.split('/').filter(Boolean);
  const region = (id: string | undefined) => (id ? ctx.regions.find((r) => r.id === id) : undefined);
  const meta: PageSearchMeta = { section: sectionOf(path), keywords: [...(ctx.terms.get(path) ?? [])], bestBet: ctx.betTargets.has(path) };
  const cityOf = (id: string | undefined) => {
    const r = region(id);
    if (r) meta.city = r.name;
  };

  if (parts[0] === 'cities' && parts[1]) {
    const city = region(parts[1]);
    cityOf(parts[1]);
    if (city && parts[2]) {
      const county = ctx.regions.find((r) => r.parent === city.id && r.slug === parts[2]);
      if (county) meta.keywords.push(...placeWords(county), city.shortName);
    } else if (city) {
      meta.keywords.push(...placeWords(city));
    }
  } else if (parts[0] === 'events' && parts[1] && parts.length === 2) {
    const e = ctx.events.get(parts[1]);
    if (e) {
      cityOf(e.city);
      const county = region(e.county);
      if (county) meta.keywords.push(...placeWords(county));
      // The month, as people type it (12月): the date itself is not indexed as text.
      meta.keywords.push(`${Number(e.start.slice(5, 7))}月`);
      meta.event = { start: e.start, end: e.end, cancelled: e.status === 'cancelled' };
    }
  } else if (parts[0] === 'cases' && parts[1] === 'city' && parts[2]) {
    cityOf(parts[2]);
  } else if (parts[0] === 'cases' && parts[1] && parts.length === 2) {
    const c = ctx.cases.get(parts[1]);
    if (c) {
      cityOf(c.city);
      const county = region(c.county);
      if (county) meta.keywords.push(...placeWords(county));
    }
  }
  meta.keywords = unique(meta.keywords);
  return meta;
}
