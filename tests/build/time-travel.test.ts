/**
 * The site on every day, not one: built on each test day (SITE_NOW) and visited on each, including
 * a visit days after the build. For every page type at 360 px, in normal and 适老 mode:
 * - nothing scrolls sideways;
 * - what the browser script rewrites for the visitor's day says the same as a build made on
 *   that day says without JavaScript (validity notices, rule periods, 本月, upcoming counts);
 * - nothing is stale: days left, 本月, and the home page's first screen in the last weeks.
 * The days come from tests/days.ts; the machine's clock is never read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/lib/validity.ts';
import { TEST_DAYS, type TestDayName } from '../days.ts';
import { copyEnv, copyTestProject, testBuildEnv } from '../test-site.ts';
import { baseUrl, openSession, useBrowser } from '../browser/browser.ts';
import { PAGES } from '../browser/pages.ts';

const browser = useBrowser();
const root = process.cwd();
const OUT = join(root, '.cache', 'time-travel');
const NAMES = Object.keys(TEST_DAYS) as TestDayName[];
/** Each test day's build; the suite's own build (dist/) is the build day's. */
const sites = new Map<TestDayName, string>();
const stops: (() => Promise<void>)[] = [];

/**
 * The pages whose text depends on the day the visitor reads them: validity notices, 本月,
 * upcoming counts and event cards (data-end). The others say the same on every day and are
 * checked once, at 360 px, by site.test.ts; visiting them on each test day only took time.
 */
const DAY_PAGES = PAGES.filter((path) =>
  /data-validity|data-progress-line|data-upcoming-count|data-end=/u.test(readFileSync(join(process.env.E2E_DIST ?? 'dist', path, 'index.html'), 'utf8')),
);

const shanghaiDay = (moment: string) => new Date(Date.parse(moment) + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  sites.set('build', baseUrl());
  mkdirSync(OUT, { recursive: true });
  let port = 4410;
  for (const name of NAMES.filter((n) => n !== 'build')) {
    const outDir = join(OUT, name);
    rmSync(outDir, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...testBuildEnv(TEST_DAYS[name]) },
    });
    if (r.status !== 0) throw new Error(`按 ${TEST_DAYS[name]} 构建失败：\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
    const server = await preview({ root, outDir, logLevel: 'error', server: { port, host: '127.0.0.1' } });
    stops.push(() => server.stop());
    sites.set(name, `http://127.0.0.1:${port}`);
    port += 1;
  }
}, 300_000);

afterAll(async () => {
  for (const stop of stops) await stop();
});

/** Text whose truth depends on the day, as the page shows it now (hidden parts left out). */
const TIMELY = [
  '[data-validity-notice] [data-validity-text]',
  '[data-validity-late]:not([hidden])',
  '[data-validity="table"]',
  '[data-progress-line]',
  '[data-upcoming-count]',
];

async function timelyTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    (selectors) =>
      selectors.flatMap((s) =>
        [...document.querySelectorAll<HTMLElement>(s)]
          .filter((el) => !el.closest('[hidden]'))
          .map((el) => `${s} ${el.textContent?.replace(/\s+/gu, ' ').trim() ?? ''}`),
      ),
    TIMELY,
  );
}

interface Visit {
  site: string;
  day: string;
  js: boolean;
  elder: boolean;
}

/** Opens every page type in one session and returns, per page, its width and its timely text. */
async function visitAll(b: Browser, v: Visit): Promise<Map<string, { width: number; texts: string[] }>> {
  const s = await openSession(b, { viewport: { width: 360, height: 800 }, javaScriptEnabled: v.js }, v.site);
  await s.page.clock.setFixedTime(new Date(v.day));
  if (v.elder) await s.context.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
  const out = new Map<string, { width: number; texts: string[] }>();
  for (const path of DAY_PAGES) {
    await s.page.goto(`${v.site}${path}`, { waitUntil: 'load' });
    // Embeds live inside other sites' pages: no 适老化 switch there.
    if (v.elder && !path.startsWith('/embed/')) expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-elder')), path).toBe(true);
    out.set(path, { width: await s.page.evaluate(() => document.documentElement.scrollWidth), texts: await timelyTexts(s.page) });
  }
  expect(s.errors, `${v.site} ${v.day}`).toEqual([]);
  expect(s.outside).toEqual([]);
  await s.context.close();
  return out;
}

