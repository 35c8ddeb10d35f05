/**
 * The plan page's charts, the monthly reports and the chart files, in Chromium with JavaScript
 * off: every chart is an SVG with its table, and the tables hold the numbers the same src/lib
 * functions compute from content/plan/2026.yaml and the published events (/data/events.json).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cityProgress, planPageCharts, type ChartSpec } from '../../src/lib/charts/plan-charts.ts';
import type { EventItem } from '../../src/lib/events/events.ts';
import { buildProgress, monthKey, targetProgress } from '../../src/lib/plan/progress.ts';
import { REPORT_CSV_COLUMNS } from '../../src/lib/plan/report.ts';
import { loadNotice, loadPlan } from '../helpers/content.ts';
import { baseUrl, openSession, SHOTS, TEST_NOW, useBrowser } from './browser.ts';

const browser = useBrowser();
const plan = loadPlan();
const notice = loadNotice();
const regions = JSON.parse(readFileSync('tests/fixtures/site/regions/jiangsu.json', 'utf8')) as { id: string; code: string; type: string }[];
const idOfCode = new Map(regions.map((r) => [r.code, r.id]));

/** The published events as the site built them, back in the shape src/lib counts. */
async function publishedEvents(): Promise<EventItem[]> {
  const body = (await (await fetch(`${baseUrl()}/data/events.json`)).json()) as {
    events: { id: string; demo: string; level: EventItem['level']; city_code: string; start: string; end: string; status: EventItem['status'] }[];
  };
  return body.events.map(
    (e) => ({ id: e.id, demo: e.demo !== '', level: e.level, city: idOfCode.get(e.city_code)!, start: e.start, end: e.end, status: e.status }) as EventItem,
  );
}

async function expectedCharts(): Promise<{ page: ChartSpec[]; nanjing: ChartSpec }> {
  const grid = buildProgress(plan, await publishedEvents(), TEST_NOW);
  const ctx = { plan, grid, docNumber: notice.docNumber, targets: targetProgress(grid, notice.targets) };
  return { page: planPageCharts(ctx), nanjing: cityProgress(ctx, 'nanjing') };
}

/** A table as text: header cells, then each row's header and cells. */
async function tableText(page: import('playwright-core').Page, selector: string) {
  return page
    .locator(selector)
    .evaluate((t) => [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())));
}
const specRows = (c: ChartSpec) => [
  c.table.columns,
  ...c.table.rows.map((r) => [r.header, ...r.cells]),
  ...(c.table.foot ? [[c.table.foot.header, ...c.table.foot.cells]] : []),
];

describe('plan page charts, without JavaScript', () => {
  it('every chart has an anchor, its finding as heading, an SVG with title and desc, and its numbers in a table below', async () => {
    const { page: charts } = await expectedCharts();
    const s = await openSession(browser(), { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    await s.page.goto(`${baseUrl()}/plan/`);
    expect(await s.page.locator('section.chart').evaluateAll((els) => els.map((e) => e.id))).toEqual(charts.map((c) => c.id));
    for (const c of charts) {
      const section = s.page.locator(`#${c.id}`);
      expect(await section.locator('.chart__heading').innerText(), c.id).toContain(c.heading);
      const svg = section.locator('svg[role="img"]:visible');
      expect(await svg.count(), c.id).toBe(1);
      expect(await svg.locator('title').textContent(), c.id).toBe(c.title);
      expect(await svg.locator('desc').textContent(), c.id).toBe(c.desc);
      expect(await tableText(s.page, `#${c.id}-table`), c.id).toEqual(specRows(c));
      // The table comes right after the figure.
      expect(await section.evaluate((el) => el.querySelector('figure')!.nextElementSibling!.querySelector('table') !== null), c.id).toBe(true);
      expect(await section.locator(`a[href="/data/charts/${c.id}.svg"]`).count(), c.id).toBe(1);
      expect(await section.locator(`a[href="/data/charts/${c.id}.png"]`).count(), c.id).toBe(1);
      expect(await section.locator('.chart__cite').innerText(), c.id).toMatch(/苏商建函〔2026〕66号.*\/plan\/#/u);
      if (c.demo) expect(await section.locator('svg:visible text.demo').count(), `${c.id} 示例`).toBeGreaterThan(0);
    }
    expect(s.outside).toEqual([]);
    await s.context.close();
  });

  it('the plan charts show the plan table itself: every city, every month, both levels', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/plan/`);
    const byCity = await tableText(s.page, '#plan-by-city-table');
    for (const row of plan.rows) {
      expect(
        byCity.find((r) => r[0] === row.label),
        row.label,
      ).toEqual([
        row.label,
        String(row.reconciled.total.city),
        String(row.reconciled.total.county),
        String(row.reconciled.total.city + row.reconciled.total.county),
      ]);
    }
    const heat = await tableText(s.page, '#plan-heatmap-table');
    for (const row of plan.rows) {
      expect(
        heat
          .find((r) => r[0] === row.label)!
          .slice(1, 13)
          .map(Number),
        row.label,
      ).toEqual(row.reconciled.months.map((m) => m.city + m.county));
    }
    const byMonth = await tableText(s.page, '#plan-by-month-table');
    expect(byMonth.slice(1, 13).map((r) => [Number(r[1]), Number(r[2])])).toEqual(plan.total.months.map((m) => [m.city, m.county]));
    // The numbers printed in the heat map SVG are the same 156 cells.
    const printed = await s.page.locator('#plan-heatmap svg text').allTextContents();
    const cells = plan.rows.flatMap((r) => r.reconciled.months.map((m) => String(m.city + m.county)));
    const count = (xs: string[], v: string) => xs.filter((x) => x === v).length;
    for (const v of new Set(cells)) expect(count(printed, v), `cells showing ${v}`).toBeGreaterThanOrEqual(count(cells, v));
    await s.context.close();
  });

  it('the latest monthly report is linked from /plan/', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/plan/`);
    expect(await s.page.locator('.latest-report a').first().getAttribute('href')).toBe(`/plan/report/${monthKey(2026, 11)}/`);
    await s.context.close();
  });
});

describe('phones, wide screens, 适老化', () => {
  for (const path of ['/plan/', '/plan/report/2026-11/', '/data/', '/cities/nanjing/']) {
    for (const width of [360, 1280]) {
      it(`${path} does not scroll sideways at ${width} px`, async () => {
        const s = await openSession(browser(), { javaScriptEnabled: false, viewport: { width, height: 800 }, deviceScaleFactor: 1 });
        await s.page.goto(baseUrl() + path);
        expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await s.page.screenshot({ path: `${SHOTS}/charts-${width}${path.replace(/\//g, '_')}.png`, fullPage: true });
        await s.context.close();
      });
    }
  }

  it('at 360 px the month charts switch to their phone layout, whose text stays at least 11 px', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    await s.page.goto(`${baseUrl()}/plan/`);
    for (const id of ['plan-by-month', 'progress-by-month']) {
      expect(await s.page.locator(`#${id} .chart__narrow`).isVisible(), id).toBe(true);
      expect(await s.page.locator(`#${id} .chart__wide`).isVisible(), id).toBe(false);
    }
    const smallest = await s.page.locator('.chart__svg:visible').evaluateAll((svgs) =>
      Math.min(
        ...svgs.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        }),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(11);
    await s.context.close();
  });

  it('适老化 mode enlarges chart text and turns it black', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    await s.page.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
    await s.page.goto(`${baseUrl()}/plan/`);
    const label = s.page.locator('#plan-by-city .chart__svg .t').first();
    expect(parseFloat(await label.evaluate((t) => getComputedStyle(t).fontSize))).toBeGreaterThanOrEqual(15);
    expect(await label.evaluate((t) => getComputedStyle(t).fill)).toBe('rgb(0, 0, 0)');
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await s.page.locator('#plan-by-city').screenshot({ path: `${SHOTS}/charts-360-elder-plan-by-city.png` });
    await s.context.close();
  });
});

