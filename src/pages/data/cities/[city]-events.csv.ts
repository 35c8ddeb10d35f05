/** /data/cities/<city>-events.csv: the city's events, the same columns as /data/events.csv. */
import type { APIRoute } from 'astro';
import { getEvents } from '../../../data/events.ts';
import { getCities, getRegionLookup } from '../../../data/regions.ts';
import { eventRows, eventsToCsv } from '../../../lib/event-data.ts';

export async function getStaticPaths() {
  return (await getCities()).map((city) => ({ params: { city: city.id }, props: { city } }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { city } = props as { city: { id: string } };
  const events = (await getEvents()).filter((e) => e.city === city.id);
  const rows = eventRows(events, await getRegionLookup(), (site ?? new URL('http://localhost:4321')).href);
  return new Response(eventsToCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
