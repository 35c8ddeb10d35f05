/**
 * Pagefind as `npm run build` runs it, for the benchmark and the audit: the npm wrapper around
 * the binary, and the variables the build script in package.json sets before it
 * (e.g. `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=2000 pagefind --site dist`), read from there so the
 * measurements follow the real build when it changes.
 */
import { readFileSync } from 'node:fs';

/** The wrapper script behind node_modules/.bin/pagefind; run it with process.execPath. */
export const PAGEFIND = 'node_modules/pagefind/lib/runner/bin.cjs';

/** The `NAME=value` assignments just before `pagefind` in package.json's build script. */
export function pagefindEnv(): Record<string, string> {
  const build = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { build: string } }).scripts.build;
  const prefix = /((?:\w+=\S+\s+)*)pagefind\b/u.exec(build)?.[1] ?? '';
  return Object.fromEntries([...prefix.matchAll(/(\w+)=(\S+)/gu)].map((m) => [m[1]!, m[2]!]));
}
