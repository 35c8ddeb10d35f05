/**
 * What a build costs, measured against a bare Astro project with the same number of pages, and
 * written to docs/performance.md (issue #12):
 *   npm run bench [-- 500 5000 20000]
 * For each number of synthetic events: generate them (.cache/synthetic-N, plus the site's own
 * demo events), build the site with them (.cache/bench-N), run Pagefind on it, then build a bare
 * project made in os.tmpdir() (one [id].astro page, as many pages as the site build wrote) with
 * the same Node binary and the same astro. Each step is a child process: wall-clock and CPU
 * seconds and the peak memory of its process tree (scripts/lib/measure.ts); every build is cold
 * (fresh content-layer and Vite caches). For the largest run it also says where the time goes:
 * build phases and the routes that render longest.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measure, type Measured } from './lib/measure.ts';
import { pageWeight } from './lib/page-weight.ts';
import { PAGEFIND, pagefindEnv } from './lib/pagefind.ts';
import { describeMachine, writeSection } from './lib/perf-doc.ts';
import { buildConcurrency } from '../src/config/build.ts';
import { TEST_DAYS } from '../tests/days.ts';

const counts = process.argv
  .slice(2)
  .filter((a) => /^\d+$/u.test(a))
  .map(Number);
const sizes = counts.length ? counts : [500, 5000, 20000];
const SITE_NOW = TEST_DAYS.build;
/** Pages the site's build renders at once (astro.config.mjs). */
const CONCURRENCY = buildConcurrency();
const BUILD = 'scripts/lib/astro-build.ts';
const node = process.execPath;
const machine = describeMachine();

const pagefind = { bin: PAGEFIND, env: pagefindEnv() };

const countHtml = (dir: string) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;

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

/** Builds an Astro project in a child process, following its log to time the phases. */
async function astroBuild(root: string, out: string, cache: string, env: NodeJS.ProcessEnv): Promise<Measured & Timeline> {
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
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

/**
 * A minimal Astro project in a temporary folder: one dynamic page, `pages` static pages. Astro's
 * defaults, or as many pages at once as the site builds (`concurrency`).
 */
function makeBareProject(pages: number, concurrency = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'astro-bare-'));
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'astro-bare', private: true, type: 'module' }));
  const config = concurrency > 1 ? `{ build: { concurrency: ${concurrency} } }` : '{}';
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig(${config});\n`);
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: \`page-\${i + 1}\` } }));
}
const { id } = Astro.params;
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{id}</title></head><body><h1>{id}</h1></body></html>
`,
  );
  return dir;
}

interface Run {
  events: number;
  pages: number;
  site: Measured & Timeline;
  pagefind: Measured;
  /** Pages Pagefind put in its index (pages without data-pagefind-body are read, then left out). */
  indexed: number;
  bare: Measured;
  /** The bare project rendering as many pages at once as the site does. */
  bareSame: Measured;
  /** HTML files Pagefind read (pagefind.yml's glob leaves posters out). */
  read: number;
  routes: Record<string, string[]>;
  out: string;
}

const runs: Run[] = [];
for (const events of sizes) {
  const dir = `.cache/synthetic-${events}`;
  const out = `.cache/bench-${events}`;
  const cache = `.cache/bench-${events}-cache`;
  execFileSync(node, ['scripts/generate-events.ts', String(events), '--out', dir], { stdio: 'inherit' });
  // The site's own (demo) events come along: cases and other content refer to them by id.
  cpSync('content/events', `${dir}/site`, { recursive: true });

  console.log(`\n[bench] ${events} 个活动：构建网站…`);
  const site = await astroBuild('.', out, cache, { EVENTS_DIR: dir, SITE_NOW, SITE_DEMO: '1' });
  const pages = countHtml(out);
  const routes = JSON.parse(readFileSync(`${cache}/route-files.json`, 'utf8')) as Record<string, string[]>;
  console.log(`[bench] ${pages} 页，${site.seconds.toFixed(1)} s（CPU ${site.cpuSeconds.toFixed(1)} s），峰值 ${site.peakMB.toFixed(0)} MB。Pagefind…`);
  let indexed = 0;
  let read = 0;
  const index = await measure(node, [pagefind.bin, '--site', out], {
    env: { ...process.env, ...pagefind.env },
    onLine: (line) => {
      indexed = Number(/Indexed (\d+) pages/u.exec(line)?.[1] ?? indexed);
      read = Number(/Found (\d+) files/u.exec(line)?.[1] ?? read);
    },
  });
  console.log(
    `[bench] Pagefind ${index.seconds.toFixed(1)} s（CPU ${index.cpuSeconds.toFixed(1)} s），峰值 ${index.peakMB.toFixed(0)} MB。空白 Astro 项目，${pages} 页…`,
  );
  const bareRun = async (concurrency: number) => {
    const bareDir = makeBareProject(pages, concurrency);
    const bare = await astroBuild(bareDir, join(bareDir, 'dist'), join(bareDir, 'cache'), {});
    if (countHtml(join(bareDir, 'dist')) !== pages) throw new Error('空白项目的页面数与网站不同');
    unlinkSync(join(bareDir, 'node_modules'));
    rmSync(bareDir, { recursive: true, force: true });
    console.log(
      `[bench] 空白 Astro（${concurrency} 页并行）${bare.seconds.toFixed(1)} s（CPU ${bare.cpuSeconds.toFixed(1)} s），峰值 ${bare.peakMB.toFixed(0)} MB。`,
    );
    return bare;
  };
  const bare = await bareRun(1);
  const bareSame = await bareRun(CONCURRENCY);
  rmSync(cache, { recursive: true, force: true });
  runs.push({ events, pages, site, pagefind: index, indexed, read, bare, bareSame, routes, out });
}

