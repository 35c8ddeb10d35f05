/**
 * What a build costs, measured against a bare Astro project with the same number of pages, and
 * written to docs/performance.md (issue #20; the method is described there, above the table):
 *   npm run bench [-- 500 5000 20000] [--rounds 3]
 * For each number of synthetic events (default 5,000 and 20,000): generate them
 * (.cache/synthetic-N, plus the site's own demo events), then, `--rounds` times (default 3),
 * alternately: build the site (.cache/bench-N), run Pagefind on it, build the bare project
 * (scripts/lib/bare-project.ts: as many pages as the site build wrote HTML files, about 5 KB of
 * text each, the same build.concurrency as the site). Every build is cold: fresh content-layer
 * and Vite caches, the chart PNG cache switched off. Each step is a child process: CPU seconds
 * (user + system of its process tree), wall-clock seconds and peak memory (scripts/lib/measure.ts).
 * The report gives per size the median and range over the rounds; the headline ratio is
 * (site build + Pagefind) ÷ bare build by CPU time. For the largest size it also says where the
 * time goes (build phases, the routes that render longest) in the round with the median site
 * CPU time, and what the main pages weigh.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeBareProject } from './lib/bare-project.ts';
import { pageText, TEXT_BYTES, textBytes } from './lib/bare-text.ts';
import { measure, type Measured } from './lib/measure.ts';
import { pageWeight } from './lib/page-weight.ts';
import { describeMachine, writeSection } from './lib/perf-doc.ts';
import { buildConcurrency } from '../src/config/build.ts';
import { TEST_DAYS } from '../tests/days.ts';

// ---- Arguments --------------------------------------------------------------------------------

const USAGE = '用法：npm run bench [-- 活动数…] [--rounds 轮数]，例如 npm run bench -- 500 5000 20000 --rounds 3';
const args = process.argv.slice(2);
let rounds = 3;
const counts: number[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const roundsArg = /^--rounds(?:=(.*))?$/u.exec(a);
  if (roundsArg) {
    const value = roundsArg[1] ?? args[++i];
    rounds = Number(value);
    if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds 要写正整数（收到 ${value}）。${USAGE}`);
  } else if (/^\d+$/u.test(a) && Number(a) > 0) counts.push(Number(a));
  else throw new Error(`不认识的参数 ${a}。${USAGE}`);
}
const sizes = counts.length ? [...new Set(counts)].sort((x, y) => x - y) : [5000, 20000];

/** The target of issue #20: at this many events, site build + Pagefind ≤ RATIO_TARGET × bare by CPU time, every step < MEMORY_TARGET_MB. */
const TARGET_EVENTS = 20000;
const RATIO_TARGET = 2;
const MEMORY_TARGET_MB = 2048;

const SITE_NOW = TEST_DAYS.build;
/** Pages the site's build renders at once (astro.config.mjs); the bare project gets the same. */
const CONCURRENCY = buildConcurrency();
const BUILD = 'scripts/lib/astro-build.ts';
const node = process.execPath;
const machine = describeMachine();
const started = performance.now();

/**
 * The site build's environment. The chart PNG cache (node_modules/.cache/wujin-chart-png) is
 * shared with every other build in this checkout, so it is switched off rather than deleted:
 * every chart is drawn, as in a build with an empty cache.
 */
const siteEnv = (eventsDir: string) => ({ EVENTS_DIR: eventsDir, SITE_NOW, SITE_DEMO: '1', CHART_PNG_CACHE: '0' });

const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith('.html'))
    .map((f) => join(f.parentPath, f.name));

// ---- One measured build -----------------------------------------------------------------------

/** Where one build spent its time: phases read from its log, and Astro's render time per page. */
interface Timeline {
  /** Seconds from start until Astro begins generating static routes (config, content sync, bundling). */
  setup: number;
  /** Seconds in getStaticPaths for every route, before the first page is rendered. */
  paths: number;
  /** Seconds rendering and writing pages. */
  render: number;
  /** Render milliseconds per output file, as Astro logs them ("├─ /x/index.html (+12ms)"). */
  pageMs: Map<string, number>;
}

/**
 * Builds an Astro project in a child process, cold (its output, its content-layer and Vite
 * caches and `clean` removed first), following its log to time the phases.
 */
