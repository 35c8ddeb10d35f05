/**
 * The sections every search result is labelled with, and which section a page belongs to,
 * read from its path. Plain data: the build (index metadata, filters) and the browser (the
 * filter menu) share it.
 */

/** Section labels in the order the filter menu lists them. */
export const SEARCH_SECTIONS = ['通知', '政策', '计算器', '活动', '案例', '计划', '数据', '本站'] as const;
export type SearchSection = (typeof SEARCH_SECTIONS)[number];

/** Path prefixes, most specific first. */
const PREFIXES: [string, SearchSection][] = [
  ['/policies/calculator/', '计算器'],
  ['/policies/', '政策'],
  ['/notice/', '通知'],
  ['/events/', '活动'],
  ['/map/', '活动'],
  ['/calendar/', '活动'],
  ['/cities/', '活动'],
  ['/cases/', '案例'],
  ['/plan/', '计划'],
  ['/data/', '数据'],
  ['/media/', '数据'],
];

/** The section of a page from its path ("/policies/trade-in/" -> 政策); home and about are 本站. */
export function sectionOf(pathname: string): SearchSection {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return PREFIXES.find(([prefix]) => path.startsWith(prefix))?.[1] ?? '本站';
}
