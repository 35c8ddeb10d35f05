/** Yearly plans from the content layer, validated and reconciled. */
import { getCollection } from 'astro:content';
import { reconcilePlanOrThrow, type ReconciledPlan } from '../lib/plan/table.ts';
import { toId } from '../schemas/common.ts';
import { contentPath } from '../config/collections.ts';

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
