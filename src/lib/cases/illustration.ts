/**
 * Demonstration pictures for the demo cases: a flat drawing of a car fair in a given setting,
 * labelled 示例图片 and 示意图 in large type, so nobody can take it for a photograph. No people,
 * no real places. Pure: returns SVG text (the script scripts/make-case-images.ts renders PNGs).
 */
import { FONT_FAMILY } from '../charts/text.ts';
import { escapeXml } from './share-card.ts';

export interface IllustrationInput {
  scene: string;
  caption: string;
  sky: string;
  ground: string;
  accent: string;
}

const car = (x: number, y: number, body: string) => `
  <g transform="translate(${x} ${y})">
    <rect x="0" y="30" width="190" height="55" rx="18" fill="${body}"/>
    <path d="M35 32 L60 0 H135 L160 32 Z" fill="${body}"/>
    <path d="M62 8 H95 V30 H45 Z M102 8 H132 L150 30 H102 Z" fill="#e8f1fb"/>
    <circle cx="45" cy="88" r="20" fill="#222"/><circle cx="45" cy="88" r="8" fill="#bbb"/>
    <circle cx="148" cy="88" r="20" fill="#222"/><circle cx="148" cy="88" r="8" fill="#bbb"/>
  </g>`;

/** A 1200×800 SVG drawing. */
export function caseIllustrationSvg({ scene, caption, sky, ground, accent }: IllustrationInput): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800" font-family="${FONT_FAMILY}">
  <rect width="1200" height="800" fill="${sky}"/>
  <rect y="520" width="1200" height="280" fill="${ground}"/>
  <g transform="translate(720 250)">
    <path d="M0 120 L170 20 L340 120 Z" fill="${accent}"/>
    <rect x="20" y="120" width="300" height="150" fill="#ffffff" stroke="${accent}" stroke-width="6"/>
    <rect x="60" y="160" width="220" height="70" fill="${accent}" opacity="0.15"/>
    <text x="170" y="208" font-size="40" text-anchor="middle" fill="${accent}" font-weight="700">政策咨询</text>
  </g>
  ${car(90, 470, '#0b4a8b')}${car(330, 500, '#2f6cb0')}${car(540, 560, '#6b9bd1')}
  <rect x="40" y="40" width="330" height="110" rx="12" fill="#b3221b"/>
  <text x="205" y="118" font-size="72" font-weight="700" text-anchor="middle" fill="#ffffff">示例图片</text>
  <text x="60" y="230" font-size="64" font-weight="700" fill="#1b1b1b">${escapeXml(scene)}</text>
  <rect x="0" y="700" width="1200" height="100" fill="#1b1b1b" opacity="0.85"/>
  <text x="600" y="765" font-size="40" text-anchor="middle" fill="#ffffff">${escapeXml(caption)}</text>
</svg>`;
}
