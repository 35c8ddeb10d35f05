/** /data/policy-facts.json: the same rows as policy-facts.csv, with the documents they cite. */
import type { APIRoute } from 'astro';
import { SITE } from '../../config/site.ts';
import { getPolicyDay, getPolicyDocuments, getPolicyFactRows } from '../../data/policies.ts';
import { policyFactsToJson } from '../../lib/policy-open-data.ts';

export const GET: APIRoute = async () =>
  new Response(policyFactsToJson(await getPolicyFactRows(), await getPolicyDocuments(), { title: `${SITE.name}：补贴和税收规定`, asOf: getPolicyDay() }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
