import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { EventItem } from '../../src/lib/events/events.ts';
import {
  buildProgress,
  completionRate,
  eventOutcome,
  formatRate,
  monthReport,
  plannedOf,
  referenceMonth,
  submissionStatus,
  targetProgress,
  yearToDate,
} from '../../src/lib/plan/progress.ts';
import { PROVINCE_CODE, REPORT_CSV_COLUMNS, reportRows, reportToCsv, yearReportRows } from '../../src/lib/plan/report.ts';
import { planPageCharts, cityProgress } from '../../src/lib/charts/plan-charts.ts';
import { loadNotice, loadPlan } from '../helpers/content.ts';

const plan = loadPlan();
const notice = loadNotice();
const NOW = new Date('2026-11-27T10:00:00+08:00');
let n = 0;
function event(p: Partial<EventItem> & Pick<EventItem, 'city' | 'start'>): EventItem {
  n++;
  return {
    id: `e${n}`,
    title: `活动${n}`,
    year: 2026,
    type: 'community',
    level: 'county',
    venue: { name: '场地', address: '地址一号' },
    lat: 32,
    lng: 118,
    end: p.start,
    organisers: ['商务局'],
    hosts: [],
    brands: [],
    services: [],
    policies: [],
    status: 'confirmed',
    demo: false,
    ...p,
  };
}
const regionOf = (id: string) => ({
  code: id === 'nanjing' ? '320100' : id === 'wuxi' ? '320200' : `32${String(plan.rows.findIndex((r) => r.city === id) + 1).padStart(2, '0')}00`,
  name: `${plan.rows.find((r) => r.city === id)?.label ?? id}市`,
});

describe('event outcome', () => {
  it('held by status, or by having ended; postponed and cancelled never held', () => {
    expect(eventOutcome({ status: 'held', end: '2026-12-30T17:00+08:00' }, NOW)).toBe('held');
    expect(eventOutcome({ status: 'confirmed', end: '2026-11-01T17:00+08:00' }, NOW)).toBe('held');
    expect(eventOutcome({ status: 'planned', end: '2026-12-01T17:00+08:00' }, NOW)).toBe('upcoming');
    expect(eventOutcome({ status: 'postponed', end: '2026-01-01T17:00+08:00' }, NOW)).toBe('postponed');
    expect(eventOutcome({ status: 'cancelled', end: '2026-01-01T17:00+08:00' }, NOW)).toBe('cancelled');
  });
});

describe('progress grid', () => {
  const events = [
    event({ city: 'nanjing', start: '2026-01-10T09:00+08:00', status: 'held' }),
    event({ city: 'nanjing', start: '2026-01-11T09:00+08:00', status: 'cancelled', demo: true }),
    event({ city: 'nanjing', start: '2026-01-12T09:00+08:00', status: 'postponed' }),
    // Wuxi plans no county events at all and none in November: this one is beyond the plan.
    event({ city: 'wuxi', start: '2026-11-20T09:00+08:00', level: 'county' }),
    event({ city: 'nanjing', start: '2026-12-05T09:00+08:00', status: 'confirmed', demo: true }),
    event({ city: 'nanjing', start: '2026-03-01T09:00+08:00', level: 'provincial', status: 'held' }),
    event({ city: 'nanjing', start: '2027-01-05T09:00+08:00' }),
  ];
  const grid = buildProgress(plan, events, NOW);
  const nanjing = grid.cities.find((c) => c.city === 'nanjing')!;
  it('keeps the plan cells and counts published, held, postponed and cancelled apart', () => {
    expect(plannedOf(nanjing.total)).toBe(42);
    expect(nanjing.months[0]).toMatchObject({ planned: { city: 1, county: 3 }, published: 2, held: 1, postponed: 1, cancelled: 1, demo: 1 });
  });
  it('counts events beyond the plan, and a month with zero plan has no rate', () => {
    const wuxiNov = grid.cities.find((c) => c.city === 'wuxi')!.months[10]!;
    expect(plannedOf(wuxiNov)).toBe(0);
    expect(wuxiNov.held).toBe(1);
    expect(completionRate(wuxiNov)).toBeNull();
    expect(formatRate(completionRate(wuxiNov))).toBe('—');
    expect(formatRate(completionRate({ held: 3, planned: { city: 1, county: 1 } }))).toBe('150%');
  });
  it('counts provincial events apart and ignores other years', () => {
    expect(grid.provincial.held).toBe(1);
    expect(grid.province.total.published).toBe(4);
    expect(grid.hasDemo).toBe(true);
  });
  it('agrees with the plan table: every month of the province is the sum of the cities', () => {
    expect(grid.province.months.map(plannedOf)).toEqual(plan.total.months.map((m) => m.city + m.county));
  });
  it('reads the reference month in Beijing time, held within the plan year', () => {
    expect(referenceMonth(2026, new Date('2026-10-31T17:00:00Z'))).toBe(11);
    expect(referenceMonth(2026, new Date('2025-06-01T00:00:00Z'))).toBe(1);
    expect(referenceMonth(2026, new Date('2027-06-01T00:00:00Z'))).toBe(12);
    expect(grid.referenceMonth).toBe(11);
    expect(grid.asOf).toBe('2026-11-27');
  });
  it('adds the year to date', () => {
    expect(plannedOf(yearToDate(nanjing.months, 2))).toBe(4 + 3);
    expect(yearToDate(nanjing.months, 0).published).toBe(0);
  });
  it('judges submissions: nothing for a planned month is 未报送', () => {
    expect(submissionStatus({ planned: { city: 0, county: 2 }, published: 0, postponed: 0 })).toBe('missing');
    expect(submissionStatus({ planned: { city: 0, county: 2 }, published: 1, postponed: 0 })).toBe('partial');
    expect(submissionStatus({ planned: { city: 0, county: 2 }, published: 3, postponed: 0 })).toBe('submitted');
    expect(submissionStatus({ planned: { city: 0, county: 0 }, published: 0, postponed: 0 })).toBe('none');
    expect(submissionStatus({ planned: { city: 0, county: 0 }, published: 1, postponed: 0 })).toBe('submitted');
  });
  it('the November report lists the cities that have sent nothing for December', () => {
    const report = monthReport(grid, 11);
    const decPlanned = plan.rows.filter((r) => r.reconciled.months[11]!.city + r.reconciled.months[11]!.county > 0).map((r) => r.label);
    expect(report.missing).toEqual(decPlanned.filter((l) => l !== '南京'));
    expect(report.total.ytd.held).toBe(2);
    expect(monthReport(grid, 12).rows.every((r) => r.next === null)).toBe(true);
    expect(() => monthReport(grid, 13)).toThrow();
  });
  it('sets the notice targets against the plan and what is published', () => {
    const [prov, city] = targetProgress(grid, notice.targets);
    expect(prov).toMatchObject({ target: 100, planned: null, published: 1 });
    expect(city).toMatchObject({ target: 220, planned: 489, published: 4 });
  });
});

