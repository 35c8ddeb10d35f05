/**
 * Text measurement for chart layout without a browser: CJK characters are one em wide, digits
 * and Latin letters about 0.6 em in the CJK fonts the site names. Estimates err wide, so labels
 * get a little more room than they need. Pure.
 */

/** Label sizes in SVG user units. 适老化 mode (CSS) enlarges them by {@link ELDER_SCALE}. */
export const FONT = { label: 13, small: 12, title: 17 } as const;
/** How much 适老化 mode enlarges chart text; layouts reserve room for the larger size. */
export const ELDER_SCALE = 1.2;
/** The font list written into SVG files, so a standalone file and the PNG pick a CJK face. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Estimated advance width of `text` at `size`. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x2000) em += /[\s.,:;'!|il]/u.test(ch) ? 0.35 : 0.62;
    else em += 1;
  }
  return em * size;
}

/** Width reserved for a label: its width at the enlarged 适老化 size. */
export function reservedWidth(text: string, size: number): number {
  return textWidth(text, size * ELDER_SCALE);
}

/**
 * Breaks text into lines no wider than `max`. Chinese breaks between any two characters; a
 * run of digits and Latin letters is kept whole; a line never starts with closing punctuation.
 */
export function wrapText(text: string, size: number, max: number): string[] {
  const tokens = text.match(/[0-9A-Za-z.%:/@_\-—～~]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const closing = /^[，。、；：！？）》”’」〕]$/u.test(token);
    if (line !== '' && textWidth(line + token, size) > max && !closing) {
      // An opening mark (“《（) never ends a line: it moves down with the word it opens.
      const opening = /[“《（‘「〔]+$/u.exec(line)?.[0] ?? '';
      lines.push(line.slice(0, line.length - opening.length).trimEnd());
      line = opening + token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
