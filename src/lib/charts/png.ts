/**
 * SVG to PNG at build time with resvg (a prebuilt binary from npm; no browser, no outside
 * service), with the fonts subset for each image by HarfBuzz (./font-subset.ts). Chart text is
 * Chinese, so the PNG needs a CJK font: the build looks for Noto Sans CJK where Debian's
 * fonts-noto-cjk puts it (or CHART_FONT_FILE). Without one the build still succeeds, warns
 * once, and the PNG uses whatever fonts the system has — Chinese may then show as boxes, so a
 * release machine should have fonts-noto-cjk (CI and the test machines do).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { openFace, svgCharacters, type SubsetFace } from './font-subset.ts';
import { FONT_FAMILY } from './text.ts';

/**
 * Images are kept between builds, keyed by the SVG, the scale and the fonts: an unchanged chart
 * is never drawn twice. Set CHART_PNG_CACHE=0 to disable.
 */
const CACHE_DIR = 'node_modules/.cache/wujin-chart-png';
/** The family the charts ask for first (./text.ts), and so the face picked from a collection. */
const FAMILY = FONT_FAMILY.split(',')[0]!.replace(/'/gu, '').trim();

/** Where the CJK fonts are looked for, first found wins. */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];

/** The font files to hand resvg: CHART_FONT_FILE, else the first candidate and its Bold sibling. */
export function findCjkFonts(
  candidates: readonly string[] = CJK_FONT_CANDIDATES,
  env: string | undefined = process.env.CHART_FONT_FILE,
  exists: (p: string) => boolean = existsSync,
): string[] {
  if (env && exists(env)) return [env];
  const regular = candidates.find(exists);
  if (!regular) return [];
  const bold = regular.replace('Regular', 'Bold');
  return exists(bold) ? [regular, bold] : [regular];
}

let warned = false;
let fonts: string[] | undefined;
let faces: SubsetFace[] | undefined;
let subsetDir: string | undefined;

/**
 * The font files for one image: subsets of the CJK fonts holding only the characters of `svg`
 * (resvg shapes each text run with the font it is given; with the whole 20 MB collection that
 * is about a second per chart, with a subset a few milliseconds). Undefined when subsetting is
 * not possible; the whole files are used then.
 */
function subsetFiles(svg: string): string[] | undefined {
  try {
    faces ??= fonts!.map((file) => openFace(file, FAMILY));
    const points = svgCharacters(svg);
    // Printable ASCII is always there: resvg may fall back to it for digits and punctuation.
    for (let c = 0x20; c < 0x7f; c++) points.add(c);
    const subsets = faces.map((f) => f.subset(points));
    if (subsets.some((b) => !b)) return undefined;
    if (!subsetDir) {
      subsetDir = mkdtempSync(join(tmpdir(), 'wujin-fonts-'));
      const dir = subsetDir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    return subsets.map((bytes, i) => {
      const file = join(subsetDir!, `${createHash('sha256').update(bytes!).digest('hex').slice(0, 16)}-${i}.otf`);
      if (!existsSync(file)) writeFileSync(file, bytes!);
      return file;
    });
  } catch {
    return undefined;
  }
}

/** The PNG of an SVG document at `scale` × its size, on white. */
export function svgToPng(svg: string, scale = 2): Uint8Array<ArrayBuffer> {
  fonts ??= findCjkFonts();
  if (fonts.length === 0 && !warned) {
    warned = true;
    console.warn('[charts] 没有找到中文字体（Noto Sans CJK），图表 PNG 中的中文可能显示为方框。请安装 fonts-noto-cjk，或设 CHART_FONT_FILE=字体文件路径。');
  }
  const key = createHash('sha256')
    .update(JSON.stringify([svg, scale, fonts]))
    .digest('hex');
  const cached = join(CACHE_DIR, `${key}.png`);
  const useCache = process.env.CHART_PNG_CACHE !== '0';
  if (useCache && existsSync(cached)) return new Uint8Array(readFileSync(cached));
  const files = fonts.length > 0 ? (subsetFiles(svg) ?? fonts) : [];
  const family = faces?.[0]?.family ?? FAMILY;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: files.length > 0 ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family, sansSerifFamily: family } : { loadSystemFonts: true },
  });
  const png = new Uint8Array(resvg.render().asPng());
  if (useCache) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      // Written under a temporary name first, so a parallel build never reads half an image.
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, png);
      renameSync(tmp, cached);
    } catch {
      /* A read-only node_modules only costs time. */
    }
  }
  return png;
}
