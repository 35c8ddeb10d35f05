/** /data/map/<city>/<YYYY-MM>.json: one city's events starting that month, as compact rows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMapData } from '../../../../data/map-data.ts';
import type { MapRow } from '../../../../lib/events/map-data.ts';

export const getStaticPaths = (async () =>
  [...(await getMapData()).chunks].map(([key, rows]) => {
    const [city, month] = key.split('/') as [string, string];
    return { params: { city, month }, props: { rows } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify((props as { rows: MapRow[] }).rows), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
