import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load as parse } from 'js-yaml';
import { describeInconsistency, findInconsistencies, planTotals, readRow, validatePlan, type PlanInput } from '../../src/lib/plan/table.ts';
import { planSchema } from '../../src/schemas/plan.ts';
import { plainRef } from '../../src/schemas/common.ts';

const load = (path: string): PlanInput => planSchema(plainRef).parse(parse(readFileSync(path, 'utf8'))) as PlanInput;
const published = load('tests/fixtures/site/plan/2026.yaml');

describe('the 2026 plan as published', () => {
  const { errors, plan } = validatePlan(published);

  it('validates, with its one known inconsistency explained', () => {
    expect(errors).toEqual([]);
    expect(plan.publishedInconsistencies.map(describeInconsistency)).toEqual([
      '泰州市级：表中合计 8 场，1—12月相加为 9 场',
      '12月市级：“市县区合计”行为 2 场，各市相加为 3 场',
    ]);
  });

  it('reconciles 泰州 12月市级 from 1 to 0 and leaves every other cell as printed', () => {
    const taizhou = plan.rows.find((r) => r.city === 'taizhou');
    expect(taizhou?.published.months[11]).toEqual({ city: 1, county: 0 });
    expect(taizhou?.reconciled.months[11]).toEqual({ city: 0, county: 0 });
    const differing = plan.rows.flatMap((r) =>
      r.reconciled.months.flatMap((m, i) => {
        const p = r.published.months[i];
        return p && (p.city !== m.city || p.county !== m.county) ? [`${r.city}-${i + 1}`] : [];
      }),
    );
    expect(differing).toEqual(['taizhou-12']);
  });

  it('adds up to the published province totals: 93 city-level and 396 county-level', () => {
    expect(planTotals(plan)).toEqual({ city: 93, county: 396, all: 489, cities: 13, months: 12 });
    expect(plan.total.total).toEqual({ city: 93, county: 396 });
  });

  it('keeps the printed cells: 泰州 still has 27', () => {
    expect(published.rows.find((r) => r.city === 'taizhou')?.cells).toHaveLength(27);
  });
});

describe('plan validator on broken tables', () => {
  it('fails a changed cell, naming the city, the month and both numbers', () => {
    const broken = load('tests/fixtures/plan/broken-cell.yaml');
    const { errors } = validatePlan(broken);
    expect(errors).toContain('原表对不上：南京县区：表中合计 36 场，1—12月相加为 37 场');
    expect(errors).toContain('原表对不上：3月县区：“市县区合计”行为 39 场，各市相加为 40 场');
  });

  it('fails when the reconciliation is removed', () => {
    const { errors } = validatePlan({ ...published, reconciliations: [] });
    expect(errors).toContain('泰州：这一行有 27 个数，应为 26 个；若原表确实如此，请在 reconciliations 中写明 publishedCellCount: 27 并说明读法');
    expect(errors).toContain('原表对不上：泰州市级：表中合计 8 场，1—12月相加为 9 场');
    expect(errors).toContain('原表对不上：12月市级：“市县区合计”行为 2 场，各市相加为 3 场');
  });

  it('fails a reconciliation that misquotes the printed number', () => {
    const r = published.reconciliations[0]!;
    const wrong = { ...published, reconciliations: [{ ...r, changes: [{ ...r.changes[0]!, published: 2 }] }] };
    expect(validatePlan(wrong).errors).toContain('泰州 12月市级：说明里写原表为 2 场，按位置读原表是 1 场');
  });

  it('fails a reconciliation that does not make the totals agree', () => {
    const r = published.reconciliations[0]!;
    const wrong = { ...published, reconciliations: [{ ...r, changes: [{ ...r.changes[0]!, reconciled: 1 }] }] };
    const { errors } = validatePlan(wrong);
    expect(errors).toContain('按本站读法仍对不上：泰州市级：表中合计 8 场，1—12月相加为 9 场');
  });

  it('fails a reconciliation of a row that already adds up', () => {
    const extra = { city: 'nanjing', changes: [], note: '多余的说明' };
    const { errors } = validatePlan({ ...published, reconciliations: [...published.reconciliations, extra] });
    expect(errors).toContain('南京：原表这一行本来就对得上，reconciliations 里的说明是多余的');
  });

  it('fails a short row and a wrong grand total', () => {
    const rows = published.rows.map((r) => (r.city === 'wuxi' ? { ...r, cells: r.cells.slice(0, 20) } : r));
    const totalRow = { ...published.totalRow, cells: [94, ...published.totalRow.cells.slice(1)] };
    const { errors } = validatePlan({ ...published, rows, totalRow });
    expect(errors).toContain('无锡：这一行只有 20 个数，应为 26 个');
    expect(errors).toContain('原表对不上：全省市级合计：表中为 94 场，各市合计相加为 93 场');
  });
});

describe('row reading', () => {
  it('reads totals then month pairs by position', () => {
    const r = readRow([3, 4, 1, 0, 0, 1, 2, 3]);
    expect(r.total).toEqual({ city: 3, county: 4 });
    expect(r.months.slice(0, 3)).toEqual([
      { city: 1, county: 0 },
      { city: 0, county: 1 },
      { city: 2, county: 3 },
    ]);
    expect(r.months[11]).toEqual({ city: 0, county: 0 });
  });

  it('finds nothing wrong in a consistent table', () => {
    const row = { city: 'a', label: 'A', reading: readRow([1, 0, 1, 0, ...Array(22).fill(0)]) };
    expect(findInconsistencies(readRow([1, 0, 1, 0, ...Array(22).fill(0)]), [row])).toEqual([]);
  });
});
