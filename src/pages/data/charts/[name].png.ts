/** /data/charts/<chart>.png: the same file as the SVG, rendered at twice its size (resvg, at build time). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITE } from '../../../config/site.ts';
import { getCharts } from '../../../data/plan.ts';
import { chartFileSvg, type ChartSpec } from '../../../lib/charts/plan-charts.ts';
import { svgToPng } from '../../../lib/charts/png.ts';

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
  return new Response(svgToPng(svg, 2), { headers: { 'Content-Type': 'image/png' } });
};
