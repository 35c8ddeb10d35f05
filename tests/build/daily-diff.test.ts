/**
 * The daily rebuild changes only what changed (issue #20): the site with 500 synthetic events
 * plus the fixture's, built on the test build day and on the next day (Astro and Pagefind, as
 * `npm run build` does). Every file that differs must have a reason a reader could see:
 * - it says the day it was built (统计截至, 以上按本页生成的日期…, a citation's access date), or
 * - it is or lists an event whose state changed between the two days (began, ended, or
 *   entered or left a feed's window), or only a count differs (how many events a feed holds), or
 * - it is a chart picture whose SVG differs, or Pagefind's index of pages that differ.
 * Every other event's page and calendar file is byte-identical, and Pagefind writes no new
 * fragment for a page that did not change.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_AHEAD_DAYS, ALL_RECENT_DAYS } from '../../src/lib/events/calendars.ts';
import { RECENT_DAYS } from '../../src/lib/events/window.ts';
import { TEST_DAYS } from '../days.ts';
import { copyEnv, copyTestProject, TEST_CONTENT } from '../test-site.ts';

const EVENTS = 500;
const DAY_MS = 86_400_000;
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'wujin-daily-'));
const site = join(work, 'site');
const eventsDir = join(work, 'events');
const day1 = TEST_DAYS.build;
const day2 = new Date(Date.parse(day1) + DAY_MS).toISOString();
const out = { [day1]: join(work, 'day1'), [day2]: join(work, 'day2') };

function build(day: string): void {
  const env = copyEnv(day, { EVENTS_DIR: eventsDir, SITE_DEMO: '1' });
  const built = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out[day]!], {
    cwd: site,
    encoding: 'utf8',
    env,
  });
  expect(built.status, built.stderr.slice(-3000)).toBe(0);
  const indexed = spawnSync(process.execPath, [join(root, 'scripts/search-index.ts'), out[day]!], {
    cwd: site,
    encoding: 'utf8',
    env,
  });
  expect(indexed.status, indexed.stderr).toBe(0);
}

const files = (dir: string) =>
  new Set(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; parentPath: string; name: string }[])
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(dir.length + 1)),
  );

/** Event ids with their times, read from the event files. */
function eventTimes(): Map<string, { start: number; end: number }> {
  const when = new Map<string, { start: number; end: number }>();
  for (const f of readdirSync(eventsDir, { recursive: true }) as string[]) {
    if (!f.endsWith('.yaml')) continue;
    const text = readFileSync(join(eventsDir, f), 'utf8');
    const field = (k: string) => Date.parse(new RegExp(`^${k}: "?([^"\\n]+)"?$`, 'mu').exec(text)?.[1] ?? '');
    when.set(
      f
        .split('/')
        .at(-1)!
        .replace(/\.yaml$/u, ''),
      { start: field('start'), end: field('end') },
    );
  }
  return when;
}

beforeAll(() => {
  copyTestProject(root, site);
  const gen = spawnSync(process.execPath, [join(root, 'scripts/generate-events.ts'), String(EVENTS), '--out', eventsDir], { cwd: root, encoding: 'utf8' });
  expect(gen.status, gen.stderr).toBe(0);
  cpSync(join(root, TEST_CONTENT, 'events'), join(eventsDir, 'site'), { recursive: true });
  build(day1);
  build(day2);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two builds a day apart', () => {
  it('differ only in files whose content changed', () => {
    const [a, b] = [out[day1]!, out[day2]!];
    const before = files(a);
    const after = files(b);
    const all = [...new Set([...before, ...after])].sort();
    const differs = all.filter((f) => !before.has(f) || !after.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));

    // Events whose state moved between the two build moments: began, ended, or left the window
    // of recent events (feeds, the embedded map).
    const [t1, t2] = [Date.parse(day1), Date.parse(day2)];
    const between = (t: number) => t > t1 && t <= t2;
    const moved = [...eventTimes()]
      .filter(([, e]) => [e.start, e.end, e.end + RECENT_DAYS * DAY_MS, e.end + ALL_RECENT_DAYS * DAY_MS, e.start - ALL_AHEAD_DAYS * DAY_MS].some(between))
      .map(([id]) => id);
    expect(moved.length).toBeGreaterThan(0);

    // How the build day is written: 2026-11-27, 2026年11月27日, 11月27日, 20261127.
    const dayForms = (iso: string) => {
      const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
      const [y, m, dd] = d.split('-').map(Number);
      return [d, `${y}年${m}月${dd}日`, `${m}月${dd}日`, d.replaceAll('-', '')];
    };
    const days = [...dayForms(day1), ...dayForms(day2)];
    const text = (dir: string, f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '');

    const unexplained: string[] = [];
    const changedPages: string[] = [];
    for (const f of differs) {
      if (f.startsWith('pagefind/')) continue;
      if (f.endsWith('.html') && text(b, f).includes('data-pagefind-body')) changedPages.push(f);
      if (f.endsWith('.png') && differs.includes(f.replace(/\.png$/u, '.svg'))) continue;
      const both = text(a, f) + text(b, f);
      if (days.some((d) => both.includes(d))) continue;
      if (moved.some((id) => both.includes(id))) continue;
      if (text(a, f).replace(/\d+/gu, '#') === text(b, f).replace(/\d+/gu, '#')) continue;
      unexplained.push(f);
    }
    console.log(`${differs.length} of ${all.length} files differ; ${moved.length} events changed state; ${changedPages.length} indexed pages changed`);
    expect(unexplained).toEqual([]);

    // Pagefind: a fragment is new only for a page whose text changed.
    const newFragments = [...after].filter((f) => f.startsWith('pagefind/fragment/') && !before.has(f));
    expect(newFragments.length).toBeLessThanOrEqual(changedPages.length);
  });

  it('leave every other event’s page and calendar file byte-identical', () => {
    const [t1, t2] = [Date.parse(day1), Date.parse(day2)];
    const same: string[] = [];
    const changed: string[] = [];
    for (const [id, e] of eventTimes()) {
      const moved = (e.start > t1 && e.start <= t2) || (e.end > t1 && e.end <= t2);
      for (const f of [`events/${id}/index.html`, `events/${id}.ics`]) {
        const equal = readFileSync(join(out[day1]!, f)).equals(readFileSync(join(out[day2]!, f)));
        if (!moved && !equal) changed.push(f);
        if (!moved && equal) same.push(f);
      }
    }
    expect(changed).toEqual([]);
    expect(same.length).toBeGreaterThan(EVENTS);
  });
});
