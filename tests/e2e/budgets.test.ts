/**
 * Page weight budgets, in bytes of the built files (stable on a noisy machine, unlike time).
 * Pages without interactive parts may ship only the tiny preference script.
 */
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The HTML of a page plus every local CSS and JS file it references. */
export function pageWeight(path: string): { html: number; css: number; js: number } {
  const file = `dist${path}${path.endsWith('/') ? 'index.html' : ''}`;
  const html = readFileSync(file, 'utf8');
  const refs = (re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]!))];
  const size = (href: string) => statSync(`dist${href}`).size;
  const inlineJs = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/gu)].reduce((s, m) => s + Buffer.byteLength(m[1] ?? ''), 0);
  return {
    html: Buffer.byteLength(html),
    css: refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/gu).reduce((s, h) => s + size(h), 0),
    js: refs(/<script[^>]+src="([^"]+)"/gu).reduce((s, h) => s + size(h), 0) + inlineJs,
  };
}

describe('page weight budgets', () => {
  const budgets: Record<string, { html: number; css: number; js: number }> = {
    '/': { html: 16_000, css: 12_000, js: 2_048 },
    '/notice/': { html: 60_000, css: 12_000, js: 2_048 },
    '/plan/': { html: 50_000, css: 12_000, js: 2_048 },
    '/about/': { html: 16_000, css: 12_000, js: 2_048 },
  };
  for (const [path, budget] of Object.entries(budgets)) {
    it(`${path} stays within ${budget.html} B HTML, ${budget.css} B CSS, ${budget.js} B JS`, () => {
      const w = pageWeight(path);
      console.log(`${path}: HTML ${w.html} B, CSS ${w.css} B, JS ${w.js} B`);
      expect(w.html).toBeLessThanOrEqual(budget.html);
      expect(w.css).toBeLessThanOrEqual(budget.css);
      expect(w.js).toBeLessThanOrEqual(budget.js);
    });
  }
});
