/**
 * Items of the RSS feeds: showcase cases, events and policy changes, newest first. Pure: dates
 * and labels are passed in. Titles carry the 示例 mark wherever the item is demonstration data.
 */

/** One feed item, with a site path (the feed adds the site address). */
export interface UpdateItem {
  title: string;
  path: string;
  /** YYYY-MM-DD or a full ISO time. */
  date: string;
  description: string;
  category: '案例' | '活动' | '政策';
}

/** Newest first; same date by category and path, so builds are deterministic. */
export function byNewest(a: UpdateItem, b: UpdateItem): number {
  return Date.parse(b.date) - Date.parse(a.date) || a.category.localeCompare(b.category) || a.path.localeCompare(b.path);
}

/** The newest `limit` items of all kinds. */
export function latestUpdates(groups: readonly (readonly UpdateItem[])[], limit: number): UpdateItem[] {
  return groups.flat().sort(byNewest).slice(0, limit);
}

/**
 * A date as RSS wants it (a Date), read in Beijing time: 2026-06-15 is midnight in China, not
 * in the build machine's zone.
 */
export function feedDate(date: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/u.test(date) ? `${date}T00:00:00+08:00` : date);
}

/**
 * An RSS description as plain text. Feed readers decode the XML and then read the description
 * as HTML, so text from a city sheet ("<b>", "&amp;") must be escaped for that second reading
 * too; the feed library escapes it for XML. The title is left as text: readers show it as such.
 */
export function feedText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}