// ---- The report -------------------------------------------------------------------------------

const s = (x: number) => x.toFixed(1);
const perK = (seconds: number, pages: number) => ((seconds / pages) * 1000).toFixed(2);
const mb = (x: number) => x.toFixed(0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const n = (x: number) => x.toLocaleString('en-US');

const ratio = (site: number, bare: number) => `${(site / bare).toFixed(1)}×`;
const table = [
  `| 活动数 | 页面数 | 网站构建（Astro） | 每千页：网站 | 每千页：空白 Astro | 倍数：仅 Astro | Pagefind | 倍数：含 Pagefind | 按 CPU 时间的倍数：仅 Astro / 含 Pagefind | 每千页：空白 Astro（${CONCURRENCY} 页并行） | 倍数：仅 Astro / 含 Pagefind，对比同样并行的空白 Astro | 峰值内存：Astro | 峰值内存：Pagefind | 峰值内存：空白 Astro |`,
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...runs.map(
    (r) =>
      `| ${n(r.events)} | ${n(r.pages)} | ${s(r.site.seconds)} s | ${perK(r.site.seconds, r.pages)} s | ${perK(r.bare.seconds, r.pages)} s | ` +
      `${ratio(r.site.seconds, r.bare.seconds)} | ${s(r.pagefind.seconds)} s | ${ratio(r.site.seconds + r.pagefind.seconds, r.bare.seconds)} | ` +
      `${ratio(r.site.cpuSeconds, r.bare.cpuSeconds)} / ${ratio(r.site.cpuSeconds + r.pagefind.cpuSeconds, r.bare.cpuSeconds)} | ` +
      `${perK(r.bareSame.seconds, r.pages)} s | ${ratio(r.site.seconds, r.bareSame.seconds)} / ${ratio(r.site.seconds + r.pagefind.seconds, r.bareSame.seconds)} | ` +
      `${mb(r.site.peakMB)} MB | ${mb(r.pagefind.peakMB)} MB | ${mb(Math.max(r.bare.peakMB, r.bareSame.peakMB))} MB |`,
  ),
];

const big = runs.at(-1)!;
const astroRatio = big.site.seconds / big.bare.seconds;
const allRatio = (big.site.seconds + big.pagefind.seconds) / big.bare.seconds;
const peak = Math.max(...runs.flatMap((r) => [r.site.peakMB, r.pagefind.peakMB]));
const sameRatio = big.site.seconds / big.bareSame.seconds;
const sameAllRatio = (big.site.seconds + big.pagefind.seconds) / big.bareSame.seconds;
const verdict = (ok: boolean) => (ok ? '达标' : '**未达标**');
const targets = [
  `目标（${n(big.events)} 个活动）：仅 Astro ≤ 2× 空白 Astro —— ${astroRatio.toFixed(1)}×，${verdict(astroRatio <= 2)}；` +
    `含 Pagefind ≤ 3× —— ${allRatio.toFixed(1)}×，${verdict(allRatio <= 3)}；` +
    `每一步峰值内存 < 2 GB —— 最高 ${mb(peak)} MB，${verdict(peak < 2048)}。`,
  '',
  `网站构建一次渲染 ${CONCURRENCY} 页（astro.config.mjs 的 build.concurrency，见 src/config/build.ts）；上面的目标按 issue 的定义与默认设置的空白 Astro（一次 1 页）比较。` +
    `空白 Astro 也一次渲染 ${CONCURRENCY} 页时，倍数是仅 Astro ${sameRatio.toFixed(1)}×、含 Pagefind ${sameAllRatio.toFixed(1)}×（表中倒数第四列），两种比法都写在这里。`,
];

// Astro's per-page render times, added up by the route (src/pages file) that produced each page.
const routeOf = new Map(Object.entries(big.routes).flatMap(([route, files]) => files.map((f) => [f, route] as const)));
const byRoute = new Map<string, { pages: number; ms: number }>();
for (const [file, ms] of big.site.pageMs) {
  const route = routeOf.get(file) ?? file;
  const entry = byRoute.get(route) ?? { pages: 0, ms: 0 };
  byRoute.set(route, { pages: entry.pages + 1, ms: entry.ms + ms });
}
const renderTotal = [...byRoute.values()].reduce((sum, r) => sum + r.ms, 0);
const slowest = [...byRoute].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10);
const after = big.site.seconds - big.site.setup - big.site.paths - big.site.render;

