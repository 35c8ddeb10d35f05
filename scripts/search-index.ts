/**
 * Indexes a built site for search: `node scripts/search-index.ts dist` (the last step of
 * `npm run build`). Two Pagefind runs, one after the other (scripts/lib/pagefind.ts): the
 * site's pages into dist/pagefind/, the events into dist/pagefind-events/. Run from the project
 * root, where pagefind.yml is.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PAGEFIND_ENV, pagefindRuns, SEARCH_INDEXES } from './lib/pagefind.ts';

const site = process.argv[2] ?? 'dist';
const pagefind = join(import.meta.dirname, '..', 'node_modules/pagefind/lib/runner/bin.cjs');
for (const [i, args] of pagefindRuns(site, pagefind).entries()) {
  console.log(`搜索索引 ${i + 1}/${SEARCH_INDEXES.length}：${join(site, SEARCH_INDEXES[i]!.dir)}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...PAGEFIND_ENV } });
  if (r.status !== 0) {
    console.error(`搜索索引：Pagefind 出错（${join(site, SEARCH_INDEXES[i]!.dir)}），退出码 ${r.status ?? r.signal}`);
    process.exit(1);
  }
}
