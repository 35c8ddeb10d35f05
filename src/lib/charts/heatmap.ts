/**
 * City × month heat map: one cell per city per month, filled by colour bucket and always
 * carrying its number, so colour is never the only way to read it. Fits 320 units wide. Pure.
 */
import { bucketOf, bucketsFor, MUTED, niceThresholds, type Bucket } from './colors.ts';
import { label, legend, r1, translate, type ChartScene, type Mark } from './scene.ts';
import { FONT, reservedWidth } from './text.ts';

export interface HeatmapInput {
  rows: { key: string; label: string; values: number[] }[];
  /** Column headings, e.g. "1" … "12". */
  columns: string[];
  /** Word over the column headings, e.g. 月份. */
  columnTitle: string;
}

/** The buckets the heat map's cells fall into, from its own values. */
export function heatmapBuckets(input: HeatmapInput): Bucket[] {
  const values = input.rows.flatMap((r) => r.values);
  return bucketsFor(niceThresholds(values), Math.min(0, ...values));
}

/** The heat map in a fixed viewBox; cells shrink to fit `width`, numbers stay at 11.5 units. */
export function heatmap(input: HeatmapInput, width = 320): ChartScene {
  const buckets = heatmapBuckets(input);
  const labelCol = Math.max(...input.rows.map((r) => reservedWidth(r.label, FONT.label))) + 6;
  const cellW = (width - labelCol) / input.columns.length;
  const cellH = 22;
  const head = FONT.small * 1.8;
  const marks: Mark[] = [label(labelCol - 6, head / 2, input.columnTitle, { size: FONT.small, anchor: 'end', fill: MUTED })];
  input.columns.forEach((c, i) => marks.push(label(labelCol + (i + 0.5) * cellW, head / 2, c, { size: FONT.small, anchor: 'middle', fill: MUTED })));
  // Cells first, then their numbers grouped by colour: the page writes shared attributes once.
  const cells = new Map<string, { x: number; y: number; w: number; h: number }[]>();
  const numbers: Mark[] = [];
  input.rows.forEach((row, j) => {
    const y = head + j * cellH;
    marks.push(label(labelCol - 6, y + cellH / 2, row.label, { anchor: 'end' }));
    row.values.forEach((v, i) => {
      const b = bucketOf(v, buckets);
      cells.set(b.fill, [...(cells.get(b.fill) ?? []), { x: labelCol + i * cellW, y, w: cellW - 1.5, h: cellH - 1.5 }]);
      numbers.push(
        label(labelCol + (i + 0.5) * cellW - 0.75, y + cellH / 2 - 0.75, String(v), {
          size: FONT.small,
          anchor: 'middle',
          fill: v === 0 ? MUTED : b.text,
          cls: b.text === '#ffffff' && v !== 0 ? 's inv' : 's',
        }),
      );
    });
  });
  const fillOf = (m: Mark) => (m.kind === 'text' ? m.fill : '');
  for (const b of buckets) if (cells.has(b.fill)) marks.push({ kind: 'boxes', fill: b.fill, boxes: cells.get(b.fill)! });
  marks.push(...numbers.sort((a, b) => fillOf(a).localeCompare(fillOf(b))));
  const gridBottom = head + input.rows.length * cellH + 8;
  const key = legend(
    buckets.map((b) => ({ swatch: { fill: b.fill, stroke: MUTED }, label: `${b.label}场` })),
    width,
  );
  marks.push(...translate(key.marks, 0, gridBottom));
  return { width, height: r1(gridBottom + key.height), marks };
}
