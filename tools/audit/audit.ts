/**
 * Lighthouse (mobile preset, the default) on the pages people use most, three runs each, and the
 * median written to docs/performance.md (issue #12):
 *   npm run audit [-- --dist .cache/audit]
 * Builds the site into .cache/audit (SITE_NOW fixed, Pagefind as in `npm run build`) unless
 * --dist names a build to reuse, serves it from a small local server that behaves like the
 * deployed one (gzip, the headers in _headers, 404.html with status 404), and runs Lighthouse in
 * the system Chromium. A page that does not exist (404) is reported as such, not audited.
 *
 * Lives in its own package (tools/audit/package.json): `npm run audit` installs Lighthouse there on
 * first use, so the site and its tests do not carry it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { chromiumVersion, describeMachine, version, writeSection } from '../../scripts/lib/perf-doc.ts';
import { TEST_DAYS } from '../../tests/days.ts';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = 3;
const SITE_NOW = TEST_DAYS.build;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
const dist = resolve(distArg >= 0 ? args[distArg + 1]! : '.cache/audit');
const machine = describeMachine([chromiumVersion(CHROMIUM), `Lighthouse ${version('tools/audit/node_modules/lighthouse')}`]);

if (distArg < 0) {
  const env = { ...process.env, SITE_NOW };
  console.log(`[audit] 构建网站到 ${dist} …`);
  execFileSync(process.execPath, ['scripts/lib/astro-build.ts', '.', dist, '.cache/audit-cache'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync(process.execPath, ['scripts/search-index.ts', dist], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

// ---- A static server like the deployed one ---------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
const COMPRESS = /^(text\/|application\/(json|xml|wasm)|image\/svg)/u;

/** The headers _headers gives every page ("/*"), as a static host that reads it would send them. */
function siteHeaders(): Record<string, string> {
  const file = join(dist, '_headers');
  if (!existsSync(file)) return {};
  const block =
    readFileSync(file, 'utf8')
      .split(/^\/\*\s*$/mu)[1]
      ?.split(/^\S/mu)[0] ?? '';
  return Object.fromEntries([...block.matchAll(/^\s+([\w-]+):\s*(.+)$/gmu)].map((m) => [m[1]!, m[2]!.trim()]));
}

function serve(): Promise<Server> {
  const headers = siteHeaders();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dist, normalize(path));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = file.startsWith(dist) && existsSync(file);
    if (!found) file = join(dist, '404.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    const gzip = COMPRESS.test(type) && /\bgzip\b/u.test(String(req.headers['accept-encoding']));
    if (gzip) body = gzipSync(body);
    res.writeHead(found ? 200 : 404, {
      ...headers,
      'Content-Type': type,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      // Hashed build files never change; pages are revalidated, as on the real host.
      'Cache-Control': path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- Lighthouse ------------------------------------------------------------------------------

/** How many event pages this build has. */
function eventCount(): number {
  return readdirSync(join(dist, 'events')).filter((d) => !/^\d{4}-\d{2}$/u.test(d) && existsSync(join(dist, 'events', d, 'index.html'))).length;
}

/** One event page that this build has: the first demo event, or else any event. */
function eventPage(): string {
  const ids = readdirSync(join(dist, 'events')).filter((d) => !/^\d{4}-\d{2}$/u.test(d) && existsSync(join(dist, 'events', d, 'index.html')));
  return `/events/${ids.sort().find((d) => d.startsWith('demo-')) ?? ids[0]}/`;
}

/**
 * The largest list page in this build (a month, a city's month or a county's events, a later
 * page of one, a city, the calendar): lists are what grows with the number of events, so the
 * audit of a build with many events (`-- --dist` of a `npm run bench` build) shows the worst one.
 */
function largestListPage(): string {
  const list = /^(events\/index\.html|events\/\d{4}-\d{2}\/(\d+\/)?index\.html|cities\/[^/]+\/([^/]+\/)?(\d+\/)?index\.html|calendar\/index\.html)$/u;
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => list.test(f));
  const largest = files.sort((a, b) => statSync(join(dist, b)).size - statSync(join(dist, a)).size || a.localeCompare(b))[0]!;
  return `/${largest.replace(/index\.html$/u, '')}`;
}

const paths = [
  '/',
  '/notice/',
  '/policies/trade-in/',
  '/policies/calculator/',
  '/events/',
  eventPage(),
  '/map/',
  '/plan/',
  '/cases/',
  '/search/',
  `/search/?q=${encodeURIComponent('以旧换新')}`,
];
const biggestList = largestListPage();
if (!paths.includes(biggestList)) paths.push(biggestList);

interface PageResult {
  path: string;
  missing?: boolean;
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcp: number;
  tbt: number;
  cls: number;
  /** "category: audit title" for each weighted audit below full marks, in categories below 100. */
  misses: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await serve();
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const results: PageResult[] = [];
try {
  for (const path of paths) {
    const status = (await fetch(`${origin}${path}`)).status;
    if (status === 404) {
      console.log(`[audit] ${decodeURI(path)}：不存在（404）`);
      results.push({ path, missing: true, scores: { performance: 0, accessibility: 0, 'best-practices': 0, seo: 0 }, lcp: 0, tbt: 0, cls: 0, misses: [] });
      continue;
    }
    const runs: RunnerResult['lhr'][] = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${origin}${path}`, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        disableFullPageScreenshot: true,
        locale: 'zh',
      });
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse ${path}: ${lhr?.runtimeError?.message ?? '没有结果'}`);
      runs.push(lhr);
    }
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [id, median(runs.map((lhr) => Math.round((lhr.categories[id]!.score ?? 0) * 100)))]),
    ) as PageResult['scores'];
    // What cost the points, in the categories whose median is below 100.
    const misses = new Set<string>();
    for (const lhr of runs) {
      for (const id of CATEGORIES.filter((c) => scores[c] < 100)) {
        for (const ref of lhr.categories[id]!.auditRefs) {
          const audit = lhr.audits[ref.id]!;
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) misses.add(`${lhr.categories[id]!.title}：${audit.title}`);
        }
      }
    }
    const metric = (id: string) => median(runs.map((lhr) => lhr.audits[id]!.numericValue ?? 0));
    const page = {
      path,
      scores,
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      misses: [...misses].sort(),
    };
    console.log(`[audit] ${decodeURI(path)}：${CATEGORIES.map((id) => scores[id]).join(' / ')}`);
    results.push(page);
  }
} finally {
  chrome.kill();
  server.close();
}

