/** /calendar/<city>/<county>.ics: one county's events, to subscribe to. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedText, getFeeds, icsHeaders } from '../../../data/calendars.ts';
import type { FeedDef } from '../../../lib/events/calendars.ts';

export const getStaticPaths = (async () =>
  (await getFeeds())
    .filter((f) => f.kind === 'county')
    .map((feed) => {
      const [city, county] = feed.path.split('/') as [string, string];
      return { params: { city, county }, props: { feed } };
    })) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => new Response(await feedText((props as { feed: FeedDef }).feed, site), { headers: icsHeaders });
