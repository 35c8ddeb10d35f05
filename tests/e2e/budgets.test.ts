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
  // Follow static imports between chunks: the bytes a browser fetches before it is interactive.
  const seen = new Set<string>();
  const queue = refs(/<script[^>]+src="([^"]+)"/gu);
  let js = inlineJs;
  while (queue.length) {
    const ref = queue.shift()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const text = readFileSync(`dist${ref}`, 'utf8');
    js += Buffer.byteLength(text);
    for (const m of text.matchAll(/from\s*["'`]\.\/([^"'`]+\.js)["'`]/gu)) queue.push(`/_astro/${m[1]}`);
  }
  return {
    html: Buffer.byteLength(html),
    css: refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/gu).reduce((s, h) => s + size(h), 0),
    js,
  };
}

describe('page weight budgets', () => {
  // Static pages: only the tiny preference script. Interactive pages: their own small module;
  // Leaflet and the event data load later, only when a map or a filter is used.
  const budgets: Record<string, { html: number; css: number; js: number }> = {
    '/': { html: 16_000, css: 12_000, js: 2_048 },
    '/events/': { html: 80_000, css: 14_000, js: 12_000 },
    '/events/2026-12/': { html: 40_000, css: 14_000, js: 2_048 },
    '/events/demo-nanjing-01/': { html: 24_000, css: 14_000, js: 12_000 },
    '/cities/nanjing/': { html: 40_000, css: 14_000, js: 2_048 },
    '/map/': { html: 30_000, css: 14_000, js: 12_000 },
    '/policies/calculator/': { html: 60_000, css: 16_000, js: 16_000 },
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