describe('report CSV', () => {
  const grid = buildProgress(plan, [event({ city: 'nanjing', start: '2026-11-02T09:00+08:00', status: 'held', demo: true })], NOW);
  const rows = reportRows(monthReport(grid, 11), regionOf);
  it('one row per city then the province, every column filled in order', () => {
    expect(rows).toHaveLength(14);
    expect(rows.at(-1)).toMatchObject({ city_code: PROVINCE_CODE, city: '江苏省', planned: 32, published: 1, held: 1, next_month: '2026-12' });
    expect(rows[0]).toMatchObject({ city: '南京市', published: 1, demo: '示例', next_status: '未报送', ytd_completion_pct: Math.round((1 / 39) * 100) });
  });
  it('starts with a BOM, parses back to the same rows, and neutralises formula-like text', () => {
    const csv = reportToCsv([...rows, { ...rows[0]!, city: '=HYPERLINK("x")' }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(parsed).toHaveLength(16);
    expect(parsed.at(-1)![2]).toBe(`'=HYPERLINK("x")`);
  });
  it('the year file has every month', () => {
    expect(yearReportRows(grid, regionOf)).toHaveLength(12 * 14);
  });
});

describe('plan page charts', () => {
  const grid = buildProgress(plan, [], NOW);
  const charts = planPageCharts({ plan, grid, docNumber: notice.docNumber, targets: targetProgress(grid, notice.targets) });
  it('each chart has a unique id, a finding computed from the data, a title, a description and a table', () => {
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
    for (const c of charts) {
      expect(c.heading.length, c.id).toBeGreaterThan(8);
      expect(c.table.rows.length, c.id).toBeGreaterThan(0);
      expect(c.narrow.width, c.id).toBeLessThanOrEqual(340);
    }
    expect(charts.find((c) => c.id === 'plan-by-city')!.heading).toBe('县区活动计划最多的是徐州，130场；市级活动最多的是无锡，22场');
    expect(charts.find((c) => c.id === 'plan-by-month')!.heading).toContain('10月计划最多，55场');
    expect(charts.find((c) => c.id === 'targets')!.heading).toContain('市县全年计划489场');
  });
  it('says so when nothing has been held, and marks no chart as demo without demo events', () => {
    expect(charts.find((c) => c.id === 'progress-by-city')!.heading).toBe('截至11月，各市还没有已举办的活动');
    expect(charts.some((c) => c.demo)).toBe(false);
  });
  it('a city chart covers its twelve months', () => {
    const c = cityProgress({ plan, grid, docNumber: notice.docNumber, targets: [] }, 'suzhou');
    expect(c.table.rows).toHaveLength(12);
    expect(c.table.foot!.cells[0]).toBe('104');
  });
});
