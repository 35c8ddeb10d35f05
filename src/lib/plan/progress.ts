/**
 * The plan against what the cities have published and held, per city and per month: the
 * arithmetic behind the progress charts, the monthly 调度 report and its CSV. Pure: the moment
 * counted as "now" is passed in.
 *
 * What each count means (the plan page and every report print the same definitions):
 * - 计划 planned: the plan cell as the site reads it (reconciled), 市级 and 县区.
 * - 已发布 published: events in the collection at 市级 or 县区 level whose start falls in the
 *   month, except cancelled ones — the count the event pages call 已发布. Demo events are
 *   included unless the build removed them (SITE_DEMO=0); `demo` says how many are demo.
 * - 已举办 held: published events with status 已举办, or 计划中/已确认 ones that ended before now.
 * - 延期 postponed: published events with status 延期 (not held).
 * - 取消 cancelled: events with status 取消 (not counted as published).
 * - 省级 provincial events belong to no city's plan and are counted apart, for the 省级 target.
 * - 完成率 completion: held ÷ planned; none when nothing was planned.
 */
import { monthOf, type EventItem, type PlanMonthProgress } from '../events/events.ts';
import type { ReconciledPlan } from './table.ts';
import { shanghaiDate } from '../dates.ts';

export interface Tally {
  planned: { city: number; county: number };
  published: number;
  held: number;
  postponed: number;
  cancelled: number;
  /** How many of the published, held, postponed or cancelled events are demonstration events. */
  demo: number;
}

export type EventOutcome = 'held' | 'upcoming' | 'postponed' | 'cancelled';

/** Where an event stands at `now`. */
export function eventOutcome(e: Pick<EventItem, 'status' | 'end'>, now: Date): EventOutcome {
  if (e.status === 'cancelled') return 'cancelled';
  if (e.status === 'postponed') return 'postponed';
  if (e.status === 'held' || Date.parse(e.end) < now.getTime()) return 'held';
  return 'upcoming';
}

export const emptyTally = (): Tally => ({ planned: { city: 0, county: 0 }, published: 0, held: 0, postponed: 0, cancelled: 0, demo: 0 });

/** Planned events of both levels. */
export const plannedOf = (t: Tally): number => t.planned.city + t.planned.county;

/** The sum of several tallies. */
export function sumTallies(ts: readonly Tally[]): Tally {
  return ts.reduce<Tally>(
    (s, t) => ({
      planned: { city: s.planned.city + t.planned.city, county: s.planned.county + t.planned.county },
      published: s.published + t.published,
      held: s.held + t.held,
      postponed: s.postponed + t.postponed,
      cancelled: s.cancelled + t.cancelled,
      demo: s.demo + t.demo,
    }),
    emptyTally(),
  );
}

/** Held ÷ planned, or null when nothing was planned (never a division by zero). */
export function completionRate(t: Pick<Tally, 'held' | 'planned'>): number | null {
  const planned = t.planned.city + t.planned.county;
  return planned === 0 ? null : t.held / planned;
}

/** "42%", or "—" when there is no rate. Rounded to a whole percent. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** "2026-11" for a plan year and month number. */
export const monthKey = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/** The calendar month (1—12) of `now` in Beijing time, held within the plan year. */
export function referenceMonth(year: number, now: Date): number {
  const local = shanghaiDate(now);
  const y = Number(local.slice(0, 4));
  if (y < year) return 1;
  if (y > year) return 12;
  return Number(local.slice(5, 7));
}

export interface CityProgress {
  city: string;
  label: string;
  months: Tally[];
  total: Tally;
}

export interface ProgressGrid {
  year: number;
  /** "2026-01" … "2026-12". */
  months: string[];
  /** The month containing `now` (1—12, held within the plan year). */
  referenceMonth: number;
  /** `now` as a Beijing date, yyyy-mm-dd: the date every count is "as of". */
  asOf: string;
  /** Cities in plan table order. */
  cities: CityProgress[];
  /** All cities added up, month by month. */
  province: { months: Tally[]; total: Tally };
  /** 省级 events of the year (no plan: planned is always zero). */
  provincial: Tally;
  /** True when any count includes a demonstration event. */
  hasDemo: boolean;
}

function count(t: Tally, e: EventItem, now: Date): void {
  const outcome = eventOutcome(e, now);
  if (e.demo) t.demo++;
  if (outcome === 'cancelled') {
    t.cancelled++;
    return;
  }
  t.published++;
  if (outcome === 'held') t.held++;
  if (outcome === 'postponed') t.postponed++;
}