async function astroBuild(root: string, out: string, cache: string, env: NodeJS.ProcessEnv, clean: string[] = []): Promise<Measured & Timeline> {
  for (const dir of [out, cache, ...clean]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const t0 = performance.now();
  const at = () => (performance.now() - t0) / 1000;
  let generating = 0;
  let firstPage = 0;
  let lastPage = 0;
  let current = '';
  const pageMs = new Map<string, number>();
  const measured = await measure(node, [BUILD, root, out, cache], {
    env: { ...process.env, ...env },
    onLine: (line) => {
      if (line.includes('generating static routes')) generating = at();
      // The path, without a log timestamp that can follow it with no space (/404.html09:55:13).
      const page = /├─ (\/\S+?)(?=\d\d:\d\d:\d\d|\s|$)/u.exec(line);
      if (page) {
        current = page[1]!;
        firstPage ||= at();
      }
      const time = /\(\+([\d.]+)(ms|s)\)/u.exec(line);
      if (time && current) {
        pageMs.set(current, Number(time[1]) * (time[2] === 's' ? 1000 : 1));
        lastPage = at();
      }
    },
  });
  return { ...measured, setup: generating, paths: firstPage - generating, render: lastPage - firstPage, pageMs };
}

// ---- The rounds -------------------------------------------------------------------------------

interface Round {
  site: Measured & Timeline;
  pagefind: Measured;
  bare: Measured;
  /** HTML files the site build wrote (the bare project renders as many). */
  pages: number;
  /** Pages Pagefind put in its index (pages without data-pagefind-body are read, then left out). */
  indexed: number;
  /** HTML files Pagefind read (pagefind.yml's glob chooses them). */
  read: number;
  routes: Record<string, string[]>;
}

interface Size {
  events: number;
  pages: number;
  rounds: Round[];
  out: string;
  /** Median size of the HTML files, site and bare, in bytes. */
  siteHtml: number;
  bareHtml: number;
  /** Median bytes of text on a bare page, and the CPU seconds making the text of every page took. */
  bareText: number;
  bareTextCpu: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const medianFileSize = (files: string[]) => median(files.map((f) => statSync(f).size));
const fmt = (x: number) => x.toFixed(1);

const results: Size[] = [];
for (const events of sizes) {
  const dir = `.cache/synthetic-${events}`;
  const out = `.cache/bench-${events}`;
  const cache = `.cache/bench-${events}-cache`;
  execFileSync(node, ['scripts/generate-events.ts', String(events), '--out', dir], { stdio: 'inherit' });
  // The site's own (demo) events come along: cases and other content refer to them by id.
  cpSync('content/events', `${dir}/site`, { recursive: true });

  const done: Round[] = [];
  let bare: ReturnType<typeof makeBareProject> | undefined;
  let bareHtml = 0;
  try {
    for (let r = 1; r <= rounds; r++) {
      const tag = `[bench] ${events} 个活动，第 ${r}/${rounds} 轮`;
      console.log(`\n${tag}：构建网站…`);
      const site = await astroBuild('.', out, cache, siteEnv(dir));
      const pages = htmlFiles(out).length;
      const routes = JSON.parse(readFileSync(`${cache}/route-files.json`, 'utf8')) as Record<string, string[]>;
      console.log(`${tag}：网站 ${pages} 页，CPU ${fmt(site.cpuSeconds)} s，墙钟 ${fmt(site.seconds)} s，峰值 ${site.peakMB.toFixed(0)} MB。Pagefind…`);
      let indexed = 0;
      let read = 0;
      // The search index as `npm run build` makes it (two runs when events have their own index).
      const index = await measure(node, ['scripts/search-index.ts', out], {
        onLine: (line) => {
          indexed += Number(/Indexed (\d+) pages/u.exec(line)?.[1] ?? 0);
          read += Number(/Found (\d+) files/u.exec(line)?.[1] ?? 0);
        },
      });
      console.log(
        `${tag}：Pagefind CPU ${fmt(index.cpuSeconds)} s，墙钟 ${fmt(index.seconds)} s，峰值 ${index.peakMB.toFixed(0)} MB。空白 Astro，${pages} 页…`,
      );
      if (bare && bare.pages !== pages) {
        // Only when the site's code changed during the run: each round compares equal page counts.
        console.warn(`${tag}：网站这一轮写出 ${pages} 个 HTML 文件，上一轮 ${bare.pages} 个（构建期间代码有改动？）。空白项目按新的页面数重建。`);
        bare.remove();
        bare = undefined;
      }
      bare ??= makeBareProject(pages, CONCURRENCY);
      const bareOut = join(bare.dir, 'dist');
      const bareRun = await astroBuild(bare.dir, bareOut, join(bare.dir, 'cache'), {}, [join(bare.dir, '.astro')]);
      const bareFiles = htmlFiles(bareOut);
      if (bareFiles.length !== pages) throw new Error(`空白项目写出 ${bareFiles.length} 个 HTML 文件，网站 ${pages} 个`);
      bareHtml = medianFileSize(bareFiles);
      console.log(`${tag}：空白 Astro CPU ${fmt(bareRun.cpuSeconds)} s，墙钟 ${fmt(bareRun.seconds)} s，峰值 ${bareRun.peakMB.toFixed(0)} MB。`);
      done.push({ site, pagefind: index, bare: bareRun, pages, indexed, read, routes });
    }
  } finally {
    bare?.remove();
    rmSync(cache, { recursive: true, force: true });
  }
  const pages = Math.max(...done.map((r) => r.pages));
  const cpu0 = process.cpuUsage();
  const texts = Array.from({ length: pages }, (_, i) => textBytes(pageText(`page-${i + 1}`)));
  const cpu = process.cpuUsage(cpu0);
  results.push({
    events,
    pages,
    rounds: done,
    out,
    siteHtml: medianFileSize(htmlFiles(out)),
    bareHtml,
    bareText: median(texts),
    bareTextCpu: (cpu.user + cpu.system) / 1e6,
  });
}

// ---- The report -------------------------------------------------------------------------------

const n = (x: number) => x.toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const kb0 = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (x: number) => `${x.toFixed(0)} MB`;

const sec = (x: number) => `${x.toFixed(1)} s`;
const times = (x: number) => `${x.toFixed(2)}×`;
/** "median（min–max）" over the rounds, the unit once (" s" or "×"); only the value when there was one round. */
function spread(xs: number[], unit: ' s' | '×'): string {
  const show = (x: number) => (unit === ' s' ? x.toFixed(1) : x.toFixed(2));
  if (xs.length === 1) return `${show(xs[0]!)}${unit}`;
  return `${show(median(xs))}${unit}（${show(Math.min(...xs))}–${show(Math.max(...xs))}）`;
}

/** The numbers of one round that the tables show. */
const per = (r: Round) => ({
  siteCpu: r.site.cpuSeconds,
  pagefindCpu: r.pagefind.cpuSeconds,
  totalCpu: r.site.cpuSeconds + r.pagefind.cpuSeconds,
  bareCpu: r.bare.cpuSeconds,
  ratio: (r.site.cpuSeconds + r.pagefind.cpuSeconds) / r.bare.cpuSeconds,
  astroRatio: r.site.cpuSeconds / r.bare.cpuSeconds,
  siteWall: r.site.seconds,
  pagefindWall: r.pagefind.seconds,
  bareWall: r.bare.seconds,
  wallRatio: (r.site.seconds + r.pagefind.seconds) / r.bare.seconds,
});
type Per = ReturnType<typeof per>;
const column = (s: Size, key: keyof Per) => s.rounds.map((r) => per(r)[key]);
const peaks = (s: Size) => ({
  site: Math.max(...s.rounds.map((r) => r.site.peakMB)),
  pagefind: Math.max(...s.rounds.map((r) => r.pagefind.peakMB)),
  bare: Math.max(...s.rounds.map((r) => r.bare.peakMB)),
});

/** The page count of a size; a range if the site's output changed between rounds (its code was edited during the run). */
const pagesCell = (s: Size) => {
  const all = s.rounds.map((r) => r.pages);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return lo === hi ? n(lo) : `${n(lo)}–${n(hi)}（各轮不同）`;
};

const table = [
  '| 活动数 | 页面数 | CPU：网站 Astro | CPU：Pagefind | CPU：网站合计 | CPU：空白 Astro | **倍数（CPU）：网站合计 ÷ 空白** | 倍数（CPU）：仅 Astro ÷ 空白 | 墙钟：网站 Astro | 墙钟：Pagefind | 墙钟：空白 Astro | 倍数（墙钟）：网站合计 ÷ 空白 | 峰值内存：网站 Astro | 峰值内存：Pagefind | 峰值内存：空白 Astro |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map((s) => {
    const p = peaks(s);
    return (
      `| ${n(s.events)} | ${pagesCell(s)} | ${spread(column(s, 'siteCpu'), ' s')} | ${spread(column(s, 'pagefindCpu'), ' s')} | ${spread(column(s, 'totalCpu'), ' s')} | ` +
      `${spread(column(s, 'bareCpu'), ' s')} | **${spread(column(s, 'ratio'), '×')}** | ${spread(column(s, 'astroRatio'), '×')} | ` +
      `${spread(column(s, 'siteWall'), ' s')} | ${spread(column(s, 'pagefindWall'), ' s')} | ${spread(column(s, 'bareWall'), ' s')} | ${spread(column(s, 'wallRatio'), '×')} | ` +
      `${mb(p.site)} | ${mb(p.pagefind)} | ${mb(p.bare)} |`
    );
  }),
];

