/**
 * A chart as a flat list of marks (rectangles, lines, text) in a fixed coordinate space. The
 * page draws the marks with Astro markup (ChartSvg.astro); the downloadable SVG and PNG draw the
 * same marks through {@link sceneToSvg}, which escapes every piece of text. Pure.
 */
import { escapeHtml } from '../text.ts';
import { DEMO, INK, MUTED, PAPER, SERIES, type SeriesKey, type SeriesStyle } from './colors.ts';
import { FONT, FONT_FAMILY, reservedWidth, textWidth, wrapText } from './text.ts';

export type Anchor = 'start' | 'middle' | 'end';

/**
 * `cls` names a role CSS may restyle (适老化, print): `t` label text, `s` small text, `v` value on
 * a bar, `inv` text printed on a dark fill, `g` grid line, `bar` a data bar.
 */
export type Mark =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string;
      stroke?: string | undefined;
      hatch?: boolean | undefined;
      cls?: string | undefined;
    }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor?: Anchor | undefined;
      bold?: boolean | undefined;
      cls?: string | undefined;
    }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: string | undefined; cls?: string | undefined }
  /** Many same-coloured rectangles as one path (the heat map's cells), to keep the page small. */
  | { kind: 'boxes'; boxes: { x: number; y: number; w: number; h: number }[]; fill: string; cls?: string | undefined };

export interface ChartScene {
  width: number;
  height: number;
  marks: Mark[];
}

/** One decimal place is finer than a pixel and keeps the markup short. */
export const r1 = (n: number): number => Math.round(n * 10) / 10;

/** A text mark whose `y` is the visual middle of the line (baseline moved down by 0.35 em). */
export function label(
  x: number,
  yMiddle: number,
  text: string,
  opts: { size?: number; fill?: string; anchor?: Anchor; bold?: boolean; cls?: string } = {},
): Mark {
  const size = opts.size ?? FONT.label;
  return {
    kind: 'text',
    x: r1(x),
    y: r1(yMiddle + size * 0.35),
    text,
    size,
    fill: opts.fill ?? INK,
    anchor: opts.anchor,
    bold: opts.bold,
    cls: opts.cls ?? (size < FONT.label ? 's' : 't'),
  };
}

/** A bar in a series' style. */
export function bar(x: number, y: number, w: number, h: number, style: SeriesStyle): Mark {
  return { kind: 'rect', x: r1(x), y: r1(y), w: r1(Math.max(0, w)), h: r1(h), fill: style.fill, stroke: style.stroke, hatch: style.hatch, cls: 'bar' };
}

/**
 * Marks reordered so that alike marks sit together (bars by fill, then lines, then text by
 * role), which lets the SVG writer state shared attributes once. Nothing drawn overlaps
 * differently: bars never overlap each other and text and lines stay on top of bars.
 */
export function layered(marks: readonly Mark[]): Mark[] {
  const rank = (m: Mark) => (m.kind === 'rect' || m.kind === 'boxes' ? 0 : m.kind === 'line' ? 1 : 2);
  const keyOf = (m: Mark) =>
    m.kind === 'boxes'
      ? m.fill
      : m.kind === 'rect'
        ? `${m.fill}|${m.stroke ?? ''}|${m.hatch ? 1 : 0}|${m.cls ?? ''}`
        : m.kind === 'line'
          ? `${m.stroke}|${m.dash ?? ''}|${m.cls ?? ''}`
          : `${m.cls ?? ''}|${m.size}|${m.fill}|${m.anchor ?? ''}|${m.bold ? 1 : 0}`;
  return marks
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || keyOf(a.m).localeCompare(keyOf(b.m)) || a.i - b.i)
    .map(({ m }) => m);
}

/** Marks moved by (dx, dy). */
export function translate(marks: readonly Mark[], dx: number, dy: number): Mark[] {
  return marks.map((m) =>
    m.kind === 'line'
      ? { ...m, x1: r1(m.x1 + dx), x2: r1(m.x2 + dx), y1: r1(m.y1 + dy), y2: r1(m.y2 + dy) }
      : m.kind === 'boxes'
        ? { ...m, boxes: m.boxes.map((b) => ({ ...b, x: r1(b.x + dx), y: r1(b.y + dy) })) }
        : { ...m, x: r1(m.x + dx), y: r1(m.y + dy) },
  );
}

/** A legend entry: a swatch drawn like the series and its name; `demo` adds a visible 示例 badge. */
export interface LegendItem {
  swatch: SeriesStyle;
  label: string;
  demo?: boolean | undefined;
  /** Draw a dashed line (a target) instead of a box. */ line?: boolean | undefined;
}

/** A legend entry for one of the standard series. */
export const seriesItem = (series: SeriesKey, text: string, demo = false): LegendItem => ({ swatch: SERIES[series], label: text, demo });

