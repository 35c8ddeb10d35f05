/** /data/policy-facts.csv: every policy rule the site explains, as the site reads it. */
import type { APIRoute } from 'astro';
import { getPolicyFactRows } from '../../data/policies.ts';
import { policyFactsToCsv } from '../../lib/policy-open-data.ts';

export const GET: APIRoute = async () => new Response(policyFactsToCsv(await getPolicyFactRows()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
