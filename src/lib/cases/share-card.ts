/**
 * The share card (og:image, 1200×630) of a showcase case, as SVG for resvg to render at build
 * time: no browser on the build machine. A demonstration case says 示例 in large type on the
 * card itself, because a shared picture travels without the page around it. Pure.
 */
import { FONT_FAMILY, textWidth, wrapText } from '../charts/text.ts';

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface ShareCardInput {
  /** Title without the 示例 mark (the card draws its own). */
  title: string;
  /** 南京市 建邺区 · 进社区 */
  place: string;
  /** 2026年6月15日 */
  date: string;
  demo: boolean;
  siteName: string;
  kicker: string;
}

/** A 1200×630 SVG card. Long titles wrap to at most three lines and end with …. */
export function shareCardSvg({ title, place, date, demo, siteName, kicker }: ShareCardInput): string {
  const size = 60;
  const lineHeight = 78;
  let lines = wrapText(title, size, 1040);
  if (lines.length > 3) lines = [...lines.slice(0, 2), `${lines[2]!.slice(0, -1)}…`];
  const top = demo ? 320 : 250;
  const titleSvg = lines
    .map((l, i) => `<text x="80" y="${top + i * lineHeight}" font-size="${size}" font-weight="700" fill="#ffffff">${escapeXml(l)}</text>`)
    .join('');
  const demoLabel = '示例 · 演示数据，非真实案例';
  const demoSvg = demo
    ? `<rect x="80" y="160" width="${Math.ceil(textWidth(demoLabel, 44)) + 40}" height="72" rx="10" fill="#ffffff"/><text x="100" y="212" font-size="44" font-weight="700" fill="#b3221b">${demoLabel}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="${FONT_FAMILY}">
  <rect width="1200" height="630" fill="#0b4a8b"/>
  <rect x="80" y="50" width="160" height="10" fill="#ffffff"/>
  <text x="80" y="126" font-size="40" fill="#ffffff">${escapeXml(kicker)}</text>
  ${demoSvg}
  ${titleSvg}
  <text x="80" y="${top + (lines.length - 1) * lineHeight + 66}" font-size="34" fill="#d2e2f2">${escapeXml(place)}</text>
  <text x="80" y="596" font-size="30" fill="#d2e2f2">${escapeXml(siteName)} · ${escapeXml(date)}</text>
</svg>`;
}
