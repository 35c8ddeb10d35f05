/** Loads content files the way the site does, for tests that compare pages with data. */
import { readFileSync } from 'node:fs';
import { load as parse } from 'js-yaml';
import type { NoticeData } from '../../src/lib/notice.ts';
import { validatePlan, type PlanInput, type ReconciledPlan } from '../../src/lib/plan/table.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { noticeSchema } from '../../src/schemas/notice.ts';
import { planSchema } from '../../src/schemas/plan.ts';

export function loadNotice(id = '2026-66'): NoticeData {
  return noticeSchema.parse(parse(readFileSync(`tests/fixtures/site/notice/${id}.yaml`, 'utf8'))) as NoticeData;
}

export function loadPlan(year = 2026): ReconciledPlan {
  const input = planSchema(plainRef).parse(parse(readFileSync(`tests/fixtures/site/plan/${year}.yaml`, 'utf8'))) as PlanInput;
  return validatePlan(input).plan;
}

import { policyDocumentSchema, policyFactSchema } from '../../src/schemas/policy.ts';
import type { PolicyDocument, PolicyFact } from '../../src/lib/policy-facts.ts';

export function loadFacts(): PolicyFact[] {
  const raw = parse(readFileSync('tests/fixtures/site/policies/data/facts.yaml', 'utf8')) as unknown[];
  return raw.map((f) => policyFactSchema(plainRef).parse(f) as PolicyFact);
}

export function loadDocuments(): PolicyDocument[] {
  const raw = parse(readFileSync('tests/fixtures/site/policies/data/documents.yaml', 'utf8')) as unknown[];
  return raw.map((d) => policyDocumentSchema.parse(d) as PolicyDocument);
}
