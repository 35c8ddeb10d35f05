import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';
import regions from '../../content/regions/jiangsu.json' with { type: 'json' };
import { campaignFigures } from '../../src/lib/figures.ts';
import type { NoticeData } from '../../src/lib/notice.ts';
import { planToCsv, planToJson } from '../../src/lib/plan/open-data.ts';
import { validatePlan, type PlanInput } from '../../src/lib/plan/table.ts';
import { plainRef } from '../../src/schemas/common.ts';
import { noticeSchema } from '../../src/schemas/notice.ts';
import { planSchema } from '../../src/schemas/plan.ts';

const input = planSchema(plainRef).parse(parse(readFileSync('tests/fixtures/site/plan/2026.yaml', 'utf8'))) as PlanInput;
const { plan } = validatePlan(input);
const byId = new Map(regions.map((r) => [r.id, r]));
const regionOf = (id: string) => byId.get(id)!;

describe('plan open data', () => {
  const csv = planToCsv(plan, regionOf);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });

  it('starts with a BOM and the exact header', () => {
    expect(csv.startsWith('\uFEFFcity_code,city,month,city_level,county_level\r\n')).toBe(true);
  });

  it('has one row per city per month, with reconciled values that sum to the totals', () => {
    expect(parsed.data).toHaveLength(13 * 12);
    const sum = (k: string) => parsed.data.reduce((s, r) => s + Number(r[k]), 0);
    expect(sum('city_level')).toBe(93);
    expect(sum('county_level')).toBe(396);
    expect(parsed.data.find((r) => r.city === '泰州市' && r.month === '12')).toEqual({
      city_code: '321200',
      city: '泰州市',
      month: '12',
      city_level: '0',
      county_level: '0',
    });
    expect(parsed.data[0]).toEqual({ city_code: '320100', city: '南京市', month: '1', city_level: '1', county_level: '3' });
  });

  it('JSON has the same rows plus the published totals and the note', () => {
    const json = planToJson(plan, regionOf);
    expect(json.rows).toHaveLength(156);
    expect(json.published.total).toEqual({ label: '市县区合计', city_level: 93, county_level: 396 });
    expect(json.reconciliation.changes).toEqual([{ city_code: '321200', city: '泰州市', month: 12, level: 'city_level', published: 1, reconciled: 0 }]);
    expect(json.reconciliation.notes[0]?.note).toContain('27 个数');
  });
});

describe('headline figures', () => {
  it('come from the notice text and the plan', () => {
    const notice = noticeSchema.parse(parse(readFileSync('tests/fixtures/site/notice/2026-66.yaml', 'utf8'))) as NoticeData;
    const figures = Object.fromEntries(campaignFigures(notice, plan).map((f) => [f.key, f.value]));
    expect(figures).toEqual({ 'provincial-target': 100, 'city-county-target': 220, 'plan-city': 93, 'plan-county': 396, cities: 13, months: 12 });
  });
});
