/** /data/events-index.json: the compact index the filters, "near me" and the map load lazily. */
import type { APIRoute } from 'astro';
import { getEvents } from '../../data/events.ts';
import { getRegions } from '../../data/regions.ts';
import { toIndex } from '../../lib/event-index.ts';

export const GET: APIRoute = async () => {
  const regions = Object.fromEntries((await getRegions()).map((r) => [r.id, r.name]));
  return new Response(JSON.stringify(toIndex(await getEvents(), regions)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
