/** /data/charts/<chart>.svg: each chart of the plan page and of each city page, as a file to download and cite. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config/site.ts';
import { getCharts } from '../../../data/plan.ts';
import { chartFileSvg, type ChartSpec } from '../../../lib/charts/plan-charts.ts';

export const getStaticPaths = (async () => {
  const { page, cities } = await getCharts();
  return [
    ...page.map((spec) => ({ params: { name: spec.id }, props: { spec, page: '/plan/' } })),
    ...[...cities].map(([city, spec]) => ({ params: { name: spec.id }, props: { spec, page: `/cities/${city}/` } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { spec, page } = props as { spec: ChartSpec; page: string };
  const svg = chartFileSvg(spec, { siteName: SITE.name, url: new URL(`${page}#${spec.id}`, site).href });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
