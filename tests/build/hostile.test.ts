/**
 * Hostile content is inert in every output. A sheet of hostile strings goes through the real
 * importer (npm run import) and a real build with Pagefind; then every output is checked: HTML
 * text and attributes, JSON-LD, calendar feeds, CSV, JSON, search results, /map/ popups and each
 * event page's small map, in real Chromium. No dialog may open and no injected element may exist.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import Parser from 'rss-parser';
import { preview } from 'astro';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_COLUMNS } from '../../src/lib/import/index.ts';
import { textField } from '../../src/schemas/common.ts';
import regions from '../../content/regions/jiangsu.json' with { type: 'json' };
import { HOSTILE, HOSTILE_SHORT } from '../fixtures/hostile/strings.ts';
import { openSession, useBrowser } from '../browser/browser.ts';
import { TEST_DAYS } from '../days.ts';
import { copyEnv, copyTestProject } from '../test-site.ts';

const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'wujin-hostile-'));
const project = join(work, 'site');
const eventsDir = join(work, 'events');
const out = join(project, 'dist');
const PORT = 4397;
const base = `http://127.0.0.1:${PORT}`;
const browser = useBrowser();
let server: { stop: () => Promise<void> } | undefined;

/** Where each hostile event is: every city seat, plus three counties far from their city seat. */
const PLACES = [
  ...regions.filter((r) => r.type === 'city').map((r) => ({ city: r.name, county: '', lat: r.lat, lng: r.lng })),
  ...['nanjing-gaochun', 'xuzhou-pei', 'yancheng-xiangshui'].map((id) => {
    const r = regions.find((x) => x.id === id)!;
    return { city: regions.find((x) => x.id === r.parent)!.name, county: r.name, lat: r.lat, lng: r.lng };
  }),
];
const n = HOSTILE.length;
const id = (i: number) => `hostile-${String(i + 1).padStart(2, '0')}`;
const rows = PLACES.map((p, i) => ({
  id: id(i),
  title: `${HOSTILE[i % n]} 车展`,
  venue: HOSTILE[(i + 3) % n]!,
  address: `某路1号 ${HOSTILE[(i + 6) % n]}`,
  // The importer splits 主办单位 at 、，；and line breaks, so those are kept out of this one.
  organisers: `某市商务局 ${HOSTILE[(i + 9) % n]!.replace(/[、,，;；\r\n]/gu, ' ')}`,
  brands: HOSTILE_SHORT[i % HOSTILE_SHORT.length]!,
  notes: HOSTILE[(i + 12) % n]!,
  ...p,
}));
/** What the site should show for a title: the same characters, minus invisible ones, on one line. */
const shown = (raw: string) => textField(200).parse(raw);

beforeAll(async () => {
  // 1. The sheet, as a city would send it (UTF-8 CSV with BOM), through the real importer.
  const sheet = [
    [...TEMPLATE_COLUMNS],
    ...rows.map((r, i) => [
      r.id,
      r.title,
      r.city,
      r.county,
      '社区',
      '市级',
      `2026-12-${String(5 + (i % 20)).padStart(2, '0')} 09:00`,
      `2026-12-${String(5 + (i % 20)).padStart(2, '0')} 17:00`,
      r.venue,
      r.address,
      String(r.lng),
      String(r.lat),
      'WGS84',
      r.organisers,
      '',
      r.brands,
      '',
      '025-12345678',
      r.notes,
    ]),
  ];
  const csv = join(work, 'hostile.csv');
  writeFileSync(csv, '\uFEFF' + Papa.unparse(sheet, { newline: '\r\n' }));
  mkdirSync(eventsDir, { recursive: true });
  const imported = spawnSync(process.execPath, ['scripts/import-events.ts', csv], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, EVENTS_DIR: eventsDir },
  });
  if (imported.status !== 0) throw new Error(`导入失败：${imported.stdout}${imported.stderr}`);

  // 2. A real build of a copy of the project with only these events, and its search index.
  copyTestProject(root, project);
  const env = copyEnv(TEST_DAYS.build, { EVENTS_DIR: eventsDir });
  const built = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: project, encoding: 'utf8', env });
  if (built.status !== 0) throw new Error(`构建失败：${built.stdout}${built.stderr}`);
  const indexed = spawnSync(process.execPath, [join(root, 'scripts/search-index.ts'), out], { cwd: project, encoding: 'utf8', env });
  if (indexed.status !== 0) throw new Error(`搜索索引失败：${indexed.stdout}${indexed.stderr}`);
  server = await preview({ root: project, logLevel: 'error', server: { port: PORT, host: '127.0.0.1' } });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const files = (ext: string) => (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).map((f) => join(out, f));

