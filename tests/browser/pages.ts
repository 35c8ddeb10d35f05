/**
 * Every page type a browser test visits, so that each gate (axe, 360 px, no JS) covers all of them.
 * These name pages of the fixture content (tests/fixtures/site). The release gate
 * (`npm run check:release`, E2E_GATE=1) checks a build of the real content instead: there the
 * pages that depend on content (an event, its poster, a case) are the first of their kind found
 * in that build, and left out when the content has none.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURE_PAGES = [
  '/',
  '/notice/',
  '/plan/',
  '/plan/report/',
  '/plan/report/2026-11/',
  '/data/',
  '/about/',
  '/search/',
  '/policies/',
  '/policies/trade-in/',
  '/policies/purchase/',
  '/policies/credit/',
  '/policies/calculator/',
  '/events/',
  '/events/2026-12/',
  '/events/demo-nanjing-01/',
  '/map/',
  '/cities/nanjing/',
  '/cities/nanjing/xuanwu/',
  '/cities/suzhou/2026-12/',
  '/calendar/',
  '/cases/',
  '/cases/city/nanjing/',
  '/cases/scene/community/',
  '/cases/demo-nanjing-jianye-community/',
  '/media/',
  '/submit/',
  '/media/embed/',
  '/embed/charts/plan-heatmap/',
  '/embed/map/nanjing/',
  '/policies/calculator/poster/',
];

/** Pages named after fixture content, and how to find a page of the same type in any build. */
const CONTENT_PAGES: Record<string, (dir: string) => string | undefined> = {
  '/events/demo-nanjing-01/': (dir) => first(dir, 'events', (name) => !/^\d{4}-\d{2}$/u.test(name) && existsSync(join(dir, 'events', name, 'index.html'))),
  '/cases/demo-nanjing-jianye-community/': (dir) =>
    first(dir, 'cases', (name) => !['city', 'scene'].includes(name) && existsSync(join(dir, 'cases', name, 'index.html'))),
};

function first(dir: string, section: string, ok: (name: string) => boolean, suffix = ''): string | undefined {
  const root = join(dir, section);
  if (!existsSync(root)) return undefined;
  const name = readdirSync(root).sort().find(ok);
  return name ? `/${section}/${name}/${suffix}` : undefined;
}

/** In the release gate, a fixture page's counterpart in the build being checked (undefined: none). */
export function gatePage(path: string, dir: string = process.env.E2E_DIST ?? 'dist'): string | undefined {
  if (!process.env.E2E_GATE) return path;
  const find = CONTENT_PAGES[path];
  return find ? find(dir) : path;
}

export const PAGES: readonly string[] = FIXTURE_PAGES.flatMap((p) => {
  const page = gatePage(p);
  return page ? [page] : [];
});