describe('each build records the day it describes', () => {
  it('dist/ and every time-travel build carry their SITE_NOW in build-info.json', async () => {
    for (const name of NAMES) {
      const info = (await (await fetch(`${sites.get(name)}/build-info.json`)).json()) as { siteNow: string; day: string };
      expect(info.siteNow, name).toBe(TEST_DAYS[name]);
      expect(info.day, name).toBe(shanghaiDay(TEST_DAYS[name]));
    }
  });
});

describe.each(NAMES)('visited on %s', (name) => {
  const day = TEST_DAYS[name];
  const earlier = NAMES[NAMES.indexOf(name) - 1];

  it('no page scrolls sideways, and the browser says what a build of that day says', { timeout: 240_000 }, async () => {
    const b = browser();
    const same = await visitAll(b, { site: sites.get(name)!, day, js: false, elder: false });
    // The suite's build visited on this day, and (where there is one) the previous test day's build.
    const visits: Visit[] = [
      { site: sites.get('build')!, day, js: true, elder: false },
      { site: sites.get('build')!, day, js: true, elder: true },
      ...(earlier && earlier !== 'build' ? [{ site: sites.get(earlier)!, day, js: true, elder: false }] : []),
      ...(name !== 'build' ? [{ site: sites.get(name)!, day, js: true, elder: true }] : []),
    ];
    // The comparison has something to compare: the programme notice and the 本月 line at least.
    expect(same.get('/policies/trade-in/')!.texts.join()).toContain('汽车以旧换新补贴');
    expect(same.get('/events/')!.texts.join()).toContain('[data-progress-line]');
    const problems: string[] = [];
    for (const [path, r] of same) if (r.width > 360) problems.push(`${path}（${name}构建，无 JavaScript）宽 ${r.width}px`);
    for (const v of visits) {
      const label = `${v.site === sites.get('build') ? 'build' : NAMES.find((n) => sites.get(n) === v.site)}构建${v.elder ? '，适老' : ''}`;
      for (const [path, r] of await visitAll(b, v)) {
        if (r.width > 360) problems.push(`${path}（${label}）宽 ${r.width}px`);
        const expected = same.get(path)!.texts;
        if (JSON.stringify(r.texts) !== JSON.stringify(expected)) {
          problems.push(`${path}（${label}）与当天构建的静态文字不一致：\n    浏览器：${r.texts.join(' | ')}\n    当天构建：${expected.join(' | ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the policy pages, /events/ and the home page say what is true that day', async () => {
    const s = await openSession(browser(), { viewport: { width: 360, height: 800 } });
    await s.page.clock.setFixedTime(new Date(day));
    const today = shanghaiDay(day);

    await s.page.goto(`${baseUrl()}/policies/trade-in/`);
    const notice = s.page.locator('[data-validity-notice]').first();
    const to = (await notice.getAttribute('data-to'))!;
    const text = await notice.locator('[data-validity-text]').innerText();
    const left = daysBetween(today, to);
    if (left < 0) {
      expect(text).toContain(`购车时间已于`);
      expect(text).toMatch(/在此之前购车的，仍可(在.+前)?按\d{4}年的规则申请补贴|申请也已于/u);
      expect(text).toMatch(/\d{4}年的政策尚未公布|新一年度的规定自/u);
      expect(await s.page.locator('[data-validity-late]:not([hidden])').count()).toBeGreaterThan(0);
    } else if (left <= 30) {
      expect(text).toContain(left === 0 ? '今天是最后一天' : `还有${left}天`);
    } else {
      expect(text).toMatch(/有效期至/u);
      expect(await s.page.locator('[data-validity-late]:not([hidden])').count()).toBe(0);
    }
    // No rule in running text carries a badge; each period is in the banner and the table only.
    expect(await s.page.locator('.explainer__body .validity').count()).toBe(0);

    await s.page.goto(`${baseUrl()}/events/`);
    const line = await s.page.locator('[data-progress-line]').innerText();
    const months = Object.keys(JSON.parse((await s.page.locator('[data-progress-line]').getAttribute('data-months'))!) as Record<string, string>);
    const month = today.slice(0, 7);
    if (months.includes(month)) expect(line).toMatch(new RegExp(`^本月：${Number(month.slice(5))}月 计划`, 'u'));
    else expect(line).toMatch(month > months.at(-1)! ? /计划已全部结束/u : /计划尚未开始/u);
    if (months.includes(month)) expect(await s.page.locator('.progress-table tr.is-current').getAttribute('data-month')).toBe(month);

    await s.context.close();

    // In the last 30 days and after: the first phone screen carries the deadline and two large
    // links, in normal and in 适老 mode.
    for (const elder of [false, true]) {
      const home = await openSession(browser(), { viewport: { width: 360, height: 800 } });
      await home.page.clock.setFixedTime(new Date(day));
      if (elder) await home.context.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
      await home.page.goto(`${baseUrl()}/`);
      const banner = home.page.locator('.deadline [data-validity-text]');
      expect(await banner.innerText()).toContain(`${Number(to.slice(5, 7))}月${Number(to.slice(8))}日`);
      expect((await banner.boundingBox())!.y).toBeLessThan(800);
      for (const link of await home.page.locator('.deadline__link').all()) {
        const box = (await link.boundingBox())!;
        expect(box.y + box.height, `${await link.innerText()}${elder ? '（适老）' : ''}`).toBeLessThanOrEqual(800);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      expect(await home.page.locator('.deadline__link').count()).toBe(2);
      await home.context.close();
    }
  });
});

describe('next year is content only', () => {
  /** A copy of the project with the fixture's invented 2027 facts added, built on `day`. */
  function buildWith2027(day: string): string {
    const dir = copyTestProject(root, mkdtempSync(join(tmpdir(), 'wujin-2027-')));
    const facts = join(dir, 'content/policies/data/facts.yaml');
    writeFileSync(facts, `${readFileSync(facts, 'utf8')}\n${readFileSync(join(root, 'tests/fixtures/policies/facts-2027.yaml'), 'utf8')}`);
    const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, 'out')], {
      cwd: dir,
      encoding: 'utf8',
      env: copyEnv(day),
    });
    if (r.status !== 0) throw new Error(r.stdout.slice(-2000) + r.stderr.slice(-2000));
    return join(dir, 'out');
  }
  const noticeOf = (html: string) => [...html.matchAll(/data-validity-text><strong>([^<]*)<\/strong>([^<]*)</gu)].map((m) => m[1]! + m[2]!);

  it("before the new year the page says when next year's rules start; after it, the page is about them", { timeout: 240_000 }, () => {
    const before = readFileSync(join(buildWith2027(TEST_DAYS.lastMonth), 'policies/trade-in/index.html'), 'utf8');
    expect(noticeOf(before)[0]).toContain('新一年度的规定自2027年1月1日起施行。');
    expect(noticeOf(before)[0]).not.toContain('2027年的政策尚未公布');
    const after = readFileSync(join(buildWith2027(TEST_DAYS.afterEnd), 'policies/trade-in/index.html'), 'utf8');
    expect(noticeOf(after)[0]).toBe('2027年汽车以旧换新补贴有效期至2027年12月31日。');
    // The invented 2027 rate is in the text, and 2026's is kept in the rules table as history.
    expect(after).toContain('车价的10%，最高1.8万元');
    expect(after).toMatch(/此前的规定（已被取代）：车价的12%，最高2万元/u);
  });
});
