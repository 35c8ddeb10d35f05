/**
 * Bar chart geometry, computed with d3-scale at build time. Horizontal bars fit a 360 px phone
 * with labels at full size; vertical columns are the wide layout for months. Every value is
 * printed at the end of its bar, and the label rules below keep printed text from colliding.
 * Pure.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { GRID, INK, MUTED, SERIES, type SeriesKey } from './colors.ts';
import { bar, label, layered, legend, r1, type ChartScene, type LegendItem, type Mark } from './scene.ts';
import { ELDER_SCALE, FONT, reservedWidth } from './text.ts';

/** One stacked piece of a bar. */
export interface BarPart {
  value: number;
  series: SeriesKey;
}
/** A bar: its stacked parts and the text printed at its end (usually the total). */
export interface Bar {
  parts: BarPart[];
  label: string;
}
/** A category (a city, a month) with one or more bars side by side. */
export interface BarGroup {
  key: string;
  label: string;
  bars: Bar[];
  /** Text at the far end of the row (horizontal) or under the category label (vertical). */
  note?: string | undefined;
  /** A dashed reference line across this group's bars (a target). */
  target?: number | undefined;
}
export interface BarChartInput {
  groups: BarGroup[];
  legend: LegendItem[];
  /** Heading over the notes column (horizontal bars), e.g. 完成率. */
  noteTitle?: string | undefined;
}

const total = (b: Bar) => b.parts.reduce((s, p) => s + p.value, 0);
const maxOf = (groups: readonly BarGroup[]) => Math.max(1, ...groups.flatMap((g) => [...g.bars.map(total), g.target ?? 0]));

/** Bar thickness and spacing (user units). The pitch fits a value label at the 适老化 size. */
export const BAR = { thickness: 13, gap: 3, groupGap: 11 } as const;

/**
 * Horizontal grouped bars: category labels in a left column sized to the longest one, values
 * after each bar, notes right-aligned in their own column so nothing overlaps.
 */
export function horizontalBars(input: BarChartInput, width = 340): ChartScene {
  const key = legend(input.legend, width);
  const titleLine = input.noteTitle ? FONT.small * ELDER_SCALE * 1.4 : 0;
  const top = key.height + (key.height > 0 ? 10 : 0) + titleLine;
  const labelCol = Math.max(...input.groups.map((g) => reservedWidth(g.label, FONT.label))) + 8;
  const notes = input.groups.map((g) => g.note ?? '');
  const noteCol = notes.some(Boolean) ? Math.max(...[...notes, input.noteTitle ?? ''].map((n) => reservedWidth(n, FONT.small))) + 10 : 0;
  const valueCol = Math.max(...input.groups.flatMap((g) => g.bars.map((b) => reservedWidth(b.label, FONT.small)))) + 6;
  const x = scaleLinear()
    .domain([0, maxOf(input.groups)])
    .range([labelCol, width - noteCol - valueCol]);
  const marks: Mark[] = [...key.marks];
  if (input.noteTitle) marks.push(label(width, top - titleLine / 2 - 3, input.noteTitle, { size: FONT.small, anchor: 'end', fill: MUTED }));
  let y = top;
  for (const g of input.groups) {
    const groupTop = y;
    for (const b of g.bars) {
      let x0 = x(0);
      for (const p of b.parts) {
        const w = x(p.value) - x(0);
        if (p.value > 0) marks.push(bar(x0, y, w, BAR.thickness, SERIES[p.series]));
        x0 += w;
      }
      marks.push(label(x0 + 4, y + BAR.thickness / 2, b.label, { size: FONT.small, cls: 'v' }));
      y += BAR.thickness + BAR.gap;
    }
    const groupBottom = y - BAR.gap;
    const middle = (groupTop + groupBottom) / 2;
    marks.push(label(labelCol - 8, middle, g.label, { anchor: 'end' }));
    if (g.note) marks.push(label(width, middle, g.note, { size: FONT.small, anchor: 'end', fill: MUTED, cls: 's' }));
    if (g.target !== undefined) {
      marks.push({
        kind: 'line',
        x1: r1(x(g.target)),
        x2: r1(x(g.target)),
        y1: r1(groupTop - 4),
        y2: r1(groupBottom + 4),
        stroke: INK,
        width: 2,
        dash: '5 3',
        cls: 'target',
      });
    }
    y += BAR.groupGap;
  }
  const bottom = y - BAR.groupGap + 4;
  marks.push({ kind: 'line', x1: r1(x(0)), x2: r1(x(0)), y1: r1(top - 4), y2: r1(bottom), stroke: INK, width: 1, cls: 'axis' });
  return { width, height: r1(bottom + 2), marks: [...key.marks, ...layered(marks.slice(key.marks.length))] };
}

/** A label's horizontal extent and its line, for collision checks. */
export interface PlacedLabel {
  x: number;
  w: number;
  y: number;
}

