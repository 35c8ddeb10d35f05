/** /events/<id>.ics: one event, to add to a calendar. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEvents } from '../../data/events.ts';
import { icsHeaders, icsOptions } from '../../data/feeds.ts';
import { displayTitle, type EventItem } from '../../lib/events.ts';
import { eventsToIcs } from '../../lib/ics.ts';

export const getStaticPaths = (async () => (await getEvents()).map((event) => ({ params: { id: event.id }, props: { event } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { event } = props as { event: EventItem };
  return new Response(eventsToIcs([event], await icsOptions(displayTitle(event), site)), { headers: icsHeaders });
};
