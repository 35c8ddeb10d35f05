/**
 * Makes sure the tests have the system programs they drive: Debian's Chromium and CJK fonts
 * (browser tests), nginx (the shipped server config is loaded and checked) and Java (the W3C Nu
 * HTML checker). As root with apt-get (CI, a fresh machine) it installs what is missing;
 * otherwise it stops and says exactly what to install. Tests never skip silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasCjkFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}
const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;

const missing: string[] = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (!existsSync('/usr/sbin/nginx')) missing.push('nginx');
if (!onPath('java')) missing.push('default-jre-headless');

if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  console.error(`测试需要先安装：${missing.join(' ')}\n请运行：sudo apt-get install -y ${missing.join(' ')}\n（或设置 CHROMIUM_PATH 指向已安装的 Chromium）`);
  process.exit(1);
}

console.log(`正在安装测试所需的软件包：${missing.join(' ')} …`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
for (const [what, ok] of [
  [CHROMIUM, existsSync(CHROMIUM)],
  ['/usr/sbin/nginx', existsSync('/usr/sbin/nginx')],
  ['java', onPath('java')],
] as const) {
  if (!ok) {
    console.error(`安装后仍找不到 ${what}`);
    process.exit(1);
  }
}
