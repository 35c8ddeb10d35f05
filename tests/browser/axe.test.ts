/** Accessibility gate: axe-core (WCAG 2.1 A/AA rules) on every page, normal and 适老化 mode. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openSession, useBrowser, type Session } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
import { PAGES as ALL } from './pages.ts';
const PAGES = [...ALL, '/no-such-page/'];
const browser = useBrowser();

/** axe's WCAG 2.1 A/AA violations on the page as it is now. */
async function violations(s: Session): Promise<string[]> {
  await s.page.addScriptTag({ content: axeSource });
  return s.page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
  });
}

describe('axe', () => {
  for (const elder of [false, true]) {
    describe(elder ? '适老化 mode' : 'normal mode', () => {
      // Read-only checks: one browser context per mode, each page loaded fresh in it.
      let s: Session;
      beforeAll(async () => {
        // The test injects axe as an inline script, which the site's Content Security Policy
        // rightly refuses; the policy itself is tested in security.test.ts.
        s = await openSession(browser(), { bypassCSP: true });
        if (elder) await s.context.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
      });
      afterAll(async () => s.context.close());

      // Embeds live inside other sites' pages, which have no 适老化 switch: checked in normal mode.
      for (const path of PAGES.filter((p) => !(elder && p.startsWith('/embed/')))) {
        it(`${path}${elder ? ' in 适老化 mode' : ''} has no WCAG A/AA violations`, async () => {
          await s.page.goto(baseUrl() + path);
          if (elder) expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
          expect(await violations(s)).toEqual([]);
        });
      }

      // An event page shown as its poster (built in the browser: wait for it).
      it(`an event's poster view${elder ? ' in 适老化 mode' : ''} has no WCAG A/AA violations`, async () => {
        await s.page.goto(`${baseUrl()}/events/demo-nanjing-05/?poster`);
        await s.page.locator('.poster').waitFor();
        expect(await violations(s)).toEqual([]);
      });
    });
  }
});
