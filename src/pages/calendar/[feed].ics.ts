/** /calendar/all.ics and /calendar/<city>.ics: subscribable feeds. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEvents } from '../../data/events.ts';
import { icsHeaders, icsOptions } from '../../data/feeds.ts';
import { getCities } from '../../data/regions.ts';
import { eventsToIcs } from '../../lib/ics.ts';

export const getStaticPaths = (async () => [
  { params: { feed: 'all' }, props: { city: undefined, name: '江苏汽车“五进”活动' } },
  ...(await getCities()).map((c) => ({ params: { feed: c.id }, props: { city: c.id, name: `${c.shortName}汽车“五进”活动` } })),
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { city, name } = props as { city: string | undefined; name: string };
  const events = (await getEvents()).filter((e) => !city || e.city === city);
  return new Response(eventsToIcs(events, await icsOptions(name, site)), { headers: icsHeaders });
};