describe('hostile strings in data files', () => {
  it('the importer wrote every hostile event', () => {
    expect(readdirSync(eventsDir, { recursive: true }).filter((f) => String(f).endsWith('.yaml'))).toHaveLength(rows.length);
  });

  it('no output file holds an invisible reordering or control character', () => {
    for (const f of [...files('.html'), ...files('.json'), ...files('.csv'), ...files('.ics'), ...files('.xml')]) {
      const text = readFileSync(f, 'utf8');
      // eslint-disable-next-line no-control-regex -- bell and escape are what this looks for
      expect(/[\u202A-\u202E\u2066-\u2069\u0007\u001b\u200B]/u.test(text), f).toBe(false);
    }
  });

  it('RSS: sheet text reaches feed readers as text, never as markup they would render', async () => {
    const feed = await new Parser().parseString(readFileSync(join(out, 'rss.xml'), 'utf8'));
    // rss-parser gives the description as a reader sees it after the XML is decoded: what a
    // reader then renders as HTML must hold no tag, only escaped text.
    const descriptions = feed.items.map((i) => i.content ?? '');
    expect(descriptions.length).toBeGreaterThan(0);
    for (const d of descriptions) expect(d).not.toMatch(/<[a-z!/]/iu);
    expect(descriptions.join('\n')).toContain('&lt;script&gt;');
  });

  it('CSV: no cell can start a formula; the text is kept after an apostrophe', () => {
    const csv = readFileSync(join(out, 'data/events.csv'), 'utf8').replace(/^\uFEFF/u, '');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(rows.length);
    for (const row of parsed.data) {
      for (const [column, cell] of Object.entries(row)) {
        if (/^[=+\-@\t\r]/u.test(cell)) expect(cell, `${row.id} ${column}`).toMatch(/^-?\d+(\.\d+)?$/u);
      }
    }
    const formula = parsed.data.find((r) => r.id === id(6))!;
    expect(formula.title).toBe(`'${shown(rows[6]!.title)}`);
  });

  it('JSON: titles, venues and addresses are the shown text, unchanged otherwise', () => {
    const data = JSON.parse(readFileSync(join(out, 'data/events.json'), 'utf8')) as
      { events?: { id: string; title: string; venue: string }[] } | { id: string; title: string; venue: string }[];
    const list = Array.isArray(data) ? data : data.events!;
    for (const r of rows) {
      const e = list.find((x) => x.id === r.id)!;
      expect(e.title).toBe(shown(r.title));
      expect(e.venue).toBe(shown(r.venue));
    }
  });

  it('calendar feeds: every feed parses, holds exactly the events it should, and nothing is injected', () => {
    const all = ICAL.Component.fromString(readFileSync(join(out, 'calendar/all.ics'), 'utf8'));
    const events = all.getAllSubcomponents('vevent');
    expect(events).toHaveLength(rows.length);
    const summaries = events.map((v) => String(v.getFirstPropertyValue('summary')));
    for (const r of rows) expect(summaries).toContain(shown(r.title));
    expect(summaries).not.toContain('伪造活动');
    for (const f of files('.ics')) {
      const text = readFileSync(f, 'utf8');
      expect(() => ICAL.Component.fromString(text), f).not.toThrow();
      // Every line is a property or a folded continuation (space or tab): a bare CR or LF would start a fake line.
      for (const line of text.split('\r\n')) expect(line, f).toMatch(/^([A-Z-]+[;:]|[ \t]|$)/u);
      expect(text.replace(/\r\n/gu, ''), f).not.toMatch(/[\r\n]/u);
    }
  });
});

