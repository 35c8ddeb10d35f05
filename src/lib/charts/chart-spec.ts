/**
 * What every chart of the plan page is, as data (ChartSpec: the finding in words, scenes for
 * phone and wide screens, the table), the context they are computed from, and the small helpers
 * their sentences share. Pure.
 */
import { type ReconciledPlan } from '../plan/table.ts';
import { type ProgressGrid, type TargetProgress } from '../plan/progress.ts';
import { type ChartScene } from './scene.ts';

/** A table printed right below a chart: the same numbers, for screen readers and for copying. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: { key: string; header: string; href?: string | undefined; cells: string[] }[];
  foot?: { header: string; cells: string[] } | undefined;
}

export interface ChartSpec {
  /** Anchor on the page and file name under /data/charts/. */
  id: string;
  /** The finding, in a sentence, computed from the data. */
  heading: string;
  /** What the chart shows (the SVG's <title>). */
  title: string;
  /** The numbers in words (the SVG's <desc>). */
  desc: string;
  /** True when a series includes demonstration events. */
  demo: boolean;
  /** Layout for phones (and the only one when `wide` is absent). */
  narrow: ChartScene;
  /** Layout from 40rem up, when the chart re-lays itself out rather than just growing. */
  wide?: ChartScene | undefined;
  table: ChartTable;
  /** Where the numbers come from, for the citation line and the standalone file. */
  source: string;
}

export interface ChartContext {
  plan: ReconciledPlan;
  grid: ProgressGrid;
  docNumber: string;
  targets: TargetProgress[];
}

export const n = (v: number) => String(v);
export const monthLabel = (i: number) => `${i + 1}月`;
/** Labels of the items holding the largest value, joined with 、 (ties are all named). */
export function leaders<T>(items: readonly T[], value: (t: T) => number, name: (t: T) => string): { names: string; value: number } {
  const max = Math.max(...items.map(value));
  return {
    names: items
      .filter((t) => value(t) === max)
      .map(name)
      .join('、'),
    value: max,
  };
}
export function trailers<T>(items: readonly T[], value: (t: T) => number, name: (t: T) => string): { names: string; value: number } {
  const min = Math.min(...items.map(value));
  return {
    names: items
      .filter((t) => value(t) === min)
      .map(name)
      .join('、'),
    value: min,
  };
}

export const planSource = (c: ChartContext) => `${c.docNumber}附件《${c.plan.title}》`;
export const progressSource = (c: ChartContext) => `计划：${c.docNumber}附件；已发布、已举办：各设区市报送并在本站发布的活动，截至${c.grid.asOf}`;
