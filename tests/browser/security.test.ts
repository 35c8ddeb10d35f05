/**
 * The Content Security Policy holds on every kind of page: the site is served with the headers
 * the build writes to dist/_headers (as a static host would send them) on top of each page's
 * <meta> policy, and any violation the browser reports fails the test. Search, the map, the
 * calculator and the 适老化 preference must still work under it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/security.ts';
import { headersFile } from '../../src/lib/server-config.ts';
import { baseUrl, builtHeaders, strictSession, useBrowser } from './browser.ts';
import { PAGES } from './pages.ts';

const browser = useBrowser();

const settle = (page: Page) => page.waitForLoadState('networkidle');

describe('security headers', () => {
  it('dist/_headers carries the policy with frame-ancestors, and the other headers', () => {
    const h = builtHeaders();
    expect(readFileSync('dist/_headers', 'utf8')).toBe(headersFile({ tiles: false }));
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['Content-Security-Policy']).not.toContain('unsafe-inline');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Permissions-Policy']).toContain('geolocation=(self)');
    expect(h['X-Frame-Options']).toBe('DENY');
    // Only the embeds may be framed, by any site; they keep the rest of the policy.
    const embed = builtHeaders('/embed/charts/plan-heatmap/');
    expect(embed['Content-Security-Policy']).toContain('frame-ancestors *');
    expect(embed['Content-Security-Policy']).not.toContain("frame-ancestors 'none'");
    expect(embed['Content-Security-Policy']).toContain("script-src 'self'");
    expect(embed['X-Frame-Options']).toBeUndefined();
    expect(builtHeaders('/embedded/')['X-Frame-Options']).toBe('DENY');
  });

  it('every page carries the same policy as a meta tag, and no inline script other than the hashed one', () => {
    const meta = contentSecurityPolicy({ tiles: false, delivery: 'meta' });
    for (const path of [...PAGES, '/404.html']) {
      const file = path.endsWith('.html') ? `dist${path}` : `dist${path}index.html`;
      const html = readFileSync(file, 'utf8');
      expect(html, path).toContain(`<meta http-equiv="Content-Security-Policy" content="${meta}">`);
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/gu)].map((m) => m[1]);
      // The pre-paint 适老化 line; an embed (inside another site's page) has no 适老化 and no inline script.
      expect(inline, path).toHaveLength(path.startsWith('/embed/') ? 0 : 1);
      expect(html, path).not.toMatch(/\son[a-z]+=/u);
    }
  });
});

describe('framing: only the embeds', () => {
  it('a newspaper page on another site can frame an embed, and a normal page framed the same way is refused', async () => {
    const paper = 'https://news.example/story.html';
    const frames = [`${baseUrl()}/embed/charts/plan-heatmap/`, `${baseUrl()}/embed/map/nanjing/`, `${baseUrl()}/plan/`, `${baseUrl()}/events/`];
    const html = `<!doctype html><meta charset="utf-8"><title>报道</title>${frames.map((src) => `<iframe src="${src}" width="720" height="640"></iframe>`).join('')}`;
    const s = await strictSession(browser(), {}, { [paper]: html });
    const blocked: string[] = [];
    s.page.on('console', (m) => {
      if (/frame-ancestors|X-Frame-Options/u.test(m.text())) blocked.push(m.text());
    });
    await s.page.goto(paper);
    await s.page.waitForLoadState('load');
    const frame = (src: string) => s.page.frames().find((f) => f.url() === src);
    // The chart embed draws its chart, with its source line and a link back to the site.
    const chart = frame(frames[0]!)!;
    expect(await chart.locator('svg').count()).toBeGreaterThan(0);
    expect(await chart.locator('.embed__source').innerText()).toMatch(/来源：[\s\S]*在江苏汽车促消费“五进”活动网站查看/u);
    // The map embed draws its points on the offline background and lists the same events.
    const map = frame(frames[1]!)!;
    await map.locator('[data-embed-map][data-ready]').waitFor();
    expect(await map.locator('.leaflet-interactive').count()).toBe(await map.locator('.embed-list li').count());
    // The site's other pages refuse to be framed: nothing of them renders inside the newspaper.
    for (const src of frames.slice(2)) {
      const f = frame(src);
      expect(f ? await f.locator('h1').count() : 0, src).toBe(0);
    }
    expect(blocked.length).toBeGreaterThanOrEqual(2);
    // No request left for anywhere but this site (and the newspaper's own page).
    expect(s.outside).toEqual([]);
    await s.context.close();
  });
});

describe('pages under the policy', () => {
  it('no page reports a violation', async () => {
    const s = await strictSession(browser());
    for (const path of [...PAGES, '/search/?q=以旧换新', '/no-such-page/']) {
      await s.page.goto(`${baseUrl()}${path}`);
      await settle(s.page);
      expect(await s.violations(), path).toEqual([]);
    }
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('search finds pages (Pagefind WebAssembly runs)', async () => {
    const s = await strictSession(browser());
    await s.page.goto(`${baseUrl()}/search/?q=以旧换新`);
    await s.page.locator('[data-search-results] li').first().waitFor();
    expect(await s.page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect(await s.violations()).toEqual([]);
    await s.context.close();
  });

  it('the map draws markers and opens a popup; the event page draws its small map', async () => {
    const s = await strictSession(browser());
    await s.page.goto(`${baseUrl()}/map/`);
    await s.page.locator('[data-map-status]').filter({ hasText: '地图上显示' }).waitFor();
    expect(await s.page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(5);
    await s.page.locator('.map-filters summary').click();
    await s.page.locator('#m-city').selectOption('xuzhou');
    await s.page.locator('[data-map-status]').filter({ hasText: '地图上显示 2 场' }).waitFor();
    await s.page.locator('[data-map-list] .map-list__show').first().click();
    await s.page.locator('.leaflet-popup-content').waitFor();
    await s.page.goto(`${baseUrl()}/events/demo-nanjing-01/`);
    await s.page.locator('[data-mini-map]').scrollIntoViewIfNeeded();
    await s.page.locator('[data-mini-map] .leaflet-tooltip').waitFor();
    expect(await s.violations()).toEqual([]);
    await s.context.close();
  });

  it('the calculator computes and the 适老化 preference applies before paint on the next page', async () => {
    const s = await strictSession(browser());
    await s.page.goto(`${baseUrl()}/policies/calculator/?mode=scrap&car=nev&price=150000&oldFuel=petrol&oldRegistered=2012-05-01&ownedBeforeCutoff=yes`);
    await s.page.locator('[data-results]:not([hidden])').waitFor();
    expect(await s.page.locator('[data-result="trade-in"]').getAttribute('data-value')).toBe('18000');
    await s.page.getByRole('button', { name: '适老模式' }).click();
    await s.page.goto(`${baseUrl()}/notice/`);
    expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
    expect(await s.violations()).toEqual([]);
    await s.context.close();
  });

  it('a script injected into a page is refused by the policy (the policy is really enforced)', async () => {
    const s = await strictSession(browser());
    await s.page.goto(`${baseUrl()}/`);
    await s.page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__ran = true';
      document.body.append(el);
    });
    expect(await s.page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    expect((await s.violations()).join('\n')).toContain('script-src');
    await s.context.close();
  });
});
