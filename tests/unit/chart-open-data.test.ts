import { describe, expect, it } from 'vitest';
import { EVENT_CSV_COLUMNS } from '../../src/lib/event-data.ts';
import { dataCatalog, EVENT_FIELDS, PLAN_FIELDS, REPORT_FIELDS, toDataPackage } from '../../src/lib/open-data-catalog.ts';
import { PLAN_CSV_COLUMNS } from '../../src/lib/plan/open-data.ts';
import { REPORT_CSV_COLUMNS } from '../../src/lib/plan/report.ts';

const files = dataCatalog({
  year: 2026,
  docNumber: '苏商建函〔2026〕66号',
  planTitle: '计划表',
  months: ['2026-01', '2026-02'],
  charts: [{ id: 'plan-by-city', title: '各市' }],
});

describe('open data catalogue (the /data/ page and datapackage.json; chart files included)', () => {
  it('documents every column each CSV writes, in order, with a meaning', () => {
    expect(PLAN_FIELDS.map((f) => f.name)).toEqual([...PLAN_CSV_COLUMNS]);
    expect(EVENT_FIELDS.map((f) => f.name)).toEqual([...EVENT_CSV_COLUMNS]);
    expect(REPORT_FIELDS.map((f) => f.name)).toEqual([...REPORT_CSV_COLUMNS]);
    for (const f of [...PLAN_FIELDS, ...EVENT_FIELDS, ...REPORT_FIELDS]) expect(f.title, f.name).not.toBe('');
  });
  it('lists the plan, events, reports, chart images and templates, each once, all under /data/', () => {
    const paths = files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/data/plan-2026.csv',
        '/data/events.csv',
        '/data/report-2026.csv',
        '/data/report-2026-02.csv',
        '/data/charts/plan-by-city.png',
        '/data/templates/events-template.xlsx',
      ]),
    );
    for (const p of paths) expect(p).toMatch(/^\/data\//u);
  });
  it('makes a Data Package with relative paths, valid names and a schema for every table; no invented licence', () => {
    const pkg = toDataPackage(files, {
      year: 2026,
      title: 't',
      description: 'd',
      terms: '请注明出处',
      termsConfirmed: false,
      updated: '2026-11-27',
      homepage: 'https://example.org/data/',
    });
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/u);
    expect(pkg).not.toHaveProperty('licenses');
    for (const r of pkg.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/u);
      expect(r.path).not.toMatch(/^\/|\.\./u);
    }
    const plan = pkg.resources.find((r) => r.name === 'plan-2026')!;
    expect(plan).toMatchObject({ profile: 'tabular-data-resource', path: 'plan-2026.csv' });
    expect('schema' in plan && plan.schema?.fields.map((f) => f.name)).toEqual([...PLAN_CSV_COLUMNS]);
  });
});
