/**
 * The build `npm test` runs: `npm run build` with SITE_NOW set to the suite's build day
 * (tests/days.ts), so the day is written in one place. The build records the day it used in
 * dist/build-info.json, and the browser tests refuse a dist/ built for another day.
 */
import { spawnSync } from 'node:child_process';
import { TEST_DAYS } from '../tests/days.ts';

console.log(`测试构建：SITE_NOW=${TEST_DAYS.build}`);
const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, SITE_NOW: TEST_DAYS.build } });
process.exit(r.status ?? 1);
