/**
 * Page weight budgets, in bytes of the built files (stable on a noisy machine, unlike time).
 * Pages without interactive parts may ship only the tiny preference script.
 */
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/lib/page-weight.ts';

describe('page weight budgets', () => {
  // Static pages: only the tiny preference script. Interactive pages: their own small module;
  // Leaflet and the event data load later, only when a map or a filter is used.
  const budgets: Record<string, { html: number; css: number; js: number }> = {
    // Pages with event cards also ship the small script that takes ended events out of 即将举办.
    '/': { html: 16_000, css: 12_000, js: 4_096 },
    // Filters with quick dates and date ranges, and the loader of city-month event data: ~7 KB gzipped.
    '/events/': { html: 80_000, css: 14_000, js: 18_000 },
    '/events/2026-12/': { html: 40_000, css: 14_000, js: 4_096 },
    '/events/demo-nanjing-01/': { html: 24_000, css: 14_000, js: 12_000 },
    // Plus the calendar address's copy button (~600 B).
    '/cities/nanjing/': { html: 40_000, css: 14_000, js: 5_120 },
    // The map's list, filters, dates and chunk loader (~10 KB gzipped); Leaflet itself loads after.
    '/map/': { html: 30_000, css: 14_000, js: 24_000 },
    // The calculator ships its rules and arithmetic (src/lib/subsidy.ts) and the period check.
    '/policies/calculator/': { html: 60_000, css: 16_000, js: 24_000 },
    '/notice/': { html: 60_000, css: 12_000, js: 2_048 },
    // Seven charts as inline SVG (so they need no JavaScript) plus their tables: about 90 KB, 20 KB gzipped.
    '/plan/': { html: 100_000, css: 12_000, js: 2_048 },
    '/plan/report/2026-11/': { html: 20_000, css: 12_000, js: 2_048 },
    '/about/': { html: 16_000, css: 12_000, js: 2_048 },
    '/search/': { html: 32_000, css: 12_000, js: 14_000 },
    '/cases/': { html: 20_000, css: 12_000, js: 2_048 },
    '/cases/demo-nanjing-jianye-community/': { html: 18_000, css: 12_000, js: 4_096 },
    '/media/': { html: 22_000, css: 12_000, js: 2_048 },
    '/events/demo-nanjing-05/poster/': { html: 14_000, css: 12_000, js: 4_096 },
  };
  for (const [path, budget] of Object.entries(budgets)) {
    it(`${path} stays within ${budget.html} B HTML, ${budget.css} B CSS, ${budget.js} B JS`, () => {
      const w = pageWeight('dist', path);
      console.log(`${path}: HTML ${w.html} B, CSS ${w.css} B, JS ${w.js} B`);
      expect(w.html).toBeLessThanOrEqual(budget.html);
      expect(w.css).toBeLessThanOrEqual(budget.css);
      expect(w.js).toBeLessThanOrEqual(budget.js);
    });
  }
});
