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
  const found = [...prose.matchAll(/\d+(?:[.,]\d+)*\s*(?:%|万|元|年|月|日|个|岁|公里|升)?|[一二两三四五六七八九十百千]+万|百分之[一二三四五六七八九十]+/gu)].map((m) => m[0]);
  return found;
}
