/**
 * The site search has one Pagefind index while events are few, and two when they are many
 * (scripts/search-index.ts decides, src/pages/search/index.astro tells the browser):
 * - up to EVENTS_INDEX_SPLIT_AT event pages, one index of every page: a search finds events and
 *   pages together, with the fewest downloads;
 * - beyond it, the events (one page each, and the month lists) get their own index,
 *   /pagefind-events/, because its list of pages grows with them (131 KB at 20,000 events): a
 *   first search reads the site's pages only and offers “也在 N 场活动里搜索”, which merges the
 *   events index in (and choosing the 活动 section does too).
 */
export const EVENTS_INDEX_SPLIT_AT = 3000;

/** Where the events' own index is, when there is one. */
export const EVENTS_INDEX_PATH = '/pagefind-events/';

/** True when `eventPages` event pages get their own index. */
export const splitEventsIndex = (eventPages: number): boolean => eventPages > EVENTS_INDEX_SPLIT_AT;
