/**
 * The release gate: the real content, built and checked the way users will get it.
 *   npm run check:release
 * 1. `check:content` on content/ (every file against its schema and the rules across files);
 * 2. a build of content/ into .cache/release-gate (today's date, as a daily build would);
 * 3. the gates on that build: valid HTML (html-validate on every page, the W3C Nu checker on
 *    one page of each type), every internal link and #anchor, axe (WCAG A/AA) on one page of
 *    each type in both modes, page weight budgets and the terms list. The pages of each type are
 *    found in the build (E2E_GATE=1), so the gate holds whatever events and cases exist.
 * `npm test` checks the code on frozen fixture content; this checks today's content.
 */
import { spawnSync } from 'node:child_process';

const OUT = '.cache/release-gate';
const GATES = ['tests/dist/html-quality.test.ts', 'tests/browser/axe.test.ts', 'tests/dist/budgets.test.ts', 'tests/dist/terms.test.ts'];

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  console.log(`\n== ${title}`);
  const base = { ...process.env };
  delete base['CONTENT_DIR'];
  delete base['SITE_NOW'];
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...base, ...env } });
  if (r.status !== 0) {
    console.error(`\n发布检查没有通过：${title}。上面写了原因；改好后再运行 npm run check:release。`);
    process.exit(r.status ?? 1);
  }
}

step('1/3 检查内容（content/）', process.execPath, ['scripts/check-content.ts']);
step(`2/3 用 content/ 构建到 ${OUT}`, 'npm', ['run', 'build', '--silent'], { BUILD_OUT: OUT });
step('3/3 检查构建结果：HTML、链接、无障碍、页面大小、用词', 'node_modules/.bin/vitest', ['run', '--project', 'e2e', ...GATES], {
  E2E_DIST: OUT,
  E2E_GATE: '1',
  E2E_PORT: '4421',
});
console.log('\n发布检查通过：content/ 可以发布。');
