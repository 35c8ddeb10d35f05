/**
 * What an explainer's MDX body says about policy numbers: which facts it cites, and whether
 * any number was typed into the prose instead of coming from the facts. Pure.
 */

/** Ids of every <Fact id="…">, <FactSentence id="…">, <Period id="…"> and <FactTable ids={[…]}> in an MDX body, in order of first use. */
export function factIdsIn(body: string): string[] {
  const ids: string[] = [];
  for (const m of body.matchAll(/<(?:Fact|FactSentence|Period)\s[^>]*?id="([^"]+)"/gu)) ids.push(m[1]!);
  for (const m of body.matchAll(/<FactTable\s[^>]*?ids=\{\[([^\]]*)\]\}/gu)) {
    for (const id of m[1]!.matchAll(/['"]([^'"]+)['"]/gu)) ids.push(id[1]!);
  }
  return [...new Set(ids)];
}

/**
 * The prose of an MDX body with components, their props, code and link targets removed: what
 * a reader sees typed by an editor. Numbers left here did not come from the facts.
 */
export function proseOf(body: string): string {
  return body
    .replace(/^import .*$/gmu, '')
    .replace(/^\s*\d+\.\s/gmu, '')
    .replace(/<[A-Z][\w.]*(?:\s[^<>]*?)?\/>/gu, ' ')
    .replace(/<\/?[A-Za-z][\w.]*(?:\s[^<>]*?)?>/gu, ' ')
    .replace(/\]\([^)]*\)/gu, ']')
    .replace(/`[^`]*`/gu, ' ');
}

/**
 * Numbers typed in prose: arabic digits and Chinese amounts such as 两万, 百分之十. The explainer's
 * own campaign year ("2026年") is allowed: it names the year the page is about, not a rule.
 */
export function strayNumbers(body: string, year: number): string[] {
  const prose = proseOf(body).replaceAll(`${year}年`, '');
  const found = [
    ...prose.matchAll(/\d+(?:[.,]\d+)*\s*(?:%|万|元|年|月|日|个|岁|公里|升)?|[一二两三四五六七八九十百千]+万|百分之[一二三四五六七八九十]+/gu),
  ].map((m) => m[0]);
  return found;
}

/**
 * What is wrong with an explainer's body, as sentences to print after its file name: numbers
 * typed in the prose, facts cited that do not exist, and facts whose documents are missing from
 * the page's sources. `fact` finds a cited fact by its id. The build and check:content both run it.
 */
export function explainerProblems(
  body: string,
  page: { year: number; sources: readonly string[] },
  fact: (id: string) => { documents: readonly string[] } | undefined,
): string[] {
  const problems: string[] = [];
  const typed = strayNumbers(body, page.year);
  if (typed.length)
    problems.push(`正文里直接写了数字（${[...new Set(typed)].join('、')}）。政策数字请用 <Fact id="…" /> 从 facts.yaml 引用，这样它会带上依据和有效期`);
  for (const id of factIdsIn(body)) {
    const f = fact(id);
    if (!f) problems.push(`引用的政策事实“${id}”不在 facts.yaml 中`);
    else if (f.documents.length > 0 && !f.documents.some((d) => page.sources.includes(d)))
      problems.push(`引用了政策事实“${id}”，但它的发文依据（${f.documents.join('、')}）不在本页的 sources 里`);
  }
  return problems;
}
