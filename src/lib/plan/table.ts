/**
 * The yearly plan table: reading the published cells, reconciling the cells that do not add
 * up, validating every total, and shaping the open-data rows. Pure functions, no astro:*.
 */

/** 市级 and 县区, the two levels the table counts. */
export const PLAN_LEVELS = ['city', 'county'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];
export const PLAN_LEVEL_LABELS: Record<PlanLevel, string> = { city: '市级', county: '县区' };

/** Cells in a complete row: 合计 (2) + 12 months × 2. */
export const ROW_CELLS = 26;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export interface LevelCounts {
  city: number;
  county: number;
}
/** One row read by position: its printed total and its twelve months. */
export interface RowReading {
  total: LevelCounts;
  months: LevelCounts[];
}

export interface PlanChange {
  month: number;
  level: PlanLevel;
  published: number;
  reconciled: number;
}
export interface PlanReconciliation {
  city: string;
  publishedCellCount?: number;
  changes: PlanChange[];
  note: string;
}
/** A plan as stored in content/plan/<year>.yaml, with plain string ids. */
export interface PlanInput {
  year: number;
  notice: string;
  title: string;
  source: string;
  totalRow: { label: string; cells: number[] };
  rows: { city: string; label: string; cells: number[] }[];
  reconciliations: PlanReconciliation[];
}

/** A disagreement between a printed total and the cells it should sum. */
export type PlanInconsistency =
  | { kind: 'row-total'; city: string; label: string; level: PlanLevel; printed: number; sum: number }
  | { kind: 'month-total'; month: number; level: PlanLevel; printed: number; sum: number }
  | { kind: 'grand-total'; level: PlanLevel; printed: number; sum: number; of: 'cities' | 'months' };

export interface ReconciledRow {
  city: string;
  label: string;
  /** The row read by position, as printed. */
  published: RowReading;
  /** The row as the site uses it. Equal to `published` unless a reconciliation says otherwise. */
  reconciled: RowReading;
  changes: PlanChange[];
}

export interface ReconciledPlan {
  year: number;
  notice: string;
  title: string;
  source: string;
  totalLabel: string;
  total: RowReading;
  rows: ReconciledRow[];
  reconciliations: PlanReconciliation[];
  /** Inconsistencies of the table as printed, each explained by a reconciliation. */
  publishedInconsistencies: PlanInconsistency[];
}

/** Reads a row by position: the first 26 cells. Extra cells are reported by the validator. */
export function readRow(cells: readonly number[]): RowReading {
  const at = (i: number) => cells[i] ?? 0;
  return {
    total: { city: at(0), county: at(1) },
    months: MONTHS.map((m) => ({ city: at(2 * m), county: at(2 * m + 1) })),
  };
}

function applyChanges(reading: RowReading, changes: readonly PlanChange[]): RowReading {
  const months = reading.months.map((m) => ({ ...m }));
  for (const c of changes) {
    const month = months[c.month - 1];
    if (month) month[c.level] = c.reconciled;
  }
  return { total: { ...reading.total }, months };
}

/** Finds every total in the table that does not equal the sum it stands for. */
export function findInconsistencies(total: RowReading, rows: readonly { city: string; label: string; reading: RowReading }[]): PlanInconsistency[] {
  const found: PlanInconsistency[] = [];
  for (const row of rows) {
    for (const level of PLAN_LEVELS) {
      const sum = row.reading.months.reduce((s, m) => s + m[level], 0);
      if (sum !== row.reading.total[level]) {
        found.push({ kind: 'row-total', city: row.city, label: row.label, level, printed: row.reading.total[level], sum });
      }
    }
  }
  for (const month of MONTHS) {
    for (const level of PLAN_LEVELS) {
      const sum = rows.reduce((s, r) => s + (r.reading.months[month - 1]?.[level] ?? 0), 0);
      const printed = total.months[month - 1]?.[level] ?? 0;
      if (sum !== printed) found.push({ kind: 'month-total', month, level, printed, sum });
    }
  }
  for (const level of PLAN_LEVELS) {
    const ofCities = rows.reduce((s, r) => s + r.reading.total[level], 0);
    if (ofCities !== total.total[level]) found.push({ kind: 'grand-total', level, printed: total.total[level], sum: ofCities, of: 'cities' });
    const ofMonths = total.months.reduce((s, m) => s + m[level], 0);
    if (ofMonths !== total.total[level]) found.push({ kind: 'grand-total', level, printed: total.total[level], sum: ofMonths, of: 'months' });
  }
  return found;
}

/** One inconsistency in words, naming the city or month and both numbers. */
export function describeInconsistency(i: PlanInconsistency): string {
  const level = PLAN_LEVEL_LABELS[i.level];
  switch (i.kind) {
    case 'row-total':
      return `${i.label}${level}：表中合计 ${i.printed} 场，1—12月相加为 ${i.sum} 场`;
    case 'month-total':
      return `${i.month}月${level}：“市县区合计”行为 ${i.printed} 场，各市相加为 ${i.sum} 场`;
    case 'grand-total':
      return `全省${level}合计：表中为 ${i.printed} 场，${i.of === 'cities' ? '各市合计相加' : '各月合计相加'}为 ${i.sum} 场`;
  }
}

function isExplainedBy(i: PlanInconsistency, r: PlanReconciliation): boolean {
  if (i.kind === 'row-total') return i.city === r.city;
  if (i.kind === 'month-total') return r.changes.some((c) => c.month === i.month && c.level === i.level);
  return false;
}

