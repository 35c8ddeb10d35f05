/**
 * /data/map/<city>/<YYYY-MM>.json: one city's events starting that month, as compact rows;
 * /data/map/all/<YYYY-MM>.json: the whole province's month, each city's rows.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMapData } from '../../../../data/map-data.ts';
import { PROVINCE } from '../../../../lib/events/map-data.ts';

export const getStaticPaths = (async () => {
  const { chunks, provinceChunks } = await getMapData();
  return [
    ...[...chunks].map(([key, rows]) => {
      const [city, month] = key.split('/') as [string, string];
      return { params: { city, month }, props: { body: rows as unknown } };
    }),
    ...[...provinceChunks].map(([month, byCity]) => ({ params: { city: PROVINCE, month }, props: { body: byCity as unknown } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { body: unknown }).body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