/** The 示例 badge: red outline and red bold text, as on the site's .demo-badge. */
export function demoBadge(x: number, yMiddle: number, size: number = FONT.small): { marks: Mark[]; width: number } {
  const w = textWidth('示例', size) + 8;
  return {
    width: w,
    marks: [
      { kind: 'rect', x: r1(x), y: r1(yMiddle - size * 0.75), w: r1(w), h: r1(size * 1.5), fill: PAPER, stroke: DEMO, cls: 'demo' },
      label(x + w / 2, yMiddle, '示例', { size, fill: DEMO, anchor: 'middle', bold: true, cls: 'demo' }),
    ],
  };
}

/**
 * Legend items laid out left to right, wrapping to a new line when the next item (measured at
 * the 适老化 size) would pass `maxWidth`.
 */
export function legend(items: readonly LegendItem[], maxWidth: number, size: number = FONT.small): { marks: Mark[]; height: number } {
  const line = Math.round(size * 1.9);
  const marks: Mark[] = [];
  let x = 0;
  let y = line / 2;
  for (const item of items) {
    const badge = item.demo ? reservedWidth('示例', size) + 12 : 0;
    const w = 14 + 5 + reservedWidth(item.label, size) + badge + 14;
    if (x > 0 && x + w - 14 > maxWidth) {
      x = 0;
      y += line;
    }
    marks.push(
      item.line
        ? { kind: 'line', x1: r1(x + 7), x2: r1(x + 7), y1: r1(y - 8), y2: r1(y + 8), stroke: INK, width: 2, dash: '5 3', cls: 'target' }
        : bar(x, y - 6, 14, 12, item.swatch),
    );
    marks.push(label(x + 19, y, item.label, { size, fill: INK }));
    if (item.demo) marks.push(...demoBadge(x + 19 + reservedWidth(item.label, size) + 4, y, size).marks);
    x += w;
  }
  return { marks, height: items.length === 0 ? 0 : y + line / 2 };
}

/** What a standalone file adds around the chart: its finding as a title, and its source. */
export interface Frame {
  title: string;
  subtitle?: string | undefined;
  source: string;
  demo: boolean;
}

/**
 * The chart with a title above and the source below, on white, for the downloadable SVG and
 * PNG, which travel without the page around them.
 */
export function frameScene(scene: ChartScene, frame: Frame): ChartScene {
  const pad = 16;
  const width = Math.max(scene.width + 2 * pad, 360);
  const inner = width - 2 * pad;
  const marks: Mark[] = [];
  let y = pad;
  for (const line of wrapText(frame.title, FONT.title, inner - (frame.demo ? 48 : 0))) {
    marks.push(label(pad, y + FONT.title * 0.7, line, { size: FONT.title, bold: true, cls: 'h' }));
    y += FONT.title * 1.45;
  }
  if (frame.demo) marks.push(...demoBadge(width - pad - textWidth('示例', FONT.label) - 8, pad + FONT.title * 0.7, FONT.label).marks);
  for (const line of frame.subtitle ? wrapText(frame.subtitle, FONT.small, inner) : []) {
    marks.push(label(pad, y + FONT.small * 0.7, line, { size: FONT.small, fill: MUTED }));
    y += FONT.small * 1.5;
  }
  y += 8;
  marks.push(...translate(scene.marks, pad + (inner - scene.width) / 2, y));
  y += scene.height + 10;
  for (const line of wrapText(frame.source, FONT.small, inner)) {
    marks.push(label(pad, y + FONT.small * 0.7, line, { size: FONT.small, fill: MUTED }));
    y += FONT.small * 1.5;
  }
  return { width: r1(width), height: r1(y + pad / 2), marks };
}

/** The id of the stripe pattern for a hatched fill colour. */
export const hatchId = (prefix: string, fill: string): string => `${prefix}-hatch-${fill.replace('#', '')}`;

/** Attributes of a mark as [name, value] pairs, shared by both renderers so they cannot drift. */
export function markAttributes(m: Mark, prefix: string): { tag: 'rect' | 'text' | 'line' | 'path'; attrs: [string, string | number][] } {
  const cls: [string, string][] = m.cls ? [['class', m.cls]] : [];
  if (m.kind === 'boxes') {
    return { tag: 'path', attrs: [['d', m.boxes.map((b) => `M${r1(b.x)} ${r1(b.y)}h${r1(b.w)}v${r1(b.h)}h${r1(-b.w)}z`).join('')], ['fill', m.fill], ...cls] };
  }
  if (m.kind === 'rect') {
    const fill = m.hatch ? `url(#${hatchId(prefix, m.fill)})` : m.fill;
    return {
      tag: 'rect',
      attrs: [
        ['x', m.x],
        ['y', m.y],
        ['width', m.w],
        ['height', m.h],
        ['fill', fill],
        ...(m.stroke ? ([['stroke', m.stroke]] as [string, string][]) : []),
        ...cls,
      ],
    };
  }
  if (m.kind === 'line') {
    return {
      tag: 'line',
      attrs: [
        ['x1', m.x1],
        ['y1', m.y1],
        ['x2', m.x2],
        ['y2', m.y2],
        ['stroke', m.stroke],
        ['stroke-width', m.width],
        ...(m.dash ? ([['stroke-dasharray', m.dash]] as [string, string][]) : []),
        ...cls,
      ],
    };
  }
  return {
    tag: 'text',
    attrs: [
      ['x', m.x],
      ['y', m.y],
      ['font-size', m.size],
      ['fill', m.fill],
      ...(m.anchor && m.anchor !== 'start' ? ([['text-anchor', m.anchor]] as [string, string][]) : []),
      ...(m.bold ? ([['font-weight', 'bold']] as [string, string][]) : []),
      ...cls,
    ],
  };
}

