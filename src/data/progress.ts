/**
 * The current plan against published events: month by month for the province or a city, the
 * progress grid for the plan page, the reports and the city pages, and the charts. Computed once
 * per build from src/data/plan.ts and src/data/events.ts, which know nothing of each other.
 */
import type { PlanMonthProgress } from '../lib/events/events.ts';
import { buildProgress, monthProgress, targetProgress, type ProgressGrid } from '../lib/plan/progress.ts';
import { chartFileSvg, cityProgress, planPageCharts, type ChartContext, type ChartSpec } from '../lib/charts/plan-charts.ts';
import { SITE } from '../config/site.ts';
import { getEvents } from './events.ts';
import { getReferenceNow } from './build-info.ts';
import { getPlan } from './plan.ts';
import { getCurrentNotice } from './notice.ts';
import { cityPath } from '../lib/paths.ts';

let context: ChartContext | undefined;

/**
 * The current plan against published and held events, per city and month, as of the build's
 * reference time. Computed once per build for the plan page, the reports, the city pages and
 * the chart files.
 */
export async function getChartContext(): Promise<ChartContext> {
  if (!context) {
    const notice = await getCurrentNotice();
    const plan = await getPlan(notice.year);
    const grid = buildProgress(plan, await getEvents(), getReferenceNow());
    context = { plan, grid, docNumber: notice.docNumber, targets: targetProgress(grid, notice.targets) };
  }
  return context;
}

/** The progress grid of the current plan (see {@link getChartContext}). */
export async function getProgressGrid(): Promise<ProgressGrid> {
  return (await getChartContext()).grid;
}

let charts: { page: ChartSpec[]; cities: Map<string, ChartSpec> } | undefined;

/** The plan page's charts and each city's progress chart, built once per build. */
export async function getCharts(): Promise<{ page: ChartSpec[]; cities: Map<string, ChartSpec> }> {
  if (!charts) {
    const c = await getChartContext();
    charts = { page: planPageCharts(c), cities: new Map(c.plan.rows.map((r) => [r.city, cityProgress(c, r.city)])) };
  }
  return charts;
}

/**
 * Every chart as a standalone SVG file (/data/charts/<id>.svg and .png): the plan page's charts
 * and each city's, each citing the page it belongs to. Both file routes use these paths.
 */
export async function getChartFilePaths(): Promise<{ params: { name: string }; props: { svg: string } }[]> {
  const { page, cities } = await getCharts();
  const site = import.meta.env.SITE;
  const file = (spec: ChartSpec, path: string) => ({
    params: { name: spec.id },
    props: { svg: chartFileSvg(spec, { siteName: SITE.name, url: new URL(`${path}#${spec.id}`, site).href }) },
  });
  return [...page.map((spec) => file(spec, '/plan/')), ...[...cities].map(([city, spec]) => file(spec, cityPath(city)))];
}

const progressCache = new Map<string, PlanMonthProgress[]>();

/**
 * The current plan beside published events, month by month, for the province or one city, from
 * the one progress grid. Kept per city: thousands of event pages each show their city's month.
 */
export async function getPlanProgress(city?: string): Promise<PlanMonthProgress[]> {
  const key = city ?? '';
  let progress = progressCache.get(key);
  if (!progress) {
    progress = monthProgress(await getProgressGrid(), city);
    progressCache.set(key, progress);
  }
  return progress;
}
