import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { horizontalBars, labelStep, liftOverlapping, verticalBars } from '../../src/lib/charts/bars.ts';
import { BUCKET_FILLS, bucketOf, bucketsFor, contrastRatio, INK, niceThresholds, PAPER, SERIES } from '../../src/lib/charts/colors.ts';
import { heatmap } from '../../src/lib/charts/heatmap.ts';
import { frameScene, sceneToSvg, seriesItem, svgGroups, type ChartScene, type Mark } from '../../src/lib/charts/scene.ts';
import { textWidth, wrapText } from '../../src/lib/charts/text.ts';
import { JIANGSU_TILES, tileMap } from '../../src/lib/charts/tile-map.ts';

const texts = (s: ChartScene) => s.marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text');
const rects = (s: ChartScene) => s.marks.filter((m): m is Extract<Mark, { kind: 'rect' }> => m.kind === 'rect');

describe('colours', () => {
  it('every series keeps 3:1 against white (non-text contrast), by fill or outline', () => {
    for (const [key, s] of Object.entries(SERIES)) {
      const best = Math.max(contrastRatio(s.fill, PAPER), 'stroke' in s && s.stroke ? contrastRatio(s.stroke, PAPER) : 0);
      expect(best, key).toBeGreaterThanOrEqual(3);
    }
  });
  it('numbers printed on every bucket colour keep 4.5:1', () => {
    for (const b of bucketsFor([1, 2, 5, 10, 20])) expect(contrastRatio(b.fill, b.text), b.label).toBeGreaterThanOrEqual(4.5);
  });
  it('contrast arithmetic matches WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  it('thresholds follow the 1-2-5 ladder inside the data, at most buckets - 1 of them', () => {
    expect(niceThresholds([0, 3, 20])).toEqual([1, 2, 5, 10, 20]);
    expect(niceThresholds([10, 22, 144], 5)).toEqual([20, 50, 100]);
    expect(niceThresholds([0, 1000], 3)).toEqual([500, 1000]);
    expect(niceThresholds([])).toEqual([]);
  });
  it('buckets cover every value once, the darkest for the largest', () => {
    const buckets = bucketsFor([1, 2, 5]);
    expect(buckets.map((b) => b.label)).toEqual(['0', '1', '2—4', '≥5']);
    expect(bucketOf(0, buckets).index).toBe(0);
    expect(bucketOf(4, buckets).label).toBe('2—4');
    expect(bucketOf(99, buckets).fill).toBe(BUCKET_FILLS.at(-1));
  });
});

describe('text', () => {
  it('measures CJK at one em and digits narrower', () => {
    expect(textWidth('南京', 10)).toBe(20);
    expect(textWidth('12', 10)).toBeLessThan(14);
    expect(textWidth('“', 10)).toBe(10);
  });
  it('wraps within the width, never ending a line on an opening mark or starting one on a closing mark', () => {
    const lines = wrapText('苏商建函〔2026〕66号附件《各设区市“五进”活动计划表》，经本站整理。', 12, 120);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(120 + 12);
    for (const l of lines) expect(l).not.toMatch(/[“《〔（]$/u);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、”》〕）]/u);
    expect(lines.join('')).toBe('苏商建函〔2026〕66号附件《各设区市“五进”活动计划表》，经本站整理。');
  });
});

describe('horizontal bars', () => {
  const scene = horizontalBars(
    {
      legend: [seriesItem('city', '市级'), seriesItem('county', '县区')],
      groups: [
        {
          key: 'a',
          label: '连云港',
          note: '共10',
          bars: [
            { parts: [{ value: 7, series: 'city' }], label: '7' },
            { parts: [{ value: 3, series: 'county' }], label: '3' },
          ],
        },
        {
          key: 'b',
          label: '徐州',
          note: '共144',
          bars: [
            { parts: [{ value: 14, series: 'city' }], label: '14' },
            { parts: [{ value: 130, series: 'county' }], label: '130' },
          ],
        },
        {
          key: 'c',
          label: '无锡',
          bars: [
            { parts: [{ value: 0, series: 'city' }], label: '0' },
            { parts: [{ value: 22, series: 'county' }], label: '22' },
          ],
        },
      ],
    },
    340,
  );
  it('bar lengths are proportional to the values and start at one baseline', () => {
    const bars = rects(scene).filter((r) => r.cls === 'bar' && r.y > 20);
    const len = (v: number) => bars.find((b) => Math.abs(b.w - bars.find((x) => x.w === Math.max(...bars.map((y) => y.w)))!.w * (v / 130)) < 0.2);
    expect(len(14)).toBeDefined();
    expect(new Set(bars.map((b) => b.x)).size).toBe(1);
    expect(bars).toHaveLength(5); // the zero bar is not drawn, its label is
  });
  it('every value is printed, and nothing passes the right edge', () => {
    const t = texts(scene).map((m) => m.text);
    for (const v of ['7', '3', '14', '130', '0', '22', '共144']) expect(t).toContain(v);
    for (const m of texts(scene)) {
      const right = m.anchor === 'end' ? m.x : m.x + textWidth(m.text, m.size * 1.2);
      expect(right, m.text).toBeLessThanOrEqual(340 + 0.5);
    }
  });
  it('value labels never overlap the notes column', () => {
    const values = texts(scene).filter((m) => m.cls === 'v');
    const noteLeft = Math.min(
      ...texts(scene)
        .filter((m) => m.text.startsWith('共'))
        .map((m) => m.x - textWidth(m.text, m.size * 1.2)),
    );
    for (const v of values) expect(v.x + textWidth(v.text, v.size * 1.2)).toBeLessThanOrEqual(noteLeft);
  });
});

