/**
 * Long event lists split into pages: a month's or a city's month of events is one page of at most
 * LIST_PAGE_SIZE cards at its usual address (/events/2026-09/), then /events/2026-09/2/ and so
 * on, so no list page grows with the number of events (issue #20: at 20,000 events a month page
 * was 1.2 MB). Pure.
 */

/** Cards per list page: about 35 KB of HTML, a few screens on a phone. */
export const LIST_PAGE_SIZE = 50;

/** How many pages `total` items take (at least one: an empty list still has its page). */
export function pageCount(total: number, size: number = LIST_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items on page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number = LIST_PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The page numbers after the first (2 … count): pages that have addresses of their own. */
export function laterPages(total: number, size: number = LIST_PAGE_SIZE): number[] {
  return Array.from({ length: pageCount(total, size) - 1 }, (_, i) => i + 2);
}

/**
 * Which page numbers a page's navigation links to: the first and last, and two either side of
 * the current one; `null` where numbers are left out (shown as …).
 */
export function pageLinks(current: number, count: number): (number | null)[] {
  const keep = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= count));
  const out: (number | null)[] = [];
  let last = 0;
  for (const n of [...keep].sort((a, b) => a - b)) {
    if (n - last === 2) out.push(n - 1);
    else if (n - last > 2) out.push(null);
    out.push(n);
    last = n;
  }
  return out;
}

/** The address of page `page` of a list whose first page is `firstPath` (ending in /). */
export function pagePath(firstPath: string, page: number): string {
  return page <= 1 ? firstPath : `${firstPath}${page}/`;
}

/** Which items a page shows, in words: 第51—100场，共1,234场. */
export function pageRange(page: number, total: number, size: number = LIST_PAGE_SIZE): string {
  const from = (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return `第${from}—${to}场，共${total.toLocaleString('zh-CN')}场`;
}
