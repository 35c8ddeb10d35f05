/**
 * Page weight budgets, in bytes of the built files (stable on a noisy machine, unlike time).
 * Pages without interactive parts may ship only the tiny preference script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/lib/page-weight.ts';
import { gatePage } from '../browser/pages.ts';

// E2E_DIST checks another build folder, as in global-setup.ts.
const dist = process.env.E2E_DIST ?? 'dist';

describe('page weight budgets', () => {
  // Every page links the same one stylesheet (src/styles/global.css and components.css): one
  // render-blocking request, downloaded once and then cached for every other page, so each
  // page's CSS is the whole site's (about 29 KB; 7 KB gzipped). One budget for all of them.
  const SITE_CSS = 36_000;
  // Every page also carries the behaviour registry (src/client/modules.ts, data-module and start(),
  // ~0.5 KB as its own shared chunk): every JS budget below includes it.
  // Static pages: only the small preference script (适老, 朗读 with pause and resume and its controls at the foot of the screen, and the phone menu, ~3.9 KB). Interactive pages: their own small module;
  // Leaflet and the event data load later, only when a map or a filter is used.
  // Pages that judge dates in the browser share one chunk of date helpers (src/lib/dates.ts, ~1.5 KB).
  const budgets: Record<string, { html: number; js: number }> = {
    // Pages with event cards also ship the small script that takes ended events out of 即将举办;
    // the home page also re-judges the subsidy deadline by the visitor's date (~3.4 KB).
    '/': { html: 16_000, js: 10_752 },
    // Filters with quick dates and date ranges, the loader of city-month event data, and the
    // 本月 line re-judged by the visitor's month, and the next and nearest events when a filter
    // finds nothing: ~7.7 KB gzipped. The filter form's module is shared with /map/ and the cards
    // the browser adds are copies of EventCard.astro's markup (one chunk each, ~0.4 KB more).
    '/events/': { html: 80_000, js: 24_576 },
    '/events/2026-12/': { html: 40_000, js: 6_656 },
    // Plus the 百度 route link that asks for the position on a tap (the datum conversion loads only then).
    // An event page starts its poster view (~0.5 KB); the poster builder and the QR code library
    // (~25 KB) load only at /events/<id>/?poster.
    '/events/demo-nanjing-01/': { html: 24_000, js: 14_336 },
    // Plus the calendar address's copy button (~600 B).
    '/cities/nanjing/': { html: 40_000, js: 7_168 },
    // The map's list, filters, dates and chunk loader (~10 KB gzipped), 44 px clusters; Leaflet itself loads after.
    // Plus the filter form's module shared with /events/ (~0.1 KB of chunk overhead).
    '/map/': { html: 30_000, js: 28_160 },
    // The calculator ships its rules and arithmetic (src/lib/subsidy/index.ts) and the period check.
    '/policies/calculator/': { html: 60_000, js: 27_648 },
    '/notice/': { html: 60_000, js: 4_608 },
    // Seven charts as inline SVG (so they need no JavaScript) plus their tables: about 90 KB, 20 KB gzipped.
    '/plan/': { html: 100_000, js: 4_608 },
    '/plan/report/2026-11/': { html: 20_000, js: 4_608 },
    '/about/': { html: 16_000, js: 4_608 },
    // Pagefind's loader, best bets, and the ranking of all results by the day each event ends;
    // the events' own index merged in, or offered with a button when it is large (~0.3 KB).
    '/search/': { html: 32_000, js: 17_920 },
    '/cases/': { html: 20_000, js: 4_608 },
    '/cases/demo-nanjing-jianye-community/': { html: 18_000, js: 7_168 },
    '/media/': { html: 22_000, js: 4_608 },
    // The sheet checker's page script (~4 KB) starts a Web Worker only when a file is chosen; the
    // worker is counted below, apart.
    '/submit/': { html: 16_000, js: 9_216 },
    '/media/embed/': { html: 28_000, js: 4_608 },
    // Embeds: a chart is inline SVG and needs no script; a city's map has its own small module
    // (Leaflet loads after, as on /map/).
    '/embed/charts/plan-heatmap/': { html: 24_000, js: 0 },
    '/embed/map/nanjing/': { html: 10_000, js: 6_656 },
  };
  for (const [fixturePath, budget] of Object.entries(budgets)) {
    // In the release gate, the same type of page in the real content's build (skipped when it has none).
    const path = gatePage(fixturePath);
    if (!path) continue;
    it(`${path} stays within ${budget.html} B HTML, ${SITE_CSS} B CSS, ${budget.js} B JS`, () => {
      const w = pageWeight(dist, path);
      console.log(`${path}: HTML ${w.html} B, CSS ${w.css} B, JS ${w.js} B`);
      expect(w.html).toBeLessThanOrEqual(budget.html);
      expect(w.css).toBeLessThanOrEqual(SITE_CSS);
      expect(w.js).toBeLessThanOrEqual(budget.js);
    });
  }

  it("the sheet checker's worker loads only on /submit/, and only when a file is chosen", () => {
    // The importer with its schema (zod), papaparse, fflate, saxes and the regions: 227 KB, 67 KB gzipped.
    const w = pageWeight(dist, '/submit/');
    console.log(`/submit/ worker: ${w.lazy} B`);
    expect(w.lazy).toBeGreaterThan(50_000);
    expect(w.lazy).toBeLessThanOrEqual(235_000);
    const assets = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.js'));
    const starters = assets.filter((f) => readFileSync(join(dist, '_astro', f), 'utf8').includes('sheet-check.worker'));
    expect(starters).toHaveLength(1);
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    const loading = pages.filter((p) => readFileSync(join(dist, p), 'utf8').includes(starters[0]!));
    expect(loading.map((p) => p.replace(/\\/gu, '/'))).toEqual(['submit/index.html']);
  });

  it('every page has exactly one stylesheet, the same one (no per-component CSS chunks)', () => {
    const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    const sheets = new Set<string>();
    for (const page of pages) {
      // <noscript><link rel="stylesheet" href="/no-js.css"></noscript> applies only without JavaScript.
      const html = readFileSync(join(dist, page), 'utf8').replace(/<noscript>[\s\S]*?<\/noscript>/gu, '');
      const links = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/gu)].map((m) => /href="([^"]+)"/u.exec(m[0])?.[1] ?? '');
      if (links.length !== 1) wrong.push(`${page}: ${links.length}`);
      links.forEach((href) => sheets.add(href));
    }
    expect(wrong).toEqual([]);
    expect([...sheets]).toHaveLength(1);
  });
});
