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

/**
 * The moment static pages treat as "now" when splitting upcoming from past: SITE_NOW if set,
 * else the day content last changed (the site's one date stamp). Pages re-check with the
 * visitor's clock when JavaScript runs.
 */
export function getReferenceNow(): Date {
  const env = process.env.SITE_NOW;
  if (env && !Number.isNaN(Date.parse(env))) return new Date(env);
  const updated = getContentUpdated();
  return new Date(`${updated ?? '2026-01-01'}T00:00:00+08:00`);
}
