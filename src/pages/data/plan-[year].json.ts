/** /data/plan-<year>.json: the CSV rows plus the published totals and the reconciliation notes. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPlans } from '../../data/plan.ts';
import { getRegionLookup } from '../../data/regions.ts';
import { planToJson } from '../../lib/plan/open-data.ts';

export const getStaticPaths = (async () =>
  (await getPlans()).map((plan) => ({ params: { year: String(plan.year) }, props: { plan } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { plan } = props as { plan: Awaited<ReturnType<typeof getPlans>>[number] };
  return new Response(JSON.stringify(planToJson(plan, await getRegionLookup()), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
