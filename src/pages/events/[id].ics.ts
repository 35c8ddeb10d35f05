/**
 * /events/<id>.ics while editing (npm run dev). A build writes these files in one pass instead
 * (see src/pages/calendar/event-files.json.ts), so here a build generates no pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEvents } from '../../data/events.ts';
import { eventFileText, icsHeaders } from '../../data/calendars.ts';
import type { EventItem } from '../../lib/events/events.ts';

export const getStaticPaths = (async () =>
  import.meta.env.DEV ? (await getEvents()).map((event) => ({ params: { id: event.id }, props: { event } })) : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => new Response(await eventFileText((props as { event: EventItem }).event, site), { headers: icsHeaders });
