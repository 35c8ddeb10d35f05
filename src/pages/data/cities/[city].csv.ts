/** /data/cities/<city>.csv: the city's plan month by month beside published events (Excel-ready). */
import type { APIRoute } from 'astro';
import { getPlanProgress } from '../../../data/progress.ts';
import { getCities } from '../../../data/regions.ts';
import { CITY_PLAN_COLUMNS, cityPlanRows } from '../../../lib/cities/city-data.ts';
import { toCsv } from '../../../lib/csv.ts';

export async function getStaticPaths() {
  return (await getCities()).map((city) => ({ params: { city: city.id }, props: { city } }));
}

export const GET: APIRoute = async ({ props }) => {
  const { city } = props as { city: { id: string; code: string; name: string } };
  const rows = cityPlanRows(city, await getPlanProgress(city.id));
  return new Response(toCsv(CITY_PLAN_COLUMNS, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