/** The stripe patterns a scene needs: one per hatched fill colour, in first-use order. */
export function hatchPatterns(scene: ChartScene, prefix: string): { id: string; fill: string }[] {
  const fills = [...new Set(scene.marks.flatMap((m) => (m.kind === 'rect' && m.hatch ? [m.fill] : [])))];
  return fills.map((fill) => ({ id: hatchId(prefix, fill), fill }));
}

/** The stripes: white diagonal lines over the series colour. */
export const HATCH = { size: 6, stripe: 2.2, angle: 45, fill: PAPER } as const;

/** One SVG element to write: its tag, attributes, and text content for <text>. */
export interface SvgElement {
  tag: 'rect' | 'text' | 'line' | 'path';
  attrs: [string, string | number][];
  text?: string | undefined;
}
/** A run of elements sharing attributes, which are written once on a <g> around them. */
export interface SvgGroup {
  attrs: [string, string | number][];
  children: SvgElement[];
}

/** Attributes SVG inherits from a <g> (class is not inherited, but the CSS that reads it sets inherited properties). */
const HOISTABLE = new Set(['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-weight', 'text-anchor', 'class']);

/**
 * The scene as groups of elements: consecutive elements of one kind that share inheritable
 * attributes get them once, on a <g>. The heat map's 156 cells shrink by more than half. Both
 * renderers (the page's ChartSvg.astro and {@link sceneToSvg}) write exactly this.
 */
export function svgGroups(scene: ChartScene, prefix: string): SvgGroup[] {
  const elements: SvgElement[] = scene.marks.map((m) => ({ ...markAttributes(m, prefix), text: m.kind === 'text' ? m.text : undefined }));
  const style = (e: SvgElement) =>
    `${e.tag}|` +
    e.attrs
      .filter(([k]) => HOISTABLE.has(k))
      .map(([k, v]) => `${k}=${v}`)
      .join('|');
  const groups: SvgGroup[] = [];
  for (let i = 0; i < elements.length;) {
    let j = i;
    while (j < elements.length && style(elements[j]!) === style(elements[i]!)) j++;
    const run = elements.slice(i, j);
    const common = run.length >= 3 ? run[0]!.attrs.filter(([k]) => HOISTABLE.has(k)) : [];
    groups.push({ attrs: common, children: common.length > 0 ? run.map((e) => ({ ...e, attrs: e.attrs.filter(([k]) => !HOISTABLE.has(k)) })) : run });
    i = j;
  }
  return groups;
}

/** A complete, self-contained SVG document (presentation attributes only, no style element). */
export function sceneToSvg(scene: ChartScene, meta: { id: string; title: string; desc: string }): string {
  const attr = (pairs: [string, string | number][]) => pairs.map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`).join('');
  const element = (e: SvgElement) => (e.tag === 'text' ? `<text${attr(e.attrs)}>${escapeHtml(e.text ?? '')}</text>` : `<${e.tag}${attr(e.attrs)}/>`);
  const body = svgGroups(scene, meta.id)
    .map((g) => (g.attrs.length > 0 ? `<g${attr(g.attrs)}>\n${g.children.map(element).join('\n')}\n</g>` : g.children.map(element).join('\n')))
    .join('\n');
  const patterns = hatchPatterns(scene, meta.id);
  const defs =
    patterns.length > 0
      ? `<defs>${patterns.map((p) => `<pattern id="${escapeHtml(p.id)}" width="${HATCH.size}" height="${HATCH.size}" patternUnits="userSpaceOnUse" patternTransform="rotate(${HATCH.angle})"><rect width="${HATCH.size}" height="${HATCH.size}" fill="${escapeHtml(p.fill)}"/><rect width="${HATCH.stripe}" height="${HATCH.size}" fill="${HATCH.fill}"/></pattern>`).join('')}</defs>\n`
      : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${escapeHtml(FONT_FAMILY)}" role="img" aria-labelledby="${escapeHtml(meta.id)}-title ${escapeHtml(meta.id)}-desc">\n` +
    `<title id="${escapeHtml(meta.id)}-title">${escapeHtml(meta.title)}</title>\n<desc id="${escapeHtml(meta.id)}-desc">${escapeHtml(meta.desc)}</desc>\n` +
    defs +
    `<rect width="100%" height="100%" fill="${PAPER}"/>\n` +
    body +
    `\n</svg>\n`
  );
}