/**
 * Checks a plan and returns it reconciled. Every problem is a sentence naming the city, the
 * month and both numbers; the plan is only usable when `errors` is empty.
 */
export function validatePlan(plan: PlanInput): { errors: string[]; plan: ReconciledPlan } {
  const errors: string[] = [];
  const labelOf = new Map(plan.rows.map((r) => [r.city, r.label]));
  const reconciliationOf = new Map<string, PlanReconciliation>();
  for (const r of plan.reconciliations) {
    if (reconciliationOf.has(r.city)) errors.push(`${labelOf.get(r.city) ?? r.city}：reconciliations 里出现了两次，请合并为一条`);
    reconciliationOf.set(r.city, r);
    if (!labelOf.has(r.city)) errors.push(`reconciliations 提到的 ${r.city} 不在表中`);
  }

  if (plan.totalRow.cells.length !== ROW_CELLS) {
    errors.push(`“${plan.totalRow.label}”行有 ${plan.totalRow.cells.length} 个数，应为 ${ROW_CELLS} 个`);
  }
  const seen = new Set<string>();
  for (const row of plan.rows) {
    if (seen.has(row.city)) errors.push(`${row.label}：在表中出现了两次`);
    seen.add(row.city);
    const declared = reconciliationOf.get(row.city)?.publishedCellCount;
    if (row.cells.length < ROW_CELLS) {
      errors.push(`${row.label}：这一行只有 ${row.cells.length} 个数，应为 ${ROW_CELLS} 个`);
    } else if (row.cells.length !== ROW_CELLS && declared !== row.cells.length) {
      errors.push(
        `${row.label}：这一行有 ${row.cells.length} 个数，应为 ${ROW_CELLS} 个；若原表确实如此，请在 reconciliations 中写明 publishedCellCount: ${row.cells.length} 并说明读法`,
      );
    }
  }

  const total = readRow(plan.totalRow.cells);
  const rows: ReconciledRow[] = plan.rows.map((row) => {
    const published = readRow(row.cells);
    const changes = reconciliationOf.get(row.city)?.changes ?? [];
    for (const c of changes) {
      const printed = published.months[c.month - 1]?.[c.level];
      if (printed !== c.published) {
        errors.push(`${row.label} ${c.month}月${PLAN_LEVEL_LABELS[c.level]}：说明里写原表为 ${c.published} 场，按位置读原表是 ${printed} 场`);
      }
    }
    return { city: row.city, label: row.label, published, reconciled: applyChanges(published, changes), changes };
  });

  const publishedInconsistencies = findInconsistencies(
    total,
    rows.map((r) => ({ city: r.city, label: r.label, reading: r.published })),
  );
  for (const i of publishedInconsistencies) {
    if (!plan.reconciliations.some((r) => isExplainedBy(i, r))) errors.push(`原表对不上：${describeInconsistency(i)}`);
  }
  for (const r of plan.reconciliations) {
    const needed = publishedInconsistencies.some((i) => isExplainedBy(i, r)) || (r.publishedCellCount ?? ROW_CELLS) !== ROW_CELLS;
    if (!needed) errors.push(`${labelOf.get(r.city) ?? r.city}：原表这一行本来就对得上，reconciliations 里的说明是多余的`);
  }
  for (const i of findInconsistencies(
    total,
    rows.map((r) => ({ city: r.city, label: r.label, reading: r.reconciled })),
  )) {
    errors.push(`按本站读法仍对不上：${describeInconsistency(i)}`);
  }

  return {
    errors: [...new Set(errors)],
    plan: {
      year: plan.year,
      notice: plan.notice,
      title: plan.title,
      source: plan.source,
      totalLabel: plan.totalRow.label,
      total,
      rows,
      reconciliations: plan.reconciliations,
      publishedInconsistencies,
    },
  };
}

/** Like {@link validatePlan} but throws one error listing every problem. */
export function reconcilePlanOrThrow(plan: PlanInput, file: string): ReconciledPlan {
  const { errors, plan: reconciled } = validatePlan(plan);
  if (errors.length > 0) {
    throw new Error(`计划表 ${file} 有 ${errors.length} 处问题：\n` + errors.map((e) => `  - ${e}`).join('\n'));
  }
  return reconciled;
}

/** Sums over a plan, for headline numbers. */
export function planTotals(plan: ReconciledPlan): { city: number; county: number; all: number; cities: number; months: number } {
  const city = plan.rows.reduce((s, r) => s + r.reconciled.total.city, 0);
  const county = plan.rows.reduce((s, r) => s + r.reconciled.total.county, 0);
  const months = plan.total.months.filter((m) => m.city + m.county > 0).length;
  return { city, county, all: city + county, cities: plan.rows.length, months };
}

/** One line of the long-format open data: a city in a month. */
export interface PlanDataRow {
  city_code: string;
  city: string;
  month: number;
  city_level: number;
  county_level: number;
}

/** The reconciled plan in long format, one row per city per month, in table order. */
export function planToLongRows(plan: ReconciledPlan, regionOf: (id: string) => { code: string; name: string }): PlanDataRow[] {
  return plan.rows.flatMap((row) => {
    const region = regionOf(row.city);
    return row.reconciled.months.map((m, i) => ({
      city_code: region.code,
      city: region.name,
      month: i + 1,
      city_level: m.city,
      county_level: m.county,
    }));
  });
}
