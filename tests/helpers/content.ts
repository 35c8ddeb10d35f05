/** Loads content files the way the site does, for tests that compare pages with data. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { NoticeData } from '../../src/lib/notice.ts';
import { validatePlan, type PlanInput, type ReconciledPlan } from '../../src/lib/plan.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { noticeSchema } from '../../src/schemas/notice.ts';
import { planSchema } from '../../src/schemas/plan.ts';

export function loadNotice(id = '2026-66'): NoticeData {
  return noticeSchema.parse(parse(readFileSync(`content/notice/${id}.yaml`, 'utf8'))) as NoticeData;
}

export function loadPlan(year = 2026): ReconciledPlan {
  const input = planSchema(plainRef).parse(parse(readFileSync(`content/plan/${year}.yaml`, 'utf8'))) as PlanInput;
  return validatePlan(input).plan;
}
