/**
 * The build `npm test` runs: `npm run build` with SITE_NOW set to the suite's build day
 * (tests/days.ts), so the day is written in one place, from the frozen fixture content
 * (CONTENT_DIR=tests/fixtures/site, tests/test-site.ts). The build records the day it used in
 * dist/build-info.json, and the browser tests refuse a dist/ built for another day.
 */
import { spawnSync } from 'node:child_process';
import { TEST_DAYS } from '../tests/days.ts';
import { testBuildEnv } from '../tests/test-site.ts';

const env = testBuildEnv(TEST_DAYS.build);
console.log(`测试构建：SITE_NOW=${env.SITE_NOW} CONTENT_DIR=${env.CONTENT_DIR}`);
const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ...env } });
process.exit(r.status ?? 1);
