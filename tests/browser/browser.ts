/**
 * Headless Debian Chromium driven by playwright-core. Every request that leaves the local
 * server is blocked and recorded, so tests prove the site works with no internet.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { BUILD_NOW } from '../days.ts';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The local server's address, provided by the global setup. */
export const baseUrl = (): string => inject('baseUrl');

/**
 * "Today" for every browser test, the same instant `npm test` builds with (SITE_NOW, from
 * tests/days.ts), so that upcoming and past events do not change as the calendar moves on.
 */
export const TEST_NOW = BUILD_NOW;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** Where browser tests leave screenshots for people to look at. */
export const SHOTS = 'test-results/screenshots';

/** One Chromium per test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => browser?.close());
  return () => {
    if (!browser) throw new Error('浏览器尚未启动');
    return browser;
  };
}

export interface Session {
  context: BrowserContext;
  page: Page;
  outside: string[];
  errors: string[];
}

/**
 * A fresh context whose outside requests are aborted and listed in `outside`. `site` is the
 * server that counts as inside (the built site by default; another build for some tests).
 */
export async function openSession(browser: Browser, options: BrowserContextOptions = {}, site: string = baseUrl()): Promise<Session> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const outside: string[] = [];
  const errors: string[] = [];
  const base = new URL(site);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === base.host || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(TEST_NOW);
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, outside, errors };
}

/**
 * Visits every path on a 360 × 800 phone, in normal and then 适老 mode (one session each), and
 * collects what `check` finds wrong on each page, labelled with the page and the mode.
 */
export async function problemsOnPhone(browser: Browser, paths: readonly string[], check: (page: Page, path: string) => Promise<string[]>): Promise<string[]> {
  const problems: string[] = [];
  for (const elder of [false, true]) {
    const s = await openSession(browser, { viewport: { width: 360, height: 800 } });
    if (elder) await s.context.addInitScript(() => localStorage.setItem('wujin-elder', '1'));
    for (const path of paths) {
      await s.page.goto(baseUrl() + path);
      for (const p of await check(s.page, path)) problems.push(`${path}${elder ? '（适老）' : ''}：${p}`);
    }
    await s.context.close();
  }
  return problems;
}

/** The headers dist/_headers gives one path, as a static host reads it. */
export function builtHeaders(path = '/'): Record<string, string> {
  // Rules in file order; each block applies when its pattern (a prefix ending in *) matches the
  // path. "! Name" detaches a header an earlier rule set (Cloudflare Pages' syntax).
  const headers: Record<string, string> = {};
  let applies = false;
  for (const line of readFileSync('dist/_headers', 'utf8').split('\n')) {
    if (/^\S/u.test(line)) {
      const pattern = line.trim();
      applies = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    } else if (applies && /^\s+!\s*\S/u.test(line)) {
      delete headers[line.replace(/^\s+!\s*/u, '').trim()];
    } else if (applies && /^\s+\S+:/u.test(line)) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return headers;
}

/**
 * A session whose local responses carry the built security headers, recording CSP violations.
 * `elsewhere` serves pages of other sites (address → HTML), such as a newspaper framing an embed.
 */
export async function strictSession(
  b: Browser,
  options = {},
  elsewhere: Record<string, string> = {},
): Promise<Session & { violations: () => Promise<string[]> }> {
  const s = await openSession(b, options);
  const base = new URL(baseUrl());
  await s.context.unroute('**/*');
  await s.context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (elsewhere[url.href] !== undefined) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: elsewhere[url.href] });
    if (url.host !== base.host) {
      s.outside.push(url.href);
      return route.abort();
    }
    try {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...builtHeaders(url.pathname) } });
    } catch {
      // The page closed while a request was in flight (end of a test): nothing to check.
      await route.abort().catch(() => {});
    }
  });
  const consoleViolations: string[] = [];
  s.page.on('console', (m) => {
    if (/Content Security Policy|Refused to/u.test(m.text())) consoleViolations.push(m.text());
  });
  await s.context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = async () => [...consoleViolations, ...(await s.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
  return { ...s, violations };
}