const roundTable = [
  '各轮的数据（按运行顺序；每轮依次是网站构建、Pagefind、空白 Astro 构建）：',
  '',
  '| 活动数 | 轮 | 页面数 | CPU：网站 Astro / Pagefind / 空白 | 倍数（CPU） | 墙钟：网站 Astro / Pagefind / 空白 | 峰值内存：网站 Astro / Pagefind / 空白 |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.flatMap((s) =>
    s.rounds.map((r, i) => {
      const p = per(r);
      return (
        `| ${n(s.events)} | ${i + 1} | ${n(r.pages)} | ${sec(p.siteCpu)} / ${sec(p.pagefindCpu)} / ${sec(p.bareCpu)} | ${times(p.ratio)} | ` +
        `${sec(p.siteWall)} / ${sec(p.pagefindWall)} / ${sec(p.bareWall)} | ${mb(r.site.peakMB)} / ${mb(r.pagefind.peakMB)} / ${mb(r.bare.peakMB)} |`
      );
    }),
  ),
];

const sizesLine =
  '页面大小（HTML 文件大小的中位数）：' +
  results.map((s) => `${n(s.events)} 个活动时网站 ${kb(s.siteHtml)}、空白 Astro ${kb(s.bareHtml)}（正文文字 ${kb(s.bareText)}）`).join('；') +
  '。' +
  `空白项目生成这些文字本身用 CPU ${results.map((s) => `${s.bareTextCpu.toFixed(2)} s（${n(s.pages)} 页）`).join('、')}，算在空白 Astro 的 CPU 时间里。`;

