/**
 * The site's addresses, built in one place: a page's path from its id, as every link, feed,
 * sitemap and data file writes it. Ids are checked by the schemas ([a-z0-9-]); they are encoded
 * anyway, so a path never carries anything but the id. Pure.
 */
const seg = (s: string) => encodeURIComponent(s);

/** /events/<id>/: one event. */
export const eventPath = (id: string): string => `/events/${seg(id)}/`;
/** /events/<id>/?poster: its event page, shown and printed as an A4 poster (src/client/event-poster.ts). */
export const eventPosterPath = (id: string): string => `/events/${seg(id)}/?poster`;
/** /events/<id>.ics: the event as a calendar file. */
export const eventIcsPath = (id: string): string => `/events/${seg(id)}.ics`;
/** /events/<YYYY-MM>/: the province's events in a month. */
export const monthPath = (month: string): string => `/events/${seg(month)}/`;
/** /cities/<city>/, or a page under it: a county (/cities/<city>/<county slug>/) or a month (/cities/<city>/<YYYY-MM>/). */
export const cityPath = (city: string, sub?: string): string => (sub === undefined ? `/cities/${seg(city)}/` : `/cities/${seg(city)}/${seg(sub)}/`);
/** /policies/<id>/: a policy explainer. */
export const policyPath = (id: string): string => `/policies/${seg(id)}/`;
/** /cases/<slug>/: a showcase case. */
export const casePath = (slug: string): string => `/cases/${seg(slug)}/`;
/** /cases/<slug>/share.png: its picture for sharing. */
export const caseSharePath = (slug: string): string => `/cases/${seg(slug)}/share.png`;

/** One dated change in a policy page's 更新记录: /policies/trade-in/#change-2026-12-04-trade-in. */
export const policyChangeAnchor = (change: string) => `change-${change}`;
export const policyChangePath = (policy: string, change: string) => `${policyPath(policy)}#${policyChangeAnchor(change)}`;

/** The filter keys of /events/ and /map/ (src/lib/events/query.ts reads them back). */
export type ListQuery = Partial<Record<'city' | 'county' | 'when' | 'month' | 'from' | 'to' | 'type' | 'level', string>>;
const withQuery = (path: string, q: ListQuery): string => {
  const params = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return params ? `${path}?${params}` : path;
};
/** /events/?city=…&when=…: the event list, filtered. */
export const eventsListPath = (q: ListQuery = {}): string => withQuery('/events/', q);
/** /map/?city=…&month=…: the event map, filtered. */
export const mapPath = (q: ListQuery = {}): string => withQuery('/map/', q);
/** /search/?q=…: the site search for a word. */
export const searchPath = (query: string): string => `/search/?q=${encodeURIComponent(query)}`;
