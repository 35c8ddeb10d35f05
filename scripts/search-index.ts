/**
 * Indexes a built site for search: `node scripts/search-index.ts dist` (the last step of
 * `npm run build`), run from the project root, where pagefind.yml is. One Pagefind index of every
 * page while events are few; at more than 3,000 event pages, the events get their own index
 * (scripts/lib/pagefind.ts, src/config/search.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { eventPageCount, PAGEFIND_ENV, pagefindRuns } from './lib/pagefind.ts';

const site = process.argv[2] ?? 'dist';
const pagefind = join(import.meta.dirname, '..', 'node_modules/pagefind/lib/runner/bin.cjs');
const runs = pagefindRuns(site, pagefind);
console.log(
  runs.length === 1
    ? `搜索索引：${eventPageCount(site).toLocaleString('en')} 个活动页，与其他页面合成一个索引（${join(site, 'pagefind')}）`
    : `搜索索引：${eventPageCount(site).toLocaleString('en')} 个活动页，单独建索引：网站页面 ${join(site, runs[0]!.dir)}，活动 ${join(site, runs[1]!.dir)}`,
);
for (const run of runs) {
  const r = spawnSync(process.execPath, run.args, { stdio: 'inherit', env: { ...process.env, ...PAGEFIND_ENV } });
  if (r.status !== 0) {
    console.error(`搜索索引：Pagefind 出错（${join(site, run.dir)}），退出码 ${r.status ?? r.signal}`);
    process.exit(1);
  }
}
