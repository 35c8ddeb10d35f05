/** /data/events.json: every published event (demo rows marked 示例). */
import type { APIRoute } from 'astro';
import { getEvents } from '../../data/events.ts';
import { getRegionLookup } from '../../data/regions.ts';
import { eventRows } from '../../lib/event-data.ts';

export const GET: APIRoute = async ({ site }) => {
  const events = await getEvents();
  const rows = eventRows(events, await getRegionLookup(), (site ?? new URL('http://localhost:4321')).href);
  const body = {
    description: `江苏汽车促消费“五进”活动。时间为北京时间（+08:00），坐标为 WGS-84。${events.some((e) => e.demo) ? 'demo 为“示例”的是演示数据，不是真实活动。' : ''}`,
    count: rows.length,
    demoCount: events.filter((e) => e.demo).length,
    events: rows,
  };
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