describe('label collision rules', () => {
  it('lifts a value label that would overlap its neighbour by one line', () => {
    expect(
      liftOverlapping(
        [
          { x: 10, w: 20, y: 100 },
          { x: 25, w: 20, y: 100 },
          { x: 60, w: 20, y: 100 },
        ],
        14,
      ),
    ).toEqual([100, 86, 100]);
  });
  it('shows every other category label when they would touch', () => {
    expect(labelStep([0, 30, 60, 90].map((c) => ({ center: c, width: 20 })))).toBe(1);
    expect(labelStep([0, 15, 30, 45].map((c) => ({ center: c, width: 20 })))).toBe(2);
  });
  it('twelve months fit under 640 units at full size', () => {
    const groups = Array.from({ length: 12 }, (_, i) => ({
      key: `m${i}`,
      label: `${i + 1}月`,
      bars: [{ parts: [{ value: i, series: 'city' as const }], label: String(i) }],
    }));
    const scene = verticalBars({ groups, legend: [] }, 640);
    expect(texts(scene).filter((t) => /月$/u.test(t.text))).toHaveLength(12);
  });
});

describe('heat map', () => {
  const scene = heatmap(
    {
      rows: [
        { key: 'a', label: '南京', values: [0, 1, 20] },
        { key: 'b', label: '苏州', values: [5, 0, 3] },
      ],
      columns: ['1', '2', '3'],
      columnTitle: '月份',
    },
    200,
  );
  it('prints every cell number, so colour is never the only carrier', () => {
    const numbers = texts(scene)
      .filter((t) => /^\d+$/u.test(t.text) && t.size < 13)
      .map((t) => t.text);
    for (const v of ['0', '1', '20', '5', '3']) expect(numbers).toContain(v);
  });
  it('draws one path per colour with one box per cell', () => {
    const boxes = scene.marks.filter((m) => m.kind === 'boxes');
    expect(boxes.reduce((s, m) => s + (m.kind === 'boxes' ? m.boxes.length : 0), 0)).toBe(6);
    expect(new Set(boxes.map((m) => (m.kind === 'boxes' ? m.fill : ''))).size).toBe(boxes.length);
  });
});

describe('tile map', () => {
  const regions = JSON.parse(readFileSync('tests/fixtures/site/regions/jiangsu.json', 'utf8')) as {
    id: string;
    type: string;
    lat: number;
    lng: number;
    shortName: string;
  }[];
  const cities = regions.filter((r) => r.type === 'city');
  it('has one tile for each of the 13 cities, no two in one cell', () => {
    expect(Object.keys(JIANGSU_TILES).sort()).toEqual(cities.map((c) => c.id).sort());
    expect(new Set(Object.values(JIANGSU_TILES).map((p) => `${p.col},${p.row}`)).size).toBe(13);
  });
  it('is in roughly geographic position: columns never contradict longitude, rows only within 0.3°', () => {
    for (const a of cities) {
      for (const b of cities) {
        const pa = JIANGSU_TILES[a.id]!;
        const pb = JIANGSU_TILES[b.id]!;
        if (pa.col < pb.col) expect(a.lng, `${a.id} west of ${b.id}`).toBeLessThan(b.lng);
        if (pa.row < pb.row) expect(a.lat + 0.3, `${a.id} north of ${b.id}`).toBeGreaterThan(b.lat);
      }
    }
  });
  it('refuses a layout with a missing or shared cell', () => {
    expect(() => tileMap([{ key: 'x', label: '某市', value: 1 }], {})).toThrow('没有 某市');
    expect(() =>
      tileMap(
        [
          { key: 'a', label: '甲', value: 1 },
          { key: 'b', label: '乙', value: 2 },
        ],
        { a: { col: 0, row: 0 }, b: { col: 0, row: 0 } },
      ),
    ).toThrow('重叠');
  });
});

describe('SVG files', () => {
  const scene: ChartScene = {
    width: 100,
    height: 40,
    marks: [
      { kind: 'text', x: 1, y: 2, text: '<script>alert("x")</script>&', size: 12, fill: INK },
      { kind: 'rect', x: 0, y: 0, w: 5, h: 5, fill: '#4a7fbf', hatch: true },
    ],
  };
  it('escapes every piece of text and names a stripe pattern for hatched fills', () => {
    const svg = sceneToSvg(scene, { id: 'x', title: 'a < b', desc: '"quoted"' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    expect(svg).toContain('<title id="x-title">a &lt; b</title>');
    expect(svg).toContain('fill="url(#x-hatch-4a7fbf)"');
    expect(svg).toContain('<pattern id="x-hatch-4a7fbf"');
  });
  it('writes shared attributes once on a group', () => {
    const many: ChartScene = {
      width: 10,
      height: 10,
      marks: [1, 2, 3].map((i) => ({ kind: 'text' as const, x: i, y: i, text: String(i), size: 12, fill: INK, cls: 's' })),
    };
    const groups = svgGroups(many, 'g');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.attrs).toEqual([
      ['font-size', 12],
      ['fill', INK],
      ['class', 's'],
    ]);
    expect(groups[0]!.children[0]!.attrs).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
  });
  it('frames a chart with its title and source, on at least 360 units', () => {
    const framed = frameScene({ width: 100, height: 50, marks: [] }, { title: '标题', source: '来源：某文件', demo: true });
    expect(framed.width).toBeGreaterThanOrEqual(360);
    expect(texts(framed).map((t) => t.text)).toEqual(expect.arrayContaining(['标题', '来源：某文件', '示例']));
  });
});
