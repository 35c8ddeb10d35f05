import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openSession, useBrowser, type Session } from './browser.ts';
import { loadNotice, loadPlan } from '../helpers/content.ts';

const notice = loadNotice();
const plan = loadPlan();
const browser = useBrowser();
let s: Session;

beforeAll(async () => {
  s = await openSession(browser());
  await s.page.goto(`${baseUrl()}/notice/`);
});

describe('/notice/', () => {
  it('shows all nine issuing bodies, the 文号 and the title', async () => {
    const issuers = await s.page.locator('[data-issuers] li').allInnerTexts();
    expect(issuers).toEqual(notice.issuers);
    await expect(s.page.locator('h1').innerText()).resolves.toBe(notice.title);
    expect(await s.page.locator('.doc__number').innerText()).toBe('苏商建函〔2026〕66号');
  });

  it('shows the five points, each lead phrase set in bold', async () => {
    const leads = await s.page.locator('[data-points] > li > strong').allInnerTexts();
    expect(leads).toEqual(notice.points.map((p) => p.number + p.lead));
    const weight = await s.page
      .locator('[data-points] > li > strong')
      .first()
      .evaluate((el) => getComputedStyle(el).fontWeight);
    expect(Number(weight)).toBeGreaterThanOrEqual(700);
  });

  it('renders the attachment table with a two-level header and scoped headers', async () => {
    const table = s.page.locator('#attachment table');
    expect(await table.locator('caption').innerText()).toContain('各设区市“五进”活动计划表');
    expect(await table.locator('thead tr').count()).toBe(2);
    expect(await table.locator('thead tr').first().locator('th[scope="colgroup"]').count()).toBe(13);
    expect(await table.locator('thead tr').nth(1).locator('th[scope="col"]').count()).toBe(26);
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(14);
  });

  it('every total in the table adds up, and the province totals are 93 and 396', async () => {
    const grid = await s.page.locator('#attachment tbody tr').evaluateAll((rows) =>
      rows.map((tr) => ({
        city: tr.getAttribute('data-city'),
        cells: [...tr.querySelectorAll('td')].map((td) => Number.parseInt(td.textContent ?? '', 10)),
      })),
    );
    const total = grid.find((r) => r.city === 'total')!;
    expect(total.cells.slice(0, 2)).toEqual([93, 396]);
    const cities = grid.filter((r) => r.city !== 'total');
    expect(cities).toHaveLength(13);
    for (const row of cities) {
      for (const level of [0, 1]) {
        const months = row.cells.slice(2).filter((_, i) => i % 2 === level);
        expect(
          months.reduce((a, b) => a + b, 0),
          `${row.city} ${level}`,
        ).toBe(row.cells[level]);
      }
    }
    for (let col = 0; col < 26; col++) {
      expect(
        cities.reduce((a, r) => a + r.cells[col]!, 0),
        `column ${col}`,
      ).toBe(total.cells[col]);
    }
    const taizhou = plan.rows.find((r) => r.city === 'taizhou')!;
    expect(grid.find((r) => r.city === 'taizhou')!.cells.slice(24)).toEqual([taizhou.reconciled.months[11]!.city, taizhou.reconciled.months[11]!.county]);
  });

  it('explains the published inconsistency beside the table', async () => {
    const note = await s.page.locator('#attachment .reconciliation').innerText();
    expect(note).toContain('泰州市级：表中合计 8 场，1—12月相加为 9 场');
    expect(note).toContain('27 个数');
    expect(await s.page.locator('.plan-table__changed a').getAttribute('href')).toBe('#plan-2026-note-taizhou');
  });

  it('invents no date or signature: the 落款 is the eight printed names and the remark', async () => {
    const names = await s.page.locator('.doc__signatories li').allInnerTexts();
    expect(names).toEqual(notice.signatories);
    expect(await s.page.locator('.doc__signatories p').innerText()).toBe('(此页无正文)');
    expect(await s.page.locator('main').innerText()).not.toMatch(/2026年\d{1,2}月\d{1,2}日/u);
  });

  it('has a print stylesheet that hides the site chrome', async () => {
    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.locator('.site-header').isVisible()).toBe(false);
    expect(await s.page.locator('#attachment table').isVisible()).toBe(true);
    await s.page.emulateMedia({ media: 'screen' });
  });

  it('made no request outside the site', () => {
    expect(s.outside).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});

describe('tables print whole on A4', () => {
  it('the 26-column plan table prints on its own landscape A4 page in small type; every other table fits a portrait page', async () => {
    const s = await openSession(browser());
    for (const path of ['/notice/', '/plan/']) {
      await s.page.goto(`${baseUrl()}${path}`);
      await s.page.emulateMedia({ media: 'print' });
      for (const [width, landscape] of [
        [794, false],
        [1047, true],
      ] as const) {
        await s.page.setViewportSize({ width, height: 1100 });
        const wide = await s.page.evaluate(
          (wants) =>
            [...document.querySelectorAll('table')]
              .filter((t) => Boolean(t.closest('#attachment, .plan-table')) === wants)
              .filter((t) => t.getBoundingClientRect().width > innerWidth)
              .map((t) => `${t.caption?.textContent?.slice(0, 20)} ${Math.round(t.getBoundingClientRect().width)}px`),
          landscape,
        );
        expect(wide, `${path} ${landscape ? '横向' : '纵向'}`).toEqual([]);
      }
      const pdf = (await s.page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/gu)].map((m) =>
        Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait',
      );
      expect(boxes, path).toContain('landscape');
      expect(boxes[0], path).toBe('portrait');
      await s.page.emulateMedia({ media: 'screen' });
    }
    await s.context.close();
  });
});
