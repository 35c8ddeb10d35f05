/** /data/map/index.json: region names and seats, and the list of city-month chunks (see src/lib/events/map-data.ts). */
import type { APIRoute } from 'astro';
import { getMapData } from '../../../data/map-data.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getMapData()).manifest), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
