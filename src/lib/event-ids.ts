/**
 * Which names an event may take. An event's id is its file name and its address
 * (/events/<id>/, /events/<id>.ics; /events/<id>/poster/ was the poster's address), so an id must not be an address the
 * site already uses — a month page (2026-12), an index, a feed — nor a name Windows cannot store
 * as a file (con, aux…), since editors keep content on their own computers. Pure.
 */

/** Shape: lower-case letters, digits and hyphens, 3–64 characters, starting with a letter or digit. */
export const EVENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/u;

/** Words that name pages or files of the site, or devices on Windows. */
export const RESERVED_EVENT_IDS: readonly string[] = [
  'index',
  'map',
  'poster',
  'calendar',
  'feed',
  'feeds',
  'rss',
  'search',
  'data',
  'all',
  'page',
  'new',
  'edit',
  'events',
  'cities',
  'month',
  'con',
  'aux',
  'nul',
  'prn',
  ...Array.from({ length: 9 }, (_, i) => `com${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `lpt${i + 1}`),
];

/**
 * Why an id cannot be used, in Chinese, or undefined when it can. The importer, the content
 * schema and `npm run check:content` all ask this.
 */
export function eventIdProblem(id: string): string | undefined {
  if (!EVENT_ID_PATTERN.test(id))
    return `“${id.length > 30 ? `${id.slice(0, 30)}…` : id}”不能用作活动编号：只能用小写字母、数字和连字符，3—64 个字符，例如 2026-nanjing-001`;
  if (/^\d{4}-\d{2}$/u.test(id)) return `“${id}”不能用作活动编号：它和月份页面的地址（/events/${id}/）相同，活动会被月份页面顶替`;
  if (RESERVED_EVENT_IDS.includes(id)) return `“${id}”不能用作活动编号：网站或操作系统已经用了这个名字`;
  return undefined;
}