const verdict = (ok: boolean) => (ok ? '达标' : '**未达标**');
const target = results.find((s) => s.events === TARGET_EVENTS);
let targetLine: string;
if (!target) {
  targetLine = `目标（${n(TARGET_EVENTS)} 个活动：网站构建 + Pagefind ≤ 空白 Astro 的 ${RATIO_TARGET} 倍（CPU 时间），每一步峰值内存 < 2 GB）：本次没有测 ${n(TARGET_EVENTS)} 个活动，无法判断。`;
} else {
  const ratios = column(target, 'ratio');
  const m = median(ratios);
  const over = ratios.filter((x) => x > RATIO_TARGET).length;
  const p = peaks(target);
  const top = Math.max(p.site, p.pagefind, p.bare);
  const ratioOk = m <= RATIO_TARGET;
  const memoryOk = top < MEMORY_TARGET_MB;
  const roundsNote =
    ratios.length === 1
      ? '（只测了 1 轮）'
      : over === 0
        ? `（${ratios.length} 轮都不超过）`
        : over === ratios.length
          ? `（${ratios.length} 轮都超过）`
          : `（但 ${ratios.length} 轮中有 ${over} 轮超过 ${RATIO_TARGET}×）`;
  targetLine =
    `目标（${n(TARGET_EVENTS)} 个活动）：网站构建 + Pagefind ≤ 空白 Astro 的 ${RATIO_TARGET} 倍（CPU 时间）—— 中位数 ${times(m)}，${verdict(ratioOk)}${roundsNote}；` +
    `每一步峰值内存 < 2 GB —— 网站 Astro ${mb(p.site)}、Pagefind ${mb(p.pagefind)}、空白 Astro ${mb(p.bare)}（各轮最高），${verdict(memoryOk)}。` +
    `${ratioOk && memoryOk ? '两项都达标。' : '目标没有全部达到。'}`;
}

// ---- Where the time goes, for the largest size ------------------------------------------------

const big = results.at(-1)!;
const order = big.rounds.map((r, i) => [r.site.cpuSeconds, i] as const).sort((a, b) => a[0] - b[0]);
const pickIndex = order[(order.length - 1) >> 1]![1];
const pick = big.rounds[pickIndex]!;

// Astro's per-page render times, added up by the route (src/pages file) that produced each page.
const routeOf = new Map(Object.entries(pick.routes).flatMap(([route, files]) => files.map((f) => [f, route] as const)));
const byRoute = new Map<string, { pages: number; ms: number }>();
for (const [file, ms] of pick.site.pageMs) {
  const route = routeOf.get(file) ?? file;
  const entry = byRoute.get(route) ?? { pages: 0, ms: 0 };
  byRoute.set(route, { pages: entry.pages + 1, ms: entry.ms + ms });
}
const renderTotal = [...byRoute.values()].reduce((sum, r) => sum + r.ms, 0);
const slowest = [...byRoute].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10);
const after = pick.site.seconds - pick.site.setup - pick.site.paths - pick.site.render;

