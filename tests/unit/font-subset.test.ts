/**
 * Chart PNGs are drawn with fonts subset to each image's characters. The subset must draw
 * exactly what the whole font draws. Needs Debian's fonts-noto-cjk, which CI installs.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { faceFamilies, openFace, svgCharacters } from '../../src/lib/charts/font-subset.ts';
import { findCjkFonts, svgToPng } from '../../src/lib/charts/png.ts';

const fonts = findCjkFonts();
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="90" font-family="'Noto Sans CJK SC', sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="36" font-size="22" font-weight="bold">南京计划42场 &#8220;五进&#8221;</text>
<text x="10" y="72" font-size="16">已发布3场，完成8% &amp; 示例</text></svg>`;

describe('font subsets for chart PNGs', () => {
  it('finds the CJK fonts this machine has (fonts-noto-cjk)', () => {
    expect(fonts.length, '没有找到 Noto Sans CJK：请安装 fonts-noto-cjk').toBeGreaterThan(0);
  });

  it('reads the family of each face in a collection', () => {
    const families = faceFamilies(readFileSync(fonts[0]!));
    expect(families).toContain('Noto Sans CJK SC');
    expect(families.length).toBeGreaterThan(1);
  });

  it('collects the characters of an SVG, entities decoded', () => {
    const points = svgCharacters(SVG);
    for (const ch of '南京“”&%示') expect(points.has(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('a subset keeps the family, holds only what was asked, and is small', () => {
    const face = openFace(fonts[0]!, 'Noto Sans CJK SC');
    expect(face.family).toBe('Noto Sans CJK SC');
    const small = face.subset(svgCharacters(SVG))!;
    expect(faceFamilies(small)).toEqual(['Noto Sans CJK SC']);
    expect(small.byteLength).toBeLessThan(100_000);
    expect(small.byteLength).toBeLessThan(readFileSync(fonts[0]!).byteLength / 100);
  });

  it('draws the same pixels as the whole font, bold included', () => {
    const whole = new Resvg(SVG, {
      fitTo: { mode: 'zoom', value: 2 },
      background: '#ffffff',
      font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Noto Sans CJK SC', sansSerifFamily: 'Noto Sans CJK SC' },
    }).render();
    process.env.CHART_PNG_CACHE = '0';
    const subset = Buffer.from(svgToPng(SVG, 2));
    // The same encoder on the same pixels gives the same bytes.
    expect(subset.equals(Buffer.from(whole.asPng()))).toBe(true);
    // And it is not an empty picture: the text is there.
    expect(new Set(whole.pixels).size).toBeGreaterThan(2);
  }, 30_000);
});