// ---- The report -------------------------------------------------------------------------------

const passes = (r: PageResult) => r.scores.performance >= 98 && CATEGORIES.slice(1).every((id) => r.scores[id] === 100);
const audited = results.filter((r) => !r.missing);
const failing = audited.filter((r) => !passes(r));
const section = [
  '## Lighthouse（`npm run audit`）',
  '',
  `测量环境：${machine}。`,
  '',
  `Lighthouse 默认的移动设备预设（模拟 4G 网络和慢速 CPU），系统 Chromium 无界面运行；每个页面连测 ${RUNS} 次，每一项取中位数。` +
    `${distArg >= 0 ? `用已有的构建 \`${args[distArg + 1]}\`（${eventCount().toLocaleString('en')} 个活动页，含 Pagefind 索引）` : `网站以 \`SITE_NOW=${SITE_NOW}\` 构建（含示例活动和 Pagefind 索引）`}，由脚本内的本地服务器提供：gzip 压缩，发送 \`_headers\` 里的安全响应头，不存在的地址返回 404。`,
  '',
  '| 页面 | 性能 | 无障碍 | 最佳做法 | SEO | LCP | TBT | CLS |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((r) =>
    r.missing
      ? `| ${decodeURI(r.path)} | 不存在（404） | | | | | | |`
      : `| ${decodeURI(r.path)} | ${CATEGORIES.map((id) => r.scores[id]).join(' | ')} | ${(r.lcp / 1000).toFixed(2)} s | ${r.tbt.toFixed(0)} ms | ${r.cls.toFixed(3)} |`,
  ),
  '',
  `目标：四项 100（性能 ≥ 98 算达标，留出机器波动）。${failing.length ? `**未达标：${failing.map((r) => decodeURI(r.path)).join('、')}。**` : `测到的 ${audited.length} 个页面全部达标。`}`,
  ...(audited.some((r) => r.misses.length)
    ? [
        '',
        `不到 100 分的类别里扣分的检查项（${RUNS} 次中任何一次）：`,
        '',
        ...audited.filter((r) => r.misses.length).map((r) => `- ${decodeURI(r.path)}：${r.misses.join('；')}`),
      ]
    : []),
].join('\n');

console.log(`\n${section}\n`);
writeSection('audit', section);
console.log('已写入 docs/performance.md 的 Lighthouse 部分。');
