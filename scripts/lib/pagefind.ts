/**
 * The site's search index as `npm run build` makes it (scripts/search-index.ts), for the build,
 * the benchmark, the audit and the tests. One index of every page while events are few; at
 * more than EVENTS_INDEX_SPLIT_AT event pages, two (src/config/search.ts):
 * - /pagefind/: every page but the events;
 * - /pagefind-events/: one page per event and the month lists (events/<id>/, events/<YYYY-MM>/).
 * What each page leaves out of the index is in pagefind.yml; which pages are read is here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVENTS_INDEX_PATH, splitEventsIndex } from '../../src/config/search.ts';

/** The wrapper script behind node_modules/.bin/pagefind; run it with process.execPath. */
export const PAGEFIND = 'node_modules/pagefind/lib/runner/bin.cjs';

/** Words per index chunk: fewer, larger chunks than Pagefind's default for a first search. */
export const PAGEFIND_ENV = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '1000' } as const;

/**
 * Every page but the events: [!e]* is every top folder but embed/ and events/, and
 * events/index.html (the calendar) is named. Not the calculator's poster
 * (policies/calculator/poster/, a print version of an indexed page) nor the later pages of long
 * lists (…/2/): nothing deeper than three levels except under cities/, plan/ and cases/.
 */
export const PAGES_GLOB = '[!e]*/*.html,[!e]*/*/*.html,*.html,events/index.html,cities/*/*/*.html,plan/*/*/*.html,cases/*/*/*.html';
/** The events: one page each, and the month lists (/events/<YYYY-MM>/; their later pages are deeper). */
export const EVENTS_GLOB = 'events/*/index.html';

/** How many event pages a built site has (events/<id>/index.html, not the month lists). */
export function eventPageCount(site: string): number {
  const dir = join(site, 'events');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((d) => !/^\d{4}-\d{2}$/u.test(d) && existsSync(join(dir, d, 'index.html'))).length;
}

/** What to run (after `node`) to index the built site in `site`: one run, or two when split. */
export function pagefindRuns(site: string, pagefind: string = PAGEFIND): { dir: string; args: string[] }[] {
  if (!splitEventsIndex(eventPageCount(site))) return [{ dir: 'pagefind', args: [pagefind, '--site', site, '--glob', `{${PAGES_GLOB},${EVENTS_GLOB}}`] }];
  const sub = EVENTS_INDEX_PATH.replaceAll('/', '');
  return [
    { dir: 'pagefind', args: [pagefind, '--site', site, '--glob', `{${PAGES_GLOB}}`] },
    { dir: sub, args: [pagefind, '--site', site, '--glob', EVENTS_GLOB, '--output-subdir', sub] },
  ];
}
