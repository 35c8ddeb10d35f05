/** Yearly plans from the content layer, validated and reconciled. */
import { getCollection } from 'astro:content';
import { reconcilePlanOrThrow, type ReconciledPlan } from '../lib/plan.ts';
import { toId } from '../schemas/common.ts';

let cache: ReconciledPlan[] | undefined;

/** Every plan, newest year first. Any unexplained inconsistency fails the build. */
export async function getPlans(): Promise<ReconciledPlan[]> {
  cache ??= (await getCollection('plan'))
    .map(({ id, data }) =>
      reconcilePlanOrThrow(
        {
          ...data,
          rows: data.rows.map((r) => ({ ...r, city: toId(r.city) })),
          reconciliations: data.reconciliations.map((r) => ({ ...r, city: toId(r.city) })),
        },
        contentPath(`plan/${id}.yaml`),
      ),
    )
    .sort((a, b) => b.year - a.year);
  return cache;
}

/** The plan for one year; throws when that year has none. */
export async function getPlan(year: number): Promise<ReconciledPlan> {
  const plan = (await getPlans()).find((p) => p.year === year);
  if (!plan) throw new Error(`${contentPath('plan/')} 里没有 ${year} 年的计划表`);
  return plan;
}

// Progress and charts. Imported lazily-by-call from events.ts (which imports getPlan from here);
// the cycle is harmless because neither module uses the other at load time.
import { buildProgress, targetProgress, type ProgressGrid } from '../lib/plan-progress.ts';
import { chartFileSvg, cityProgress, planPageCharts, type ChartContext, type ChartSpec } from '../lib/charts/plan-charts.ts';
import { SITE } from '../config/site.ts';
import { getEvents, getReferenceNow } from './events.ts';
import { getCurrentNotice } from './notice.ts';
import { contentPath } from '../config/collections.ts';

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
  const file = (spec: ChartSpec, path: string) => ({ params: { name: spec.id }, props: { svg: chartFileSvg(spec, { siteName: SITE.name, url: new URL(`${path}#${spec.id}`, site).href }) } });
  return [...page.map((spec) => file(spec, '/plan/')), ...[...cities].map(([city, spec]) => file(spec, `/cities/${city}/`))];
}
