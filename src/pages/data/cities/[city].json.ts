/** /data/cities/<city>.json: the city's plan beside published events, and its events, in one file. */
import type { APIRoute } from 'astro';
import { getCurrentNotice } from '../../../data/notice.ts';
import { getEvents } from '../../../data/events.ts';
import { getPlanProgress } from '../../../data/progress.ts';
import { getCities, getRegionLookup } from '../../../data/regions.ts';
import { cityPlanRows } from '../../../lib/cities/city-data.ts';
import { eventRows } from '../../../lib/event-data.ts';

export async function getStaticPaths() {
  return (await getCities()).map((city) => ({ params: { city: city.id }, props: { city } }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { city } = props as { city: { id: string; code: string; name: string } };
  const notice = await getCurrentNotice();
  const events = (await getEvents()).filter((e) => e.city === city.id);
  const body = {
    city: { code: city.code, name: city.name },
    year: notice.year,
    source: `${notice.docNumber}附件计划表；活动为本站发布的活动`,
    plan: {
      unit: '场',
      columns: { plan_city_level: '计划市级活动场次', plan_county_level: '计划县区活动场次', published_events: '本站已发布的该月活动（不含取消和省级）' },
      rows: cityPlanRows(city, await getPlanProgress(city.id)),
    },
    events: eventRows(events, await getRegionLookup(), (site ?? new URL('http://localhost:4321')).href),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
