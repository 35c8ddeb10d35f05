/**
 * One term for one thing: every built page's visible text is checked against content/terms.yaml,
 * and a discouraged form fails the test with the page and the word to use instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parse } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { termsSchema } from '../../src/schemas/terms.ts';

const dist = process.env.E2E_DIST ?? 'dist';
// The fixture's terms list, or in the release gate (E2E_GATE) the real one.
const terms = termsSchema.parse(parse(readFileSync(process.env.E2E_GATE ? 'content/terms.yaml' : 'tests/fixtures/site/terms.yaml', 'utf8')));

/** What a reader sees of a page: text outside scripts, styles and tags, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gu, ' ')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&nbsp;/gu, ' ')
    .replace(/&amp;/gu, '&');
}

describe('terms list', () => {
  it("lists each discouraged form once, never as another entry's term", () => {
    const avoided = terms.flatMap((t) => t.avoid);
    expect(new Set(avoided).size).toBe(avoided.length);
    for (const t of terms) expect(avoided, t.term).not.toContain(t.term);
  });

  it('no built page uses a discouraged form', () => {
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of pages) {
      const path = `/${file.replace(/index\.html$/u, '').replace(/\\/gu, '/')}`;
      const text = visibleText(readFileSync(join(dist, file), 'utf8'));
      for (const t of terms) {
        if (t.allowIn.some((p) => path.startsWith(p))) continue;
        for (const word of t.avoid) if (text.includes(word)) problems.push(`${path}：“${word}”应写作“${t.term}”`);
      }
    }
    expect(problems.slice(0, 30)).toEqual([]);
  });
});
