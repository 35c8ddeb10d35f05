/**
 * A schematic tile map: one equal square per city, placed in roughly its geographic position.
 * It draws no boundaries (the site never draws administrative lines) and is not a map of
 * areas, so every city is equally visible whatever its size. Pure.
 */
import { bucketOf, bucketsFor, MUTED, niceThresholds, type Bucket } from './colors.ts';
import { bar, label, layered, legend, r1, translate, type ChartScene, type Mark } from './scene.ts';
import { FONT } from './text.ts';

export interface TilePosition {
  col: number;
  row: number;
}

/**
 * Jiangsu's 13 cities on a 5 × 5 grid, north at the top. Columns follow longitude and rows
 * latitude (the unit test checks this against the seat coordinates in
 * content/regions/jiangsu.json): 徐州 and 连云港 in the north, 苏州 and 无锡 in the south-east.
 */
export const JIANGSU_TILES: Readonly<Record<string, TilePosition>> = {
  xuzhou: { col: 0, row: 0 },
  lianyungang: { col: 2, row: 0 },
  suqian: { col: 1, row: 1 },
  huaian: { col: 2, row: 1 },
  yancheng: { col: 3, row: 1 },
  nanjing: { col: 1, row: 2 },
  yangzhou: { col: 2, row: 2 },
  taizhou: { col: 3, row: 2 },
  nantong: { col: 4, row: 2 },
  zhenjiang: { col: 2, row: 3 },
  changzhou: { col: 3, row: 3 },
  wuxi: { col: 3, row: 4 },
  suzhou: { col: 4, row: 4 },
};

export interface TileInput {
  key: string;
  label: string;
  value: number;
}

/** Buckets for the tiles' values (at most five, so each shade stays easy to tell apart). */
export function tileBuckets(tiles: readonly TileInput[]): Bucket[] {
  const values = tiles.map((t) => t.value);
  return bucketsFor(niceThresholds(values, 5), Math.min(...values, 0));
}

/** Tiles in their grid cells, each with its name and number; throws on a missing or shared cell. */
export function tileMap(tiles: readonly TileInput[], layout: Readonly<Record<string, TilePosition>> = JIANGSU_TILES, width = 320): ChartScene {
  const taken = new Set<string>();
  for (const t of tiles) {
    const p = layout[t.key];
    if (!p) throw new Error(`方块图没有 ${t.label}（${t.key}）的位置`);
    const cell = `${p.col},${p.row}`;
    if (taken.has(cell)) throw new Error(`方块图中 ${t.label} 与另一市重叠（第 ${p.row + 1} 行第 ${p.col + 1} 列）`);
    taken.add(cell);
  }
  const cols = Math.max(...tiles.map((t) => layout[t.key]!.col)) + 1;
  const rows = Math.max(...tiles.map((t) => layout[t.key]!.row)) + 1;
  const gap = 4;
  const size = (width - gap * (cols - 1)) / cols;
  const tileH = Math.min(size, 58);
  const buckets = tileBuckets(tiles);
  const marks: Mark[] = [];
  for (const t of tiles) {
    const p = layout[t.key]!;
    const x = p.col * (size + gap);
    const y = p.row * (tileH + gap);
    const b = bucketOf(t.value, buckets);
    const cls = b.text === '#ffffff' ? 't inv' : 't';
    marks.push({ ...bar(x, y, size, tileH, { fill: b.fill, stroke: MUTED }), cls: 'cell' });
    marks.push(label(x + size / 2, y + tileH * 0.32, t.label, { anchor: 'middle', fill: b.text, cls }));
    marks.push(label(x + size / 2, y + tileH * 0.7, String(t.value), { size: FONT.label + 2, anchor: 'middle', bold: true, fill: b.text, cls }));
  }
  const gridBottom = rows * (tileH + gap) + 6;
  const key = legend(
    buckets.map((b) => ({ swatch: { fill: b.fill, stroke: MUTED }, label: `${b.label}场` })),
    width,
  );
  return { width, height: r1(gridBottom + key.height), marks: [...layered(marks), ...translate(key.marks, 0, gridBottom)] };
}
