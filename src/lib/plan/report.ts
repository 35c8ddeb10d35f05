/**
 * The monthly 调度 report as open data: one row per city (and one for the province) per month,
 * UTF-8 CSV with a byte-order mark for Excel, every text cell made formula-safe. Pure.
 */
import { completionRate, monthReport, plannedOf, SUBMISSION_LABELS, type MonthReport, type ProgressGrid, type ReportRow } from './progress.ts';
import { toCsv } from '../csv.ts';

/** The exact CSV header; /data/ and datapackage.json document each column. */
export const REPORT_CSV_COLUMNS = [
  'month',
  'city_code',
  'city',
  'planned_city_level',
  'planned_county_level',
  'planned',
  'published',
  'held',
  'postponed',
  'cancelled',
  'ytd_planned',
  'ytd_published',
  'ytd_held',
  'ytd_completion_pct',
  'next_month',
  'next_planned',
  'next_published',
  'next_status',
  'demo',
  'as_of',
] as const;
export type ReportCsvRow = Record<(typeof REPORT_CSV_COLUMNS)[number], string | number>;

/** 江苏省's administrative code, for the province row. */
export const PROVINCE_CODE = '320000';

function csvRow(report: MonthReport, row: ReportRow, code: string, name: string): ReportCsvRow {
  const rate = completionRate(row.ytd);
  const demo = row.month.demo + row.ytd.demo + (row.next?.tally.demo ?? 0) > 0;
  return {
    month: report.key,
    city_code: code,
    city: name,
    planned_city_level: row.month.planned.city,
    planned_county_level: row.month.planned.county,
    planned: plannedOf(row.month),
    published: row.month.published,
    held: row.month.held,
    postponed: row.month.postponed,
    cancelled: row.month.cancelled,
    ytd_planned: plannedOf(row.ytd),
    ytd_published: row.ytd.published,
    ytd_held: row.ytd.held,
    ytd_completion_pct: rate === null ? '' : Math.round(rate * 100),
    next_month: row.next?.month ?? '',
    next_planned: row.next ? plannedOf(row.next.tally) : '',
    next_published: row.next ? row.next.tally.published : '',
    next_status: row.next ? SUBMISSION_LABELS[row.next.status] : '',
    demo: demo ? '示例' : '',
    as_of: report.asOf,
  };
}

/** The rows of one month's report: the cities in plan order, then the province. */
export function reportRows(report: MonthReport, regionOf: (id: string) => { code: string; name: string }): ReportCsvRow[] {
  return [...report.rows.map((r) => csvRow(report, r, regionOf(r.city).code, regionOf(r.city).name)), csvRow(report, report.total, PROVINCE_CODE, '江苏省')];
}

/** CSV text of report rows: BOM, CRLF, formula-safe text cells. */
export function reportToCsv(rows: readonly ReportCsvRow[]): string {
  return toCsv(REPORT_CSV_COLUMNS, rows);
}

/** Every month's report rows, January first: the year's file. */
export function yearReportRows(grid: ProgressGrid, regionOf: (id: string) => { code: string; name: string }): ReportCsvRow[] {
  return grid.months.flatMap((_, i) => reportRows(monthReport(grid, i + 1), regionOf));
}
