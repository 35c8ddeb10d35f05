/** /data/events.csv: the same rows as events.json, for Excel. */
import type { APIRoute } from 'astro';
import { getEvents } from '../../data/events.ts';
import { getRegionLookup } from '../../data/regions.ts';
import { eventRows, eventsToCsv } from '../../lib/event-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const rows = eventRows(await getEvents(), await getRegionLookup(), (site ?? new URL('http://localhost:4321')).href);
  return new Response(eventsToCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