/**
 * Collision rule for value labels above columns: a label that would overlap one already placed
 * on the same line moves up one line, as many times as needed. Returns the new y of each.
 */
export function liftOverlapping(labels: readonly PlacedLabel[], lineHeight: number): number[] {
  const placed: PlacedLabel[] = [];
  return labels.map((l) => {
    let y = l.y;
    const hits = (p: PlacedLabel) => Math.abs(p.y - y) < lineHeight && l.x - l.w / 2 < p.x + p.w / 2 + 1 && p.x - p.w / 2 < l.x + l.w / 2 + 1;
    while (placed.some(hits)) y -= lineHeight;
    placed.push({ ...l, y });
    return y;
  });
}

/**
 * Collision rule for category labels under columns: the smallest step (1 = every label, 2 =
 * every other …) at which no two shown labels come closer than `gap`.
 */
export function labelStep(items: readonly { center: number; width: number }[], gap = 4): number {
  for (let step = 1; step < items.length; step++) {
    const shown = items.filter((_, i) => i % step === 0);
    if (shown.every((a, i) => i === 0 || shown[i - 1]!.center + shown[i - 1]!.width / 2 + gap <= a.center - a.width / 2)) return step;
  }
  return Math.max(1, items.length);
}

/** Vertical grouped columns with a value axis: the wide layout for twelve months. */
export function verticalBars(input: BarChartInput, width = 640, plotHeight = 200): ChartScene {
  const key = legend(input.legend, width);
  const line = FONT.small * ELDER_SCALE * 1.15;
  const y = scaleLinear()
    .domain([0, maxOf(input.groups)])
    .nice(5);
  const ticks = y.ticks(5);
  const left = Math.max(...ticks.map((t) => reservedWidth(String(t), FONT.small))) + 8;
  const plotTop = key.height + 10 + 2 * line;
  const base = plotTop + plotHeight;
  y.range([base, plotTop]);
  const band = scaleBand<string>()
    .domain(input.groups.map((g) => g.key))
    .range([left, width])
    .paddingInner(0.28)
    .paddingOuter(0.12);
  const marks: Mark[] = [...key.marks];
  for (const t of ticks) {
    marks.push({ kind: 'line', x1: r1(left), x2: width, y1: r1(y(t)), y2: r1(y(t)), stroke: t === 0 ? INK : GRID, width: 1, cls: t === 0 ? 'axis' : 'g' });
    marks.push(label(left - 6, y(t), String(t), { size: FONT.small, anchor: 'end', fill: MUTED }));
  }
  const values: { mark: Mark; placed: PlacedLabel }[] = [];
  for (const g of input.groups) {
    const bw = band.bandwidth() / g.bars.length;
    g.bars.forEach((b, i) => {
      const x0 = band(g.key)! + i * bw;
      let top = base;
      for (const p of b.parts) {
        const h = base - y(p.value);
        if (p.value > 0) marks.push(bar(x0 + 0.5, top - h, bw - 1, h, SERIES[p.series]));
        top -= h;
      }
      const m = label(x0 + bw / 2, top - line / 2 - 1, b.label, { size: FONT.small, anchor: 'middle', cls: 'v' });
      values.push({ mark: m, placed: { x: x0 + bw / 2, w: reservedWidth(b.label, FONT.small), y: top - line / 2 - 1 } });
    });
    if (g.target !== undefined) {
      const ty = r1(y(g.target));
      marks.push({
        kind: 'line',
        x1: r1(band(g.key)! - 3),
        x2: r1(band(g.key)! + band.bandwidth() + 3),
        y1: ty,
        y2: ty,
        stroke: INK,
        width: 1.5,
        dash: '4 3',
        cls: 'target',
      });
    }
  }
  const lifted = liftOverlapping(
    values.map((v) => v.placed),
    line,
  );
  values.forEach((v, i) => marks.push(v.mark.kind === 'text' ? { ...v.mark, y: r1(v.mark.y + lifted[i]! - v.placed.y) } : v.mark));
  const centers = input.groups.map((g) => ({ center: band(g.key)! + band.bandwidth() / 2, width: reservedWidth(g.label, FONT.label) }));
  const step = labelStep(centers);
  input.groups.forEach((g, i) => {
    if (i % step !== 0) return;
    marks.push(label(centers[i]!.center, base + 12, g.label, { anchor: 'middle' }));
    if (g.note) marks.push(label(centers[i]!.center, base + 12 + FONT.label * 1.4, g.note, { size: FONT.small, anchor: 'middle', fill: MUTED }));
  });
  const hasNotes = input.groups.some((g) => g.note);
  return { width, height: r1(base + 12 + FONT.label * (hasNotes ? 2.3 : 1) + 6), marks: [...key.marks, ...layered(marks.slice(key.marks.length))] };
}
