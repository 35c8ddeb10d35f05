/**
 * A clean excerpt for a search result, cut from the page's indexed text around the words that
 * were searched for. Pagefind highlights single characters of a Chinese query (以 in 以上, 新 in
 * 新车), which reads as noise; this marks whole query words only, and when none of them is on the
 * page (the match was in the title or keywords) returns nothing, so the page summary is shown.
 * Pure: text in, text pieces out (the page renders them as text, never as HTML).
 */

/** A piece of an excerpt: plain text, highlighted or not. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

const BOUNDARY = /[。！？；!?;\n]/u;

/**
 * Up to `max` characters of `content` around the first place one of `words` occurs (longest
 * word first), starting at a sentence where one is near. Words shorter than two characters are
 * not looked for. Returns [] when no word occurs. The page's title, which the result shows
 * anyway, is skipped when the text starts with it.
 */
export function buildExcerpt(content: string, words: readonly string[], max = 72, title = ''): ExcerptPart[] {
  let text = content
    .replace(/\u200b/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const heading = title.replace(/\s+/gu, ' ').trim();
  if (heading && text.startsWith(heading)) text = text.slice(heading.length).replace(/^[.。\s]+/u, '');
  const terms = [...new Set(words.map((w) => w.trim()).filter((w) => [...w].length >= 2))].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    at = lower.indexOf(t.toLowerCase());
    if (at !== -1) break;
  }
  if (at === -1) return [];
  // Start at the beginning of the sentence when one begins shortly before the word.
  const earliest = Math.max(0, at - 24);
  let start = earliest > 0 ? Math.max(0, at - 12) : 0;
  for (let i = at - 1; i >= earliest; i--) {
    if (BOUNDARY.test(text.charAt(i))) {
      start = i + 1;
      break;
    }
  }
  let end = Math.min(text.length, start + max);
  const stop = text.slice(at, end).search(BOUNDARY);
  if (stop !== -1 && at + stop + 1 - start >= max * 0.6) end = at + stop + 1;
  const slice = text.slice(start, end).trim();
  const parts = markWords(slice, terms);
  if (start > 0 && !BOUNDARY.test(text.charAt(start - 1))) parts.unshift({ text: '…', mark: false });
  if (end < text.length && !BOUNDARY.test(text.charAt(end - 1))) parts.push({ text: '…', mark: false });
  return parts;
}

/** Splits text into parts with every occurrence of the words marked (longest first, case-insensitive). */
export function markWords(text: string, words: readonly string[]): ExcerptPart[] {
  const terms = [...words].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  const parts: ExcerptPart[] = [];
  const lower = text.toLowerCase();
  let i = 0;
  let plain = '';
  while (i < text.length) {
    const hit = terms.find((t) => lower.startsWith(t.toLowerCase(), i));
    if (hit) {
      if (plain) parts.push({ text: plain, mark: false });
      plain = '';
      parts.push({ text: text.slice(i, i + hit.length), mark: true });
      i += hit.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain, mark: false });
  return parts;
}
