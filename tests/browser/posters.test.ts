/**
 * Printable posters: an event's poster is its own page at /events/<id>/?poster (built in the
 * browser from the page; there is no second page per event), the calculator's is a page of its
 * own. Each prints on exactly one A4 page (Chromium's own PDF output), also in 适老化 mode; demo
 * events say 示例 on the poster; the QR code is there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../src/lib/qr.ts';
import { baseUrl, openSession, SHOTS, useBrowser } from './browser.ts';

const browser = useBrowser();
const EVENTS = readdirSync('tests/fixtures/site/events/demo')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/u, ''));
/**
 * The posters that print the most text: every poster is the same layout, so the ones with the
 * longest title, place, organisers and notes are the ones that could spill onto a second page.
 * Checking these (and the calculator's) instead of all 60-odd takes a tenth of the time.
 */
const textLength = (id: string) =>
  readFileSync(join(process.env.E2E_DIST ?? 'dist', 'events', id, 'index.html'), 'utf8')
    .replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/gu, '')
    .replace(/<[^>]+>/gu, '').length;
const LONGEST = 6;
const POSTERS = [
  ...[...EVENTS]
    .sort((a, b) => textLength(b) - textLength(a))
    .slice(0, LONGEST)
    .map((id) => `/events/${id}/?poster`),
  '/policies/calculator/poster/',
];

/** Pages in a PDF: page objects, not the /Pages tree. */
async function pdfPages(page: Page): Promise<number> {
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  return (pdf.match(/\/Type\s*\/Page\b(?!s)/gu) ?? []).length;
}

describe('posters', () => {
  for (const elder of [false, true]) {
    it(`the ${LONGEST} posters with the most text, and the calculator's, print on one A4 page with nothing cut${elder ? ' in 适老化 mode' : ''}`, async () => {
      const s = await openSession(browser());
      if (elder) await s.context.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
      const over: string[] = [];
      for (const path of POSTERS) {
        await s.page.goto(baseUrl() + path);
        await s.page.locator('.poster').waitFor();
        if (elder) expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
        const pages = await pdfPages(s.page);
        if (pages !== 1) over.push(`${path}: ${pages}`);
        // Nothing cut: laid out for print at A4's printable width (210 − 2 × 12 mm at 96 px per
        // inch), the poster's body needs no more room than its fixed height gives it.
        await s.page.setViewportSize({ width: 703, height: 1100 });
        await s.page.emulateMedia({ media: 'print' });
        const hidden = await s.page.locator('.poster__body').evaluate((b) => {
          const bottom = Math.max(...[...b.querySelectorAll('dt, dd, li')].map((e) => e.getBoundingClientRect().bottom));
          return bottom - b.getBoundingClientRect().bottom;
        });
        if (hidden > 1) over.push(`${path}: ${hidden} px cut`);
        // Back to no emulation (page.pdf prints with print media unless screen is emulated).
        await s.page.emulateMedia({ media: null });
        await s.page.setViewportSize({ width: 1280, height: 720 });
      }
      expect(over).toEqual([]);
      await s.context.close();
    }, 240_000);
  }

  it('a demo event’s poster says 示例 at the top, shows time, place and a QR code that reads as the event page', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/demo-nanjing-05/?poster`);
    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.locator('.poster__demo').innerText()).toContain('示例');
    const body = await s.page.locator('.poster__body').innerText();
    expect(body).toContain('2026年12月5日');
    expect(body).toContain('江宁');
    const qr = s.page.locator('.poster__qr-code');
    expect(await qr.getAttribute('aria-label')).toContain('/events/demo-nanjing-05/');
    // The code is the one the build would draw for the event's address (qrPath's codes are
    // decoded in tests/unit/cases.test.ts).
    const url = (await qr.getAttribute('aria-label'))!.replace(/^二维码：/u, '');
    expect(await qr.locator('path').getAttribute('d')).toBe(qrPath(url).d);
    expect(await s.page.title()).toBe('海报：【示例】江宁汽车促消费进机关');
    // Only the poster prints: not the site header, the print button or the event page under it.
    expect(await s.page.locator('.event-facts').isVisible()).toBe(false);
    expect(await s.page.locator('.site-header').isVisible()).toBe(false);
    expect(await s.page.locator('.poster-actions').isVisible()).toBe(false);
    await s.context.close();
  });

  it('a cancelled event’s poster says so after its time', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/demo-lianyungang-34/?poster`);
    expect(await s.page.locator('.poster__body dd').first().innerText()).toMatch(/（已取消）$/u);
    await s.context.close();
  });

  it('the calculator poster has no 示例 mark, and the event page is not broken by the poster route', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/policies/calculator/poster/`);
    expect(await s.page.locator('.poster__demo').count()).toBe(0);
    expect(await s.page.locator('.poster__title').innerText()).toContain('补');
    // Its QR code opens the calculator, and the line beside it says so (not an event's map).
    expect(await s.page.locator('.poster__qr-text').innerText()).toBe('扫码打开补贴计算器，填上自己的情况算一算');
    const res = await s.page.goto(`${baseUrl()}/events/demo-nanjing-05/`);
    expect(res?.status()).toBe(200);
    expect(await s.page.locator('.poster').count()).toBe(0);
    await s.context.close();
  });

  for (const width of [360, 1280]) {
    it(`a poster reads on screen at ${width} px`, async () => {
      const s = await openSession(browser(), { viewport: { width, height: 900 } });
      await s.page.goto(`${baseUrl()}/events/demo-nanjing-05/?poster`);
      await s.page.locator('.poster').waitFor();
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await s.page.getByRole('button', { name: '打印海报' }).isVisible()).toBe(true);
      await s.page.screenshot({ path: `${SHOTS}/poster-${width}.png`, fullPage: true });
      await s.context.close();
    });
  }
});

describe('an event page and its poster', () => {
  it('the event page links to its A4 poster, and prints as a one-page summary without map or buttons', async () => {
    const s = await openSession(browser());
    await s.page.goto(`${baseUrl()}/events/demo-nanjing-05/`);
    expect(await s.page.getByRole('link', { name: /打印 A4 海报/u }).getAttribute('href')).toBe('/events/demo-nanjing-05/?poster');
    await s.page.emulateMedia({ media: 'print' });
    expect(
      await s.page
        .locator('.mini-map, .directions, [data-copy], .event-actions')
        .evaluateAll((els) => els.filter((e) => (e as HTMLElement).checkVisibility()).length),
    ).toBe(0);
    expect(await s.page.locator('.event-facts').isVisible()).toBe(true);
    expect(await pdfPages(s.page)).toBe(1);
    await s.context.close();
  });
});

describe('without JavaScript', () => {
  it('the event page offers no poster link, and /?poster is the event page, which prints as a one-page summary', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/events/demo-nanjing-05/`);
    expect(await s.page.getByRole('link', { name: /打印 A4 海报/u }).isVisible()).toBe(false);
    await s.page.goto(`${baseUrl()}/events/demo-nanjing-05/?poster`);
    expect(await s.page.locator('.poster').count()).toBe(0);
    expect(await s.page.locator('h1').innerText()).toContain('江宁汽车促消费进机关');
    await s.page.emulateMedia({ media: 'print' });
    expect(await pdfPages(s.page)).toBe(1);
    await s.context.close();
  });
});
