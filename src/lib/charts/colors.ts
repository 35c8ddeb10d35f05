/**
 * Chart colours and the contrast arithmetic that chooses them. Every series colour keeps at least
 * 3:1 against white (WCAG 1.4.11, graphics needed to understand the chart) and every number
 * printed on a fill keeps at least 4.5:1 (WCAG 1.4.3). Pure.
 */

/** Ink, grid and background of every chart; equal to the site's tokens in global.css. */
export const INK = '#1b1b1b';
export const MUTED = '#4a4a4a';
export const GRID = '#c9ced6';
export const PAPER = '#ffffff';
/** The 示例 mark: the site's accent red, as on .demo-badge. */
export const DEMO = '#b3221b';

/** How one series is drawn. `hatch` adds white diagonal stripes so it differs by more than hue. */
export interface SeriesStyle {
  fill: string;
  stroke?: string;
  hatch?: boolean;
}

/**
 * The series every chart uses. 市级 solid dark blue, 县区 lighter blue with stripes; 计划 an
 * outlined pale bar; 已举办 solid brown, 已发布未举办 lighter brown with stripes.
 */
export const SERIES = {
  city: { fill: '#0b4a8b' },
  county: { fill: '#4a7fbf', stroke: '#2d5f9c', hatch: true },
  plan: { fill: '#dbe6f3', stroke: '#0b4a8b' },
  held: { fill: '#8a3b00' },
  pending: { fill: '#c4601c', stroke: '#8a3b00', hatch: true },
} as const satisfies Record<string, SeriesStyle>;
export type SeriesKey = keyof typeof SERIES;

/** Sequential blues for counts, lightest (zero) first. */
export const BUCKET_FILLS = ['#f3f6fa', '#d2e2f2', '#a6c5e6', '#6b9bd1', '#2f6cb0', '#0b3f77'] as const;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(hex);
  if (!m) throw new Error(`不是 #rrggbb 颜色：${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => channel(Number.parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dark ink or white, whichever reads better on `fill`. */
export function textOn(fill: string): string {
  return contrastRatio(fill, INK) >= contrastRatio(fill, PAPER) ? INK : PAPER;
}

/**
 * Bucket boundaries on the 1-2-5 ladder (1, 2, 5, 10, 20, 50 …) that fall inside the data, at
 * most `buckets - 1` of them (the largest kept), so a legend reads "5—9", "10—19", "≥20".
 */
export function niceThresholds(values: readonly number[], buckets: number = BUCKET_FILLS.length): number[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const ladder: number[] = [];
  for (let p = 1; p <= Math.max(1, max); p *= 10) for (const m of [1, 2, 5]) ladder.push(m * p);
  const inside = ladder.filter((t) => t > min && t <= max);
  return inside.slice(Math.max(0, inside.length - (buckets - 1)));
}

/** One colour bucket: its range in words and its fill. */
export interface Bucket {
  index: number;
  from: number;
  to: number | null;
  label: string;
  fill: string;
  text: string;
}

/**
 * The buckets for a set of thresholds: [min, t0), [t0, t1) … [tn, ∞). Fills are spread over the
 * palette so the darkest bucket always gets the darkest blue.
 */
export function bucketsFor(thresholds: readonly number[], min = 0): Bucket[] {
  const n = thresholds.length + 1;
  const bounds = [min, ...thresholds];
  return bounds.map((from, i) => {
    const to = i + 1 < bounds.length ? bounds[i + 1]! - 1 : null;
    const fill = BUCKET_FILLS[n === 1 ? 0 : Math.round((i * (BUCKET_FILLS.length - 1)) / (n - 1))]!;
    const label = to === null ? `≥${from}` : to === from ? `${from}` : `${from}—${to}`;
    return { index: i, from, to, label, fill, text: textOn(fill) };
  });
}

/** The bucket a value falls in. */
export function bucketOf(value: number, buckets: readonly Bucket[]): Bucket {
  return [...buckets].reverse().find((b) => value >= b.from) ?? buckets[0]!;
}