/** Everything an injection would leave behind on a page. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const w = window as unknown as { __xss?: unknown };
    if (w.__xss) found.push('window.__xss');
    for (const el of document.querySelectorAll('img[src="x"], svg[onload], iframe, x, b')) found.push(el.outerHTML.slice(0, 80));
    const scripts = [...document.querySelectorAll('script:not([src]):not([type="application/ld+json"])')];
    if (scripts.length > 1) found.push(`${scripts.length} inline scripts`);
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/iu.test(a.name)) found.push(`${el.tagName} ${a.name}`);
        if ((a.name === 'href' || a.name === 'src') && /^\s*javascript:/iu.test(a.value)) found.push(`${el.tagName} ${a.name}=${a.value}`);
      }
    }
    if (/[\u202A-\u202E\u2066-\u2069]/u.test(document.body.innerText + document.title)) found.push('bidi control in text');
    for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        JSON.parse(s.textContent ?? '');
      } catch {
        found.push('JSON-LD does not parse');
      }
    }
    return found;
  });
}

describe('hostile strings in the browser', () => {
  it('pages, JSON-LD and the small maps show the strings as text; nothing runs', async () => {
    const s = await openSession(browser(), {}, base);
    const dialogs: string[] = [];
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const cities = [...new Set(rows.map((r) => regions.find((x) => x.name === r.city)!.id))];
    const pages = [
      '/',
      '/events/',
      '/events/2026-12/',
      '/calendar/',
      '/plan/',
      ...cities.map((c) => `/cities/${c}/`),
      '/cities/nanjing/gaochun/',
      ...rows.map((r) => `/events/${r.id}/`),
    ];
    for (const path of pages) {
      await s.page.goto(`${base}${path}`);
      if (path.startsWith('/events/hostile-')) {
        const r = rows.find((x) => path.includes(x.id))!;
        expect(await s.page.locator('h1').innerText(), path).toContain(shown(r.title).replace(/\s+/gu, ' ').trim().slice(0, 10));
        const ld = await s.page.locator('script[type="application/ld+json"]').first().textContent();
        expect((JSON.parse(ld ?? '{}') as { name?: string }).name, path).toContain(shown(r.title));
        await s.page.locator('[data-mini-map]').scrollIntoViewIfNeeded();
        const tooltip = s.page.locator('[data-mini-map] .leaflet-tooltip');
        await tooltip.waitFor();
        expect(await tooltip.innerText(), path).toContain(shown(r.venue).slice(0, 8));
      }
      expect(await injected(s.page), path).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('/map/ popups show the strings as text, city by city', async () => {
    const s = await openSession(browser(), {}, base);
    const dialogs: string[] = [];
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await s.page.goto(`${base}/map/`);
    await s.page.locator('[data-map-status]').filter({ hasText: '地图上显示' }).waitFor();
    let opened = 0;
    await s.page.locator('.map-filters summary').click();
    for (const city of [...new Set(rows.map((r) => regions.find((x) => x.name === r.city)!.id))]) {
      const expected = rows.filter((r) => regions.find((x) => x.name === r.city)!.id === city);
      await s.page.locator('#m-city').selectOption(city);
      await s.page
        .locator('[data-map-status]')
        .filter({ hasText: `地图上显示 ${expected.length} 场` })
        .waitFor();
      const pins = s.page.locator('.leaflet-marker-icon.map-pin');
      // The map zooms to the city's events: wait until their markers are drawn.
      await expect.poll(() => pins.count()).toBe(expected.length);
      for (let i = 0; i < (await pins.count()); i++) {
        // A synthetic click: two fairs at one place share a spot, and the top one would take a real click.
        await pins.nth(i).dispatchEvent('click');
        const popup = s.page.locator('.leaflet-popup-content').last();
        await popup.waitFor();
        const text = await popup.innerText();
        expect(
          expected.some((r) => text.includes(shown(r.title).slice(0, 10))),
          text,
        ).toBe(true);
        opened++;
        expect(await injected(s.page)).toEqual([]);
      }
    }
    expect(opened).toBe(rows.length);
    expect(dialogs).toEqual([]);
    await s.context.close();
  });

  it('search results show the strings as text', async () => {
    const s = await openSession(browser(), {}, base);
    const dialogs: string[] = [];
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const q of ['车展', 'alert', 'HYPERLINK', '伪造活动']) {
      await s.page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
      await s.page
        .locator('[data-search-status]')
        .filter({ hasText: /找到|没有找到/u })
        .waitFor();
      if (q === '车展') expect(await s.page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
      expect(await injected(s.page), q).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    await s.context.close();
  });
});
