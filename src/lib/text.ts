/**
 * Text from content files and city sheets is untrusted. These helpers make it inert wherever it
 * goes: display text loses invisible reordering characters, HTML gets escaped, spreadsheet cells
 * cannot start a formula. Pure functions, used by the schemas, the pages, the feeds and the
 * browser code alike.
 */

/**
 * Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM) can make text read
 * differently from what it is ("Trojan Source"); C0/C1 control characters other than tab and line
 * breaks have no place in display text. Zero-width and BOM characters hide text from search.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/** Display text with bidi controls, control characters and zero-width characters removed. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** True when the text holds a character {@link cleanText} would remove. */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
}

/** Only https links (and http where a source has no https) may become clickable. */
export function isSafeUrl(url: string, { allowHttp = false } = {}): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || (allowHttp && parsed.protocol === 'http:');
}
