/**
 * The one date stamp in the output: when content/ last changed, from git history, so that two
 * builds of the same commit are identical. Outside a git checkout it is simply unknown.
 */
import { execFileSync } from 'node:child_process';
import { contentDir } from '../config/collections.ts';

let cache: string | null | undefined;

/** yyyy-mm-dd of the last commit touching the content folder (content/, or CONTENT_DIR), or null when git cannot tell. */
export function getContentUpdated(): string | null {
  if (cache !== undefined) return cache;
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d', '--', contentDir()], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    cache = /^\d{4}-\d{2}-\d{2}$/u.test(out) ? out : null;
  } catch {
    cache = null;
  }
  return cache;
}
