/**
 * Search data computed once per build: the best bets (editors' list plus one per city and
 * county) and each page's search metadata.
 */
import { getCollection } from 'astro:content';
import { pageSearchMeta, type PageSearchMeta, type SearchMetaContext } from '../lib/search/page-meta.ts';
import { placeBets, type PlaceRow } from '../lib/search/place-bets.ts';
import type { BestBetEntry } from '../schemas/search.ts';
import { caseTitle } from '../lib/cases/cases.ts';
import { getCases } from './cases.ts';
import { getAllProgrammes, getExplainers } from './policies.ts';
import { factTopic, programmeDates } from '../lib/policy-facts.ts';
import { getEvents } from './events.ts';
import { getRegions } from './regions.ts';
import { contentPath } from '../config/collections.ts';
import { casePath, cityPath, policyPath } from '../lib/paths.ts';

/** A best bet as the search page shows it. */
export type SiteBestBet = BestBetEntry & { city?: string | undefined };

let bets: SiteBestBet[] | undefined;

/** Regions as the search page carries them, for the place best bets its script builds. */
export async function getPlaceRows(): Promise<PlaceRow[]> {
  return (await getRegions()).map((r) => [r.id, r.name, r.shortName, r.slug, r.parent ?? '']);
}

/**
 * The editors' best bets (sorted by id: the content store keeps no file order), then one per
 * city and one per county (see src/lib/search/place-bets.ts).
 */
export async function getBestBets(): Promise<SiteBestBet[]> {
  if (bets) return bets;
  const programmes = await getAllProgrammes();
  // A "when" answer states the dates itself, from the facts (never typed in best-bets.yaml).
  const dated = (b: BestBetEntry): BestBetEntry => {
    const p = b.dates ? programmes.find((x) => factTopic(x.fact) === b.dates || x.fact.id === b.dates) : undefined;
    if (b.dates && !p) throw new Error(`${contentPath('search/best-bets.yaml')}：${b.id} 的 dates“${b.dates}”不是政策解读 periods 里的事实`);
    return p ? { ...b, summary: programmeDates({ ...p, from: p.fact.from }) } : b;
  };
  const listed = (await getCollection('bestBets')).map((e) => dated(e.data)).sort((a, b) => a.id.localeCompare(b.id));
  const places = placeBets(await getPlaceRows()).map((b) => ({ ...b, section: '活动' as const, terms: [...b.terms] }));
  bets = [...listed, ...places];
  return bets;
}

/** Only the editors' best bets (the search page lists places compactly). */
export async function getListedBestBets(): Promise<SiteBestBet[]> {
  return (await getBestBets()).filter((b) => !b.id.startsWith('city-') && !b.id.startsWith('county-'));
}

let context: SearchMetaContext | undefined;

async function getContext(): Promise<SearchMetaContext> {
  if (context) return context;
  const terms = new Map<string, string[]>();
  for (const b of await getCollection('bestBets')) terms.set(b.data.url, [...(terms.get(b.data.url) ?? []), ...b.data.terms]);
  context = {
    regions: await getRegions(),
    events: new Map((await getEvents()).map((e) => [e.id, e])),
    cases: new Map((await getCases()).map((c) => [c.slug, c])),
    terms,
    betTargets: new Set((await getBestBets()).map((b) => b.url)),
  };
  return context;
}

/** The search metadata of one page, from its path. */
export async function getSearchMeta(pathname: string): Promise<PageSearchMeta> {
  return pageSearchMeta(pathname, await getContext());
}

/** One section of the site index that /search/ shows without JavaScript (and before a query). */
export interface SiteIndexSection {
  section: string;
  links: { href: string; label: string }[];
}

/** Every section of the site and its pages, for browsing instead of searching. */
export async function getSiteIndex(): Promise<SiteIndexSection[]> {
  const cities = (await getRegions()).filter((r) => r.type === 'city');
  const explainers = await getExplainers();
  const cases = await getCases();
  return [
    {
      section: '活动',
      links: [
        { href: '/events/', label: '活动日历' },
        { href: '/map/', label: '活动地图' },
        { href: '/calendar/', label: '订阅活动日历' },
        ...cities.map((c) => ({ href: cityPath(c.id), label: c.name })),
      ],
    },
    { section: '政策', links: [{ href: '/policies/', label: '政策解读' }, ...explainers.map((e) => ({ href: policyPath(e.id), label: e.data.title }))] },
    { section: '计算器', links: [{ href: '/policies/calculator/', label: '补贴计算器' }] },
    { section: '案例', links: [{ href: '/cases/', label: '典型案例' }, ...cases.map((c) => ({ href: casePath(c.slug), label: caseTitle(c) }))] },
    { section: '计划', links: [{ href: '/plan/', label: '计划与进展' }] },
    { section: '通知', links: [{ href: '/notice/', label: '通知原文' }] },
    {
      section: '数据',
      links: [
        { href: '/media/', label: '新闻媒体：引用、联系和下载' },
        { href: '/plan/#downloads', label: '计划数据下载' },
      ],
    },
    {
      section: '本站',
      links: [
        { href: '/', label: '首页' },
        { href: '/about/', label: '关于本站、联系方式' },
      ],
    },
  ];
}
