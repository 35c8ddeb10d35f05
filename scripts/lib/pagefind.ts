/**
 * The site's two search indexes, as `npm run build` makes them (scripts/search-index.ts), for the
 * build, the benchmark, the audit and the tests:
 * - /pagefind/: every page but the events (pagefind.yml: its glob and what it leaves out);
 * - /pagefind-events/: one page per event and the month lists (events/<id>/, events/<YYYY-MM>/).
 * Apart, a first search downloads the small index of pages; the events' index, which grows with
 * the number of events (131 KB of page list alone at 20,000), loads with it only while it is
 * small, and otherwise when the visitor asks to search the events (src/client/search.ts).
 */

/** The wrapper script behind node_modules/.bin/pagefind; run it with process.execPath. */
export const PAGEFIND = 'node_modules/pagefind/lib/runner/bin.cjs';

/** Words per index chunk: fewer, larger chunks than Pagefind's default for a first search. */
export const PAGEFIND_ENV = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '1000' } as const;

/** Where each index is written under the site, and the pages it reads. */
export const SEARCH_INDEXES = [
  { dir: 'pagefind', args: [] as string[] },
  { dir: 'pagefind-events', args: ['--glob', 'events/*/index.html', '--output-subdir', 'pagefind-events'] },
] as const;

/** The command lines (after `node`) that index the built site in `site`, one per index. */
export function pagefindRuns(site: string, pagefind: string = PAGEFIND): string[][] {
  return SEARCH_INDEXES.map((i) => [pagefind, '--site', site, ...i.args]);
}
