/** Open-data files of a plan: CSV for Excel users, JSON for developers. Pure. */
import { toCsv } from '../csv.ts';
import { describeInconsistency, planToLongRows, type ReconciledPlan } from './table.ts';

/** The exact CSV header the data page documents. */
export const PLAN_CSV_COLUMNS = ['city_code', 'city', 'month', 'city_level', 'county_level'] as const;

type RegionOf = (id: string) => { code: string; name: string };

/** CSV with a byte-order mark so Excel on Chinese Windows reads it as UTF-8; CRLF line ends. */
export function planToCsv(plan: ReconciledPlan, regionOf: RegionOf): string {
  const rows = planToLongRows(plan, regionOf);
  return toCsv(PLAN_CSV_COLUMNS, rows);
}

/** JSON: the same rows, the totals as printed, and how the site read the cells that disagree. */
export function planToJson(plan: ReconciledPlan, regionOf: RegionOf) {
  return {
    year: plan.year,
    title: plan.title,
    source: plan.source,
    unit: '场',
    columns: { city_level: '市级活动场次', county_level: '县区活动场次', month: '月份（1—12）' },
    rows: planToLongRows(plan, regionOf),
    published: {
      total: { label: plan.totalLabel, city_level: plan.total.total.city, county_level: plan.total.total.county },
      months: plan.total.months.map((m, i) => ({ month: i + 1, city_level: m.city, county_level: m.county })),
      cities: plan.rows.map((r) => ({
        city_code: regionOf(r.city).code,
        city: regionOf(r.city).name,
        city_level: r.published.total.city,
        county_level: r.published.total.county,
      })),
    },
    reconciliation: {
      inconsistencies: plan.publishedInconsistencies.map(describeInconsistency),
      changes: plan.rows.flatMap((r) =>
        r.changes.map((c) => ({
          city_code: regionOf(r.city).code,
          city: regionOf(r.city).name,
          month: c.month,
          level: c.level === 'city' ? 'city_level' : 'county_level',
          published: c.published,
          reconciled: c.reconciled,
        })),
      ),
      notes: plan.reconciliations.map((r) => ({ city: regionOf(r.city).name, note: r.note })),
    },
  };
}
