/**
 * Builds the site with 500 and 5,000 synthetic events and reports build time and the bytes a
 * visitor downloads for /events/ and /map/ (HTML, CSS, JS, and the lazily loaded event data):
 *   npm run bench [-- 500 5000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const sizes = process.argv.slice(2).filter((a) => /^\d+$/u.test(a)).map(Number);
const counts = sizes.length ? sizes : [500, 5000];

function pageBytes(out: string, path: string, extra: string[] = []): { raw: number; gzip: number } {
  const html = readFileSync(`${out}${path}index.html`, 'utf8');
  const refs = [
    ...[...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/gu)].map((m) => m[1]!),
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"/gu)].map((m) => m[1]!),
    ...extra,
  ];
  // Follow the JS chunks a page imports (Leaflet and its CSS load only on map pages).
  const seen = new Set<string>();
  const queue = [...refs];
  while (queue.length) {
    const ref = queue.shift()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    if (ref.endsWith('.js')) {
      const js = readFileSync(`${out}${ref}`, 'utf8');
      // Static imports, dynamic import(`./chunk.js`) and Vite's preload lists ("_astro/x.css").
      for (const m of js.matchAll(/["'`]\/?(_astro\/[^"'`]+\.(?:js|css))["'`]|["'`]\.\/([^"'`]+\.(?:js|css))["'`]/gu)) queue.push(m[1] ? `/${m[1]}` : `/_astro/${m[2]}`);
    }
  }
  const files = [html, ...[...seen].map((r) => readFileSync(`${out}${r}`))];
  return {
    raw: files.reduce((s, f) => s + Buffer.byteLength(f), 0),
    gzip: files.reduce((s, f) => s + gzipSync(f).length, 0),
  };
}

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
  const events = pageBytes(out, '/events/');
  const map = pageBytes(out, '/map/');
  rows.push(`| ${n} | ${seconds.toFixed(1)} s | ${kb(events.raw)} (${kb(events.gzip)} gzip) | ${kb(map.raw)} (${kb(map.gzip)} gzip) | ${kb(index)} (${kb(indexGz)} gzip) |`);
}
console.log('\n| 活动数 | 构建时间 | /events/ 首次加载 | /map/ 首次加载（含 Leaflet） | 按需加载的活动数据 |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