describe('monthly report', () => {
  it('shows every city, this month and the year to date, and prints on one A4 page', async () => {
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/plan/report/2026-11/`);
    expect(await s.page.locator('h1').innerText()).toBe('2026年11月汽车促消费“五进”活动调度表');
    const rows = await tableText(s.page, '#report-2026-11');
    expect(rows).toHaveLength(2 + 13 + 1);
    for (const row of plan.rows) {
      const r = rows.find((x) => x[0] === row.label)!;
      const nov = row.reconciled.months[10]!;
      expect(r.slice(1, 4).map(Number), row.label).toEqual([nov.city, nov.county, nov.city + nov.county]);
      expect(Number(r[8]), row.label).toBe(row.reconciled.months.slice(0, 11).reduce((a, m) => a + m.city + m.county, 0));
    }
    await s.page.emulateMedia({ media: 'print' });
    const pdf = await s.page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/gu) ?? [];
    expect(pages).toHaveLength(1);
    await s.page.screenshot({ path: `${SHOTS}/charts-report-print.png`, fullPage: true });
    await s.context.close();
  });

  it('has a CSV with a BOM, the documented columns and one row per city plus the province', async () => {
    const res = await fetch(`${baseUrl()}/data/report-2026-11.csv`);
    expect(res.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows[0]).toEqual([...REPORT_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 13 + 1);
    expect(rows.at(-1)![2]).toBe('江苏省');
  });
});

describe('chart files', () => {
  it('every chart of /plan/ and of each city is at /data/charts/ as SVG and PNG', async () => {
    const { page, nanjing } = await expectedCharts();
    for (const c of [...page, nanjing]) {
      const svg = await fetch(`${baseUrl()}/data/charts/${c.id}.svg`);
      expect(svg.status, c.id).toBe(200);
      const text = await svg.text();
      expect(text, c.id).toContain(`<title id="${c.id}-title">`);
      expect(text, c.id).toContain('苏商建函〔2026〕66号');
      const png = await fetch(`${baseUrl()}/data/charts/${c.id}.png`);
      expect(png.status, c.id).toBe(200);
      const bytes = new Uint8Array(await png.arrayBuffer());
      expect([...bytes.slice(0, 4)], c.id).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(bytes.length, c.id).toBeGreaterThan(5000);
    }
  });

  it('/data/ lists every file in datapackage.json and each of them downloads', async () => {
    const pkg = (await (await fetch(`${baseUrl()}/data/datapackage.json`)).json()) as {
      resources: { path: string; schema?: { fields: { name: string }[] } }[];
    };
    const s = await openSession(browser(), { javaScriptEnabled: false });
    await s.page.goto(`${baseUrl()}/data/`);
    const listed = await s.page.locator('[data-file]').evaluateAll((els) => els.map((e) => e.getAttribute('data-file')));
    expect(listed).toEqual(pkg.resources.map((r) => `/data/${r.path}`));
    for (const r of pkg.resources) expect((await fetch(`${baseUrl()}/data/${r.path}`)).status, r.path).toBe(200);
    expect(await s.page.locator('table[data-dictionary]').count()).toBeGreaterThanOrEqual(3);
    await s.context.close();
  });
});
