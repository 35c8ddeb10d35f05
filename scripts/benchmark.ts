/**
 * Builds the site with 500 and 5,000 synthetic events and reports build time and the bytes a
 * visitor downloads for /events/ and /map/ (HTML, CSS, JS, and the lazily loaded event data):
 *   npm run bench [-- 500 5000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { pageWeight } from './lib/page-weight.ts';
import { gzipSync } from 'node:zlib';

const sizes = process.argv.slice(2).filter((a) => /^\d+$/u.test(a)).map(Number);
const counts = sizes.length ? sizes : [500, 5000];

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const rows: string[] = [];
for (const n of counts) {
  const dir = `.cache/synthetic-${n}`;
  const out = `.cache/dist-${n}`;
  execFileSync(process.execPath, ['scripts/generate-events.ts', String(n), '--out', dir], { stdio: 'inherit' });
  rmSync(out, { recursive: true, force: true });
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, EVENTS_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', SITE_DEMO: '1' },
  });
  const seconds = (Date.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`构建 ${n} 个活动失败`);
  const index = statSync(`${out}/data/events-index.json`).size;
  const indexGz = gzipSync(readFileSync(`${out}/data/events-index.json`)).length;
  const total = (path: string) => {
    const w = pageWeight(out, path);
    return { raw: w.html + w.css + w.js + w.lazy, gzip: w.gzip };
  };
  const events = total('/events/');
  const map = total('/map/');
  rows.push(`| ${n} | ${seconds.toFixed(1)} s | ${kb(events.raw)} (${kb(events.gzip)} gzip) | ${kb(map.raw)} (${kb(map.gzip)} gzip) | ${kb(index)} (${kb(indexGz)} gzip) |`);
}
console.log('\n| 活动数 | 构建时间 | /events/ 首次加载 | /map/ 首次加载（含 Leaflet） | 按需加载的活动数据 |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
