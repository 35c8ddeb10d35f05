/** The policy pages' dated changes (content/policies/data/changes.yaml), newest first. */
import { getCollection } from 'astro:content';
import { toId } from '../schemas/common.ts';

export interface PolicyChange {
  id: string;
  date: string;
  policies: string[];
  facts: string[];
  summary: string;
  reason: string;
}

let cache: PolicyChange[] | undefined;

/** Every change, newest first (same day: by id), so pages and feeds are deterministic. */
export async function getPolicyChanges(): Promise<PolicyChange[]> {
  cache ??= (await getCollection('policyChanges'))
    .map(({ data }) => ({ ...data, policies: data.policies.map(toId), facts: data.facts.map(toId) }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return cache;
}
