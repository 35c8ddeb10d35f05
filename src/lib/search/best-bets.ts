/**
 * Best bets: the words residents type, mapped to the page that answers them, shown above the
 * search engine's results. Matching is plain substring matching on a normalised query, because
 * Chinese queries are not split into words the way a page is (以旧换新 may be indexed as four
 * characters) and people type whole questions (报废车能补多少钱). Pure and browser-safe.
 */

/** One best bet as the matcher needs it. */
export interface BestBet {
  id: string;
  url: string;
  terms: readonly string[];
  /** City id, for bets about one city or county (filtered out when another city is chosen). */
  city?: string | undefined;
  section?: string | undefined;
}

/**
 * The form a query and a term are compared in: full-width letters and digits made half-width
 * (NFKC), lower case, and everything that is not a letter or digit removed (spaces,
 * punctuation, 〔〕 and 《》), so 苏商建函〔2026〕66号 and 苏商建函2026 66号 compare the same.
 */
export function normaliseQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True for a term written in Latin letters and digits only (NEV, csv, nanjing). */
const isLatin = (term: string) => /^[a-z0-9]+$/u.test(term);

/**
 * How well one term matches a query, 0 for no match. A term inside the query scores its length
 * (longer terms are more specific). A Latin term must be a whole Latin word of the query, so
 * "ev" does not match "review". A query of two or more characters that begins a term (typing
 * 以旧 on the way to 以旧换新) scores a little less than the typed length.
 */
export function termScore(rawQuery: string, term: string): number {
  const t = normaliseQuery(term);
  if (t.length < 2) return 0;
  if (isLatin(t)) {
    const words: string[] =
      rawQuery
        .normalize('NFKC')
        .toLowerCase()
        .match(/[a-z0-9]+/gu) ?? [];
    if (words.includes(t)) return t.length;
    const last = words.at(-1);
    return last && last.length >= 3 && t.startsWith(last) && normaliseQuery(rawQuery).endsWith(last) ? last.length - 0.5 : 0;
  }
  const q = normaliseQuery(rawQuery);
  if (q.includes(t)) return t.length;
  if (q.length >= 2 && t.startsWith(q)) return q.length - 0.5;
  return 0;
}

/** Filters a visitor has chosen on the search page. */
export interface BetFilters {
  section?: string | undefined;
  city?: string | undefined;
}

/**
 * The best bets for a query, best first, at most `limit`. With a section or city chosen, only
 * bets of that section or city are shown. Ties keep the order of the list given.
 */
export function matchBestBets<T extends BestBet>(query: string, bets: readonly T[], filters: BetFilters = {}, limit = 3): T[] {
  if (normaliseQuery(query).length === 0) return [];
  const scored: { bet: T; score: number; order: number }[] = [];
  bets.forEach((bet, order) => {
    if (filters.section && bet.section !== filters.section) return;
    if (filters.city && bet.city !== filters.city) return;
    const score = Math.max(0, ...bet.terms.map((t) => termScore(query, t)));
    if (score > 0) scored.push({ bet, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const { bet } of scored) {
    if (seen.has(bet.url)) continue;
    seen.add(bet.url);
    out.push(bet);
    if (out.length === limit) break;
  }
  return out;
}
