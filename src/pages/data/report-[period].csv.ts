/**
 * /data/report-<yyyy-mm>.csv: one month's 调度 report, one row per city and one for the province;
 * /data/report-<yyyy>.csv: every month of the year in one file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProgressGrid } from '../../data/progress.ts';
import { getRegionLookup } from '../../data/regions.ts';
import { monthReport } from '../../lib/plan/progress.ts';
import { reportRows, reportToCsv, yearReportRows } from '../../lib/plan/report.ts';

export const getStaticPaths = (async () => {
  const grid = await getProgressGrid();
  return [{ params: { period: String(grid.year) } }, ...grid.months.map((m) => ({ params: { period: m } }))];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const grid = await getProgressGrid();
  const regionOf = await getRegionLookup();
  const period = params.period!;
  const rows = period === String(grid.year) ? yearReportRows(grid, regionOf) : reportRows(monthReport(grid, Number(period.slice(5))), regionOf);
  return new Response(reportToCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
