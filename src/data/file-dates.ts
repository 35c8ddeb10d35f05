/**
 * When each content file last changed, from git history in one pass (not one git call per
 * file: thousands of events must not slow the build). Deterministic for a given commit; files
 * git does not know yet get the content's last-changed date.
 */
import { execFileSync } from 'node:child_process';
import { contentDir } from '../config/collections.ts';
import { getContentUpdated } from './build-info.ts';

let cache: Map<string, string> | undefined;

/** yyyy-mm-dd (Beijing time) of the last commit touching each file under content/, by path. */
export function getFileDates(): Map<string, string> {
  if (cache) return cache;
  cache = new Map();
  try {
    const out = execFileSync('git', ['log', '--format=@%cd', '--date=format-local:%Y-%m-%d', '--name-only', '--', contentDir()], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    let date = '';
    for (const line of out.split('\n')) {
      if (line.startsWith('@')) date = line.slice(1);
      else if (line && !cache.has(line)) cache.set(line, date);
    }
  } catch {
    /* Not a git checkout: every file gets the fallback. */
  }
  return cache;
}

/** The date a content file (path from the project root) last changed. */
export function fileDate(path: string): string {
  return getFileDates().get(path) ?? getContentUpdated() ?? '2026-01-01';
}
