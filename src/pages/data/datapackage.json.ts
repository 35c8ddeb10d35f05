/** /data/datapackage.json: every open-data file and its columns, as a Frictionless Data Package. */
import type { APIRoute } from 'astro';
import { SITE } from '../../config/site.ts';
import { getContentUpdated } from '../../data/build-info.ts';
import { getCharts, getChartContext } from '../../data/progress.ts';
import { dataCatalog, toDataPackage } from '../../lib/open-data-catalog.ts';

export const GET: APIRoute = async ({ site }) => {
  const { plan, grid, docNumber } = await getChartContext();
  const { page } = await getCharts();
  const files = dataCatalog({
    year: plan.year,
    docNumber,
    planTitle: plan.title,
    months: grid.months,
    charts: page.map((c) => ({ id: c.id, title: c.title })),
  });
  const pkg = toDataPackage(files, {
    year: plan.year,
    title: `${SITE.name}开放数据（${plan.year}年）`,
    description: `${plan.year}年江苏省汽车促消费“五进”活动的计划、活动和每月调度数据。各文件列的含义见 ${new URL('/data/', site).href}。`,
    terms: SITE.openData.terms + (SITE.openData.confirmed ? '' : '（待主办单位确认）'),
    termsConfirmed: SITE.openData.confirmed,
    updated: getContentUpdated(),
    homepage: new URL('/data/', site).href,
  });
  return new Response(JSON.stringify(pkg, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
