/**
 * The content every test build uses: a frozen copy in tests/fixtures/site/, never content/, so
 * an editor's ordinary changes (deleting the demo events, importing a sheet, changing a subsidy
 * cap) cannot turn `npm test` red. Whether content/ itself is valid is for `npm run
 * check:content` and the build. The build day is in days.ts.
 */
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_DAYS } from './days.ts';

/** The fixture content folder, from the project root (CONTENT_DIR for a test build). */
export const TEST_CONTENT = 'tests/fixtures/site';

/** The environment of a test build on `day` (SITE_NOW) from the fixture content. */
export function testBuildEnv(day: string = TEST_DAYS.build): { SITE_NOW: string; CONTENT_DIR: string } {
  return { SITE_NOW: day, CONTENT_DIR: TEST_CONTENT };
}

/**
 * A copy of the project in `dir` whose content/ is the fixture content, for tests that change
 * content and build (node_modules is linked, not copied). Build it with `copyEnv`.
 */
export function copyTestProject(root: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  for (const name of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'pagefind.yml'])
    cpSync(join(root, name), join(dir, name), { recursive: true });
  cpSync(join(root, TEST_CONTENT), join(dir, 'content'), { recursive: true });
  return dir;
}

/** The environment for building such a copy: its own content/ (no CONTENT_DIR), on `day`. */
export function copyEnv(day: string = TEST_DAYS.build, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_NOW: day, ...extra };
  delete env['CONTENT_DIR'];
  return env;
}
