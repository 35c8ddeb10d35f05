/** /data/plan-<year>.csv: the reconciled plan, long format, UTF-8 with BOM for Excel. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlans } from '../../data/plan.ts';
import { getRegionLookup } from '../../data/regions.ts';
import { planToCsv } from '../../lib/plan/open-data.ts';

export const getStaticPaths = (async () =>
  (await getPlans()).map((plan) => ({ params: { year: String(plan.year) }, props: { plan } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { plan } = props as { plan: Awaited<ReturnType<typeof getPlans>>[number] };
  return new Response(planToCsv(plan, await getRegionLookup()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