const phases = [
  `### ${n(big.events)} 个活动时，构建时间花在哪里`,
  '',
  '| 阶段 | 秒 |',
  '| --- | ---: |',
  `| 启动、内容同步、类型生成、打包 | ${s(big.site.setup)} |`,
  `| 所有路由的 getStaticPaths | ${s(big.site.paths)} |`,
  `| 渲染并写出 ${n(big.pages)} 个页面和文件 | ${s(big.site.render)} |`,
  `| 构建后的集成（站点地图、日历文件、_headers） | ${s(after)} |`,
  `| Pagefind：读 ${n(big.read)} 个页面（海报不读），${n(big.indexed)} 个进索引 | ${s(big.pagefind.seconds)} |`,
  '',
  `按路由合计的渲染时间（Astro 日志里每页的 “+ms”，共 ${s(renderTotal / 1000)} s；${CONCURRENCY} 页同时渲染时各页的计时互相重叠，合计大于墙钟时间，只看相对多少），最多的 10 个：`,
  '',
  '| 路由 | 文件数 | 合计 | 每个 |',
  '| --- | ---: | ---: | ---: |',
  ...slowest.map(([route, r]) => `| \`${route}\` | ${n(r.pages)} | ${s(r.ms / 1000)} s | ${(r.ms / r.pages).toFixed(1)} ms |`),
];

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
  return `${kb(raw)}（gzip ${kb(gzip)}）`;
}

const weights = [
  '### 页面下载量（字节，不随机器快慢变化）',
  '',
  '| 活动数 | /events/ 首次加载 | /map/ 首次加载（含按需加载的 Leaflet） | 全部活动的地图数据 /data/map/（按需分块加载） |',
  '| ---: | ---: | ---: | ---: |',
  ...runs.map((r) => {
    const total = (path: string) => {
      const w = pageWeight(r.out, path);
      return `${kb(w.html + w.css + w.js + w.lazy)}（gzip ${kb(w.gzip)}）`;
    };
    return `| ${n(r.events)} | ${total('/events/')} | ${total('/map/')} | ${folderBytes(`${r.out}/data/map`)} |`;
  }),
];

const section = [
  '## 构建时间和内存（`npm run bench`）',
  '',
  `测量环境：${machine}。`,
  '',
  `每一步是一个子进程：时间是墙钟时间，内存是该进程及其子进程的峰值常驻内存（VmHWM 之和）。每次构建都是冷构建（内容缓存和 Vite 缓存都是新的）。` +
    `网站构建用合成活动加上网站自带的示例活动（案例引用它们；\`EVENTS_DIR\`，\`SITE_NOW=${SITE_NOW}\`）；空白 Astro 是在临时目录里新建的项目，只有一个 \`[id].astro\`，页面数与网站相同，` +
    `用同一个 Node 和同一版本的 Astro 构建。Pagefind 的参数与 \`npm run build\` 相同${
      Object.keys(pagefind.env).length
        ? `（${Object.entries(pagefind.env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')}）`
        : ''
    }。` +
    '倍数 = 网站构建时间 ÷ 空白 Astro 构建时间（页面数相同，即每页时间之比）。' +
    'CPU 时间（用户态 + 内核态，含所有线程和子进程）不因机器上别的工作而变长，机器忙时比墙钟时间更能说明问题。',
  '',
  ...table,
  '',
  ...targets,
  '',
  ...phases,
  '',
  ...weights,
].join('\n');

console.log(`\n${section}\n`);
writeSection('bench', section);
console.log('已写入 docs/performance.md 的构建部分。');