const phases = [
  `### ${n(big.events)} 个活动时，构建时间花在哪里`,
  '',
  big.rounds.length === 1
    ? '墙钟时间，从构建日志里各阶段开始的时刻算出。'
    : `第 ${pickIndex + 1} 轮（${big.rounds.length} 轮中网站 Astro CPU 时间居中的一轮）的墙钟时间，从构建日志里各阶段开始的时刻算出。`,
  '',
  '| 阶段 | 秒 |',
  '| --- | ---: |',
  `| 启动、内容同步、类型生成、打包 | ${fmt(pick.site.setup)} |`,
  `| 所有路由的 getStaticPaths | ${fmt(pick.site.paths)} |`,
  `| 渲染并写出 ${n(pick.site.pageMs.size)} 个页面和文件 | ${fmt(pick.site.render)} |`,
  `| 构建后的集成（站点地图、日历文件、_headers） | ${fmt(after)} |`,
  `| Pagefind：读 ${n(pick.read)} 个 HTML 文件，${n(pick.indexed)} 个进索引 | ${fmt(pick.pagefind.seconds)} |`,
  '',
  `按路由合计的渲染时间（Astro 日志里每页的 “+ms”，共 ${fmt(renderTotal / 1000)} s；${CONCURRENCY} 页同时渲染时各页的计时互相重叠，合计大于墙钟时间，只看相对多少），最多的 10 个：`,
  '',
  '| 路由 | 文件数 | 合计 | 每个 |',
  '| --- | ---: | ---: | ---: |',
  ...slowest.map(([route, r]) => `| \`${route}\` | ${n(r.pages)} | ${fmt(r.ms / 1000)} s | ${(r.ms / r.pages).toFixed(1)} ms |`),
];

// ---- Page weight ------------------------------------------------------------------------------

/** Bytes of every file under a folder of a build, raw and gzip ('—' when the folder is not there). */
function folderBytes(dir: string): string {
  let raw = 0;
  let gzip = 0;
  try {
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const bytes = readFileSync(join(f.parentPath, f.name));
      raw += bytes.length;
      gzip += gzipSync(bytes).length;
    }
  } catch {
    return '—';
  }
  return `${kb0(raw)}（gzip ${kb0(gzip)}）`;
}

const weights = [
  '### 页面下载量（字节，不随机器快慢变化）',
  '',
  '| 活动数 | /events/ 首次加载 | /map/ 首次加载（含按需加载的 Leaflet） | 全部活动的地图数据 /data/map/（按需分块加载） |',
  '| ---: | ---: | ---: | ---: |',
  ...results.map((s) => {
    const total = (path: string) => {
      const w = pageWeight(s.out, path);
      return `${kb0(w.html + w.css + w.js + w.lazy)}（gzip ${kb0(w.gzip)}）`;
    };
    return `| ${n(s.events)} | ${total('/events/')} | ${total('/map/')} | ${folderBytes(`${s.out}/data/map`)} |`;
  }),
];

// ---- The section ------------------------------------------------------------------------------

const section = [
  '## 构建时间和内存（`npm run bench`）',
  '',
  `测量环境：${machine}。`,
  '',
  `本次参数：每个活动数测 ${rounds} 轮，每轮依次构建网站、运行 Pagefind、构建空白 Astro 项目；网站和空白项目都一次渲染 ${CONCURRENCY} 页（build.concurrency）；` +
    `网站用合成活动加上网站自带的示例活动（\`EVENTS_DIR\`，\`SITE_NOW=${SITE_NOW}\`，\`CHART_PNG_CACHE=0\`）；空白项目每页约 ${n(TEXT_BYTES)} 字节正文` +
    `；Pagefind 与 \`npm run build\` 相同（\`scripts/search-index.ts\`：活动超过 3,000 个时网站页面和活动各一个索引，先后运行，时间和内存合计为一步）。方法见上文“\`npm run bench\` 怎样测量”。` +
    (rounds > 1 ? '表中是各轮的中位数，括号里是最小值–最大值；峰值内存取各轮最高。' : '只测了 1 轮，没有波动范围，只能粗看。'),
  '',
  ...table,
  '',
  sizesLine,
  '',
  targetLine,
  '',
  ...roundTable,
  '',
  ...phases,
  '',
  ...weights,
].join('\n');

console.log(`\n${section}\n`);
writeSection('bench', section);
console.log(`已写入 docs/performance.md 的构建部分。共用 ${((performance.now() - started) / 60000).toFixed(1)} 分钟。`);
console.log(targetLine.replace(/\*\*/gu, ''));