/** Every city's months against its plan, and the province's, as of `now`. */
export function buildProgress(plan: ReconciledPlan, events: readonly EventItem[], now: Date): ProgressGrid {
  const months = Array.from({ length: 12 }, (_, i) => monthKey(plan.year, i + 1));
  const index = new Map(months.map((m, i) => [m, i]));
  const cities: CityProgress[] = plan.rows.map((r) => ({
    city: r.city,
    label: r.label,
    months: r.reconciled.months.map((m) => ({ ...emptyTally(), planned: { city: m.city, county: m.county } })),
    total: emptyTally(),
  }));
  const byCity = new Map(cities.map((c) => [c.city, c]));
  const provincial = emptyTally();
  for (const e of events) {
    const i = index.get(monthOf(e));
    if (i === undefined) continue;
    if (e.level === 'provincial') count(provincial, e, now);
    else {
      const city = byCity.get(e.city);
      if (city) count(city.months[i]!, e, now);
    }
  }
  for (const c of cities) c.total = sumTallies(c.months);
  const provinceMonths = months.map((_, i) => sumTallies(cities.map((c) => c.months[i]!)));
  const local = shanghaiDate(now);
  const province = { months: provinceMonths, total: sumTallies(provinceMonths) };
  return {
    year: plan.year,
    months,
    referenceMonth: referenceMonth(plan.year, now),
    asOf: local,
    cities,
    province,
    provincial,
    hasDemo: province.total.demo + provincial.demo > 0,
  };
}

/** Months 1 to `through` added up. */
export function yearToDate(months: readonly Tally[], through: number): Tally {
  return sumTallies(months.slice(0, Math.max(0, through)));
}

/** Whether a city has sent in its events for a month: judged from what is published. */
export type SubmissionStatus = 'submitted' | 'partial' | 'missing' | 'none';
export const SUBMISSION_LABELS: Record<SubmissionStatus, string> = { submitted: '已报送', partial: '部分报送', missing: '未报送', none: '无计划' };

/**
 * Nothing published for a month with a plan is 未报送; fewer than planned is 部分报送; as many or
 * more is 已报送; a month without a plan is 无计划 unless events came anyway.
 */
export function submissionStatus(t: Pick<Tally, 'planned' | 'published' | 'postponed'>): SubmissionStatus {
  const planned = t.planned.city + t.planned.county;
  if (planned === 0) return t.published > 0 ? 'submitted' : 'none';
  if (t.published === 0) return 'missing';
  return t.published < planned ? 'partial' : 'submitted';
}

export interface ReportRow {
  city: string;
  label: string;
  month: Tally;
  ytd: Tally;
  completion: number | null;
  /** Next month's plan and submissions; null for the last month of the plan year. */
  next: { month: string; tally: Tally; status: SubmissionStatus } | null;
}

export interface MonthReport {
  year: number;
  month: number;
  key: string;
  asOf: string;
  rows: ReportRow[];
  total: ReportRow;
  /** Cities with a plan for next month and nothing published for it, in table order. */
  missing: string[];
  provincial: Tally;
  hasDemo: boolean;
}

function reportRow(city: string, label: string, months: readonly Tally[], month: number, year: number): ReportRow {
  const ytd = yearToDate(months, month);
  const nextTally = months[month];
  return {
    city,
    label,
    month: months[month - 1]!,
    ytd,
    completion: completionRate(ytd),
    next: nextTally ? { month: monthKey(year, month + 1), tally: nextTally, status: submissionStatus(nextTally) } : null,
  };
}

/** The 调度 report for one month (1—12): per city and for the province. */
export function monthReport(grid: ProgressGrid, month: number): MonthReport {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`月份应为 1—12：${month}`);
  const rows = grid.cities.map((c) => reportRow(c.city, c.label, c.months, month, grid.year));
  return {
    year: grid.year,
    month,
    key: monthKey(grid.year, month),
    asOf: grid.asOf,
    rows,
    total: reportRow('total', '全省', grid.province.months, month, grid.year),
    missing: rows.filter((r) => r.next?.status === 'missing').map((r) => r.label),
    provincial: grid.provincial,
    hasDemo: grid.hasDemo,
  };
}

/** The notice's two targets against the plan and what is published. */
export interface TargetProgress {
  key: 'provincial' | 'cityCounty';
  label: string;
  target: number;
  planned: number | null;
  published: number;
  held: number;
  demo: number;
}

export function targetProgress(grid: ProgressGrid, targets: { provincial: { min: number }; cityCounty: { min: number } }): TargetProgress[] {
  const t = grid.province.total;
  return [
    {
      key: 'provincial',
      label: '省级层面',
      target: targets.provincial.min,
      planned: null,
      published: grid.provincial.published,
      held: grid.provincial.held,
      demo: grid.provincial.demo,
    },
    { key: 'cityCounty', label: '市县', target: targets.cityCounty.min, planned: plannedOf(t), published: t.published, held: t.held, demo: t.demo },
  ];
}

/**
 * The plan beside what has been published, month by month, for the province (city- and
 * county-level events, the levels the plan counts) or one city: read from the one progress grid,
 * so the plan page, the reports, city pages and event pages count alike.
 */
export function monthProgress(grid: ProgressGrid, city?: string): PlanMonthProgress[] {
  const months = city ? grid.cities.find((c) => c.city === city)?.months : grid.province.months;
  return grid.months.map((month, i) => ({
    month,
    planned: { ...(months?.[i]?.planned ?? { city: 0, county: 0 }) },
    published: months?.[i]?.published ?? 0,
  }));
}
