/**
 * The site as a server delivers it: deploy/nginx.conf loaded by Debian's own nginx serving the
 * built site (content types, 404, caching, compression, security headers), and the daily rebuild
 * run twice at once, one of them killed midway, while the live folder is read the way nginx
 * reads it — complete and consistent at every moment.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DAYS } from '../days.ts';
import { testBuildEnv } from '../test-site.ts';

const root = resolve('.');
const dist = resolve(process.env.E2E_DIST ?? 'dist');
const NGINX = '/usr/sbin/nginx';
const work = mkdtempSync(join(tmpdir(), 'wujin-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const waitFor = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`等待超时：${what}`);
};

describe('deploy/nginx.conf on Debian nginx', () => {
  let nginx: ChildProcess | undefined;
  const port = 4480;
  const base = `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    if (!existsSync(NGINX)) throw new Error(`没有 ${NGINX}：npm test 会在有 root 和 apt-get 时自动安装 nginx；否则请运行 sudo apt-get install -y nginx`);
    const dir = join(work, 'nginx');
    for (const d of ['', 'tmp', 'logs']) mkdirSync(join(dir, d), { recursive: true });
    const site = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8')
      .replace(/^ {4}listen 80;$/mu, `    listen 127.0.0.1:${port};`)
      .replace(/^ {4}root [^;]+;$/mu, `    root ${dist};`);
    writeFileSync(join(dir, 'site.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/tmp/${t};`).join('\n');
    // The http block as Debian ships it: mime.types included, then the site's server block.
    writeFileSync(
      join(dir, 'nginx.conf'),
      `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n${temp}\n  include ${dir}/site.conf;\n}\n`,
    );
    const test = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitFor(
      async () =>
        fetch(base).then(
          () => true,
          () => false,
        ),
      10_000,
      'nginx 启动',
    );
  });
  afterAll(() => {
    nginx?.kill('SIGTERM');
  });

  it('serves calendar files, CSV and pages with their types, in UTF-8', async () => {
    const ics = readdirSync(join(dist, 'events')).find((f) => f.endsWith('.ics'));
    const cases: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/calendar/all.ics', 'text/calendar; charset=utf-8'],
      ['/data/events.csv', 'text/csv; charset=utf-8'],
      ['/data/events.json', 'application/json; charset=utf-8'],
      // Feed readers take RSS as XML; Debian names .xml text/xml.
      ['/rss.xml', 'text/xml; charset=utf-8'],
      ['/pagefind/pagefind.js', 'application/javascript; charset=utf-8'],
      ...(ics ? [[`/events/${ics}`, 'text/calendar; charset=utf-8'] as [string, string]] : []),
    ];
    for (const [path, type] of cases) {
      const r = await fetch(base + path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toBe(type);
    }
    const wasm = readdirSync(join(dist, 'pagefind')).find((f) => f.endsWith('.wasm'));
    if (wasm) expect((await fetch(`${base}/pagefind/${wasm}`)).headers.get('content-type')).toBe('application/wasm');
  });

  it('every response carries the security headers; pages revalidate, fingerprinted files are cached for a year', async () => {
    const page = await fetch(`${base}/policies/`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const css = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/u.exec(html)?.[1];
    expect(css).toBeDefined();
    const asset = await fetch(base + css!, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('only the embeds may be framed, by any site; they keep the rest of the policy', async () => {
    const embed = await fetch(`${base}/embed/map/nanjing/`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(embed.headers.get('cache-control')).toBe('no-cache');
    const other = await fetch(`${base}/embedded-elsewhere/`);
    expect(other.headers.get('x-frame-options')).toBe('DENY');
  });

  it("an unknown address gets the site's 404 page with status 404 and the same headers", async () => {
    const r = await fetch(`${base}/no-such-page/`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain(readFileSync(join(dist, '404.html'), 'utf8').match(/<title>([^<]+)<\/title>/u)![1]);
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await fetch(`${base}/404.html`)).status).toBe(404);
  });

  it('text is compressed for browsers that accept gzip', async () => {
    const { request } = await import('node:http');
    const get = (path: string) =>
      new Promise<Record<string, string | string[] | undefined>>((done, fail) => {
        request(`${base}${path}`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          res.resume();
          done(res.headers);
        })
          .on('error', fail)
          .end();
      });
    expect((await get('/data/events.csv'))['content-encoding']).toBe('gzip');
    expect((await get('/data/events.csv'))['vary']).toBe('Accept-Encoding');
  });
});

describe('the daily rebuild', () => {
  const script = join(root, 'scripts/daily-rebuild.sh');
  // Its own Astro cache: time-travel.test.ts may be building the same content in this folder at the same time.
  const env = { ...process.env, SITE_URL: 'https://example.gov.cn/', ...testBuildEnv(TEST_DAYS.build), LOCK_WAIT_SECONDS: '600', ASTRO_CACHE_TAG: 'deploy' };
  const run = (deployDir: string, ...args: string[]) => spawnSync('bash', [script, ...args], { encoding: 'utf8', env: { ...env, DEPLOY_DIR: deployDir } });

  it("refuses a DEPLOY_DIR that is /, holds the checkout, or is another site's folder", () => {
    for (const [dir, message] of [
      ['/', '不能是 /'],
      [dirname(root), '上级目录'],
      [join(root, 'dist'), '在代码目录里面'],
    ] as const) {
      const r = run(dir);
      expect(r.status, dir).not.toBe(0);
      expect(r.stderr, dir).toContain(message);
    }
    const other = join(work, 'other-site');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'index.html'), '别的网站');
    const r = run(other);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('已有别的文件');
    expect(readFileSync(join(other, 'index.html'), 'utf8')).toBe('别的网站');
    expect(readdirSync(other)).toEqual(['index.html']);
  });

  it('two overlapping runs, one killed midway: the live site is whole at every moment, and --rollback restores the last', { timeout: 300_000 }, async () => {
    const deploy = join(work, 'www');
    const first = run(deploy);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const live = join(deploy, 'current');
    const firstRelease = realpathSync(live);
    const countHtml = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
    const pages = countHtml(firstRelease);
    expect(pages).toBeGreaterThan(100);

    // Read the live folder as nginx does, resolving the link on every request.
    const seen: string[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        try {
          const release = realpathSync(live);
          const index = readFileSync(join(release, 'index.html'), 'utf8');
          const css = /href="(\/_astro\/[^"]+\.css)"/u.exec(index)?.[1];
          if (!css || !existsSync(join(release, css))) seen.push(`${release}：首页的样式表不存在`);
          if (!existsSync(join(release, 'pagefind/pagefind.js'))) seen.push(`${release}：缺少搜索索引`);
          const n = countHtml(release);
          if (n !== pages) seen.push(`${release}：${n} 个页面，应为 ${pages} 个`);
        } catch (error) {
          seen.push(`读取线上目录失败：${(error as Error).message}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const start = () => spawn('bash', [script], { env: { ...env, DEPLOY_DIR: deploy }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const a = start();
    let aOut = '';
    a.stdout!.on('data', (d) => {
      aOut += String(d);
    });
    a.stderr!.on('data', (d) => {
      aOut += String(d);
    });
    await waitFor(() => aOut.includes('构建到'), 60_000, '第一次重建开始构建');
    const b = start();
    let bOut = '';
    b.stdout!.on('data', (d) => {
      bOut += String(d);
    });
    b.stderr!.on('data', (d) => {
      bOut += String(d);
    });
    const bDone = new Promise<number | null>((done) => b.on('exit', done));
    await waitFor(() => bOut.includes('另一次重建正在进行'), 60_000, '第二次重建等待锁');
    // Kill the first run and everything it started, halfway through its build.
    await waitFor(
      () => readdirSync(join(deploy, 'releases')).some((f) => f.startsWith('.building-') && readdirSync(join(deploy, 'releases', f)).length > 0),
      60_000,
      '第一次重建写出部分文件',
    );
    process.kill(-a.pid!, 'SIGKILL');
    expect(await bDone, bOut).toBe(0);
    watching = false;
    await watcher;

    expect(seen).toEqual([]);
    const second = realpathSync(live);
    expect(second).not.toBe(firstRelease);
    expect(realpathSync(join(deploy, 'previous'))).toBe(firstRelease);
    expect(readdirSync(join(deploy, 'releases')).filter((f) => f.startsWith('.building-'))).toEqual([]);
    expect(countHtml(second)).toBe(pages);

    const back = run(deploy, '--rollback');
    expect(back.status, back.stderr).toBe(0);
    expect(realpathSync(live)).toBe(firstRelease);
    expect(realpathSync(join(deploy, 'previous'))).toBe(second);
  });
});
