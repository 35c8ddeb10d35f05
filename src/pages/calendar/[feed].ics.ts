/** /calendar/all.ics, /calendar/<city>.ics and the month archives /calendar/<YYYY-MM>.ics. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedText, getFeeds, icsHeaders } from '../../data/calendars.ts';
import type { FeedDef } from '../../lib/events/calendars.ts';

export const getStaticPaths = (async () =>
  (await getFeeds()).filter((f) => f.kind !== 'county').map((feed) => ({ params: { feed: feed.path }, props: { feed } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => new Response(await feedText((props as { feed: FeedDef }).feed, site), { headers: icsHeaders });
