/**
 * SVG to PNG at build time with resvg (a prebuilt binary from npm; no browser, no outside
 * service). Chart text is Chinese, so the PNG needs a CJK font: the build looks for Noto Sans
 * CJK where Debian's fonts-noto-cjk puts it (or CHART_FONT_FILE). Without one the build still
 * succeeds, warns once, and the PNG uses whatever fonts the system has — Chinese may then show
 * as boxes, so a release machine should have fonts-noto-cjk (CI and the test machines do).
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Where the CJK fonts are looked for, first found wins. */
export const CJK_FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];

/** The font files to hand resvg: CHART_FONT_FILE, else the first candidate and its Bold sibling. */
export function findCjkFonts(candidates: readonly string[] = CJK_FONT_CANDIDATES, env: string | undefined = process.env.CHART_FONT_FILE, exists: (p: string) => boolean = existsSync): string[] {
  if (env && exists(env)) return [env];
  const regular = candidates.find(exists);
  if (!regular) return [];
  const bold = regular.replace('Regular', 'Bold');
  return exists(bold) ? [regular, bold] : [regular];
}

let warned = false;
let fonts: string[] | undefined;

/** The PNG of an SVG document at `scale` × its size, on white. */
export function svgToPng(svg: string, scale = 2): Uint8Array<ArrayBuffer> {
  fonts ??= findCjkFonts();
  if (fonts.length === 0 && !warned) {
    warned = true;
    console.warn('[charts] 没有找到中文字体（Noto Sans CJK），图表 PNG 中的中文可能显示为方框。请安装 fonts-noto-cjk，或设 CHART_FONT_FILE=字体文件路径。');
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: fonts.length > 0
      ? { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' }
      : { loadSystemFonts: true },
  });
  return new Uint8Array(resvg.render().asPng());
}
