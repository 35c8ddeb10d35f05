/**
 * Serves the built site (dist/) for the browser tests with Astro's own preview server.
 * `npm test` builds first; running the e2e tests without a build is an error, not a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { TEST_DAYS } from '../days.ts';
import { TEST_CONTENT } from '../test-site.ts';
import { preview } from 'astro';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  // E2E_DIST serves another build folder (for working beside other builds); dist/ by default.
  const dist = process.env.E2E_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`) || !existsSync(`${dist}/pagefind/pagefind.js`)) {
    throw new Error(`${dist}/ 不存在或不完整：请先运行 npm run build（npm test 会自动构建）`);
  }
  // The browser tests' clock starts on the suite's build day; a dist/ built for another day
  // (a plain `npm run build`, or yesterday's) would make them compare against the wrong day.
  // And from the fixture content, whatever content/ holds today.
  const info = existsSync(`${dist}/build-info.json`)
    ? (JSON.parse(readFileSync(`${dist}/build-info.json`, 'utf8')) as { siteNow?: string; content?: string })
    : {};
  // The release gate (npm run check:release) checks a build of the real content on its own day.
  if (!process.env.E2E_GATE && (info.siteNow !== TEST_DAYS.build || info.content !== TEST_CONTENT)) {
    throw new Error(
      `${dist}/ 是按 ${info.siteNow ?? '未知日期'}、用 ${info.content ?? '未知'} 的内容构建的，浏览器测试需要按 ${TEST_DAYS.build}、用 ${TEST_CONTENT} 构建：请运行 npm test（或 node scripts/test-build.ts）`,
    );
  }
  // The browser tests and the build tests (projects e2e and build, run side by side) each serve dist/.
  const port = Number(process.env.E2E_PORT ?? 4399) - (project.name === 'build' ? 3 : 0);
  const server = await preview({ root: process.cwd(), outDir: dist, logLevel: 'error', server: { port, host: '127.0.0.1' } });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  return async () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
