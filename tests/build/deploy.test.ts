/**
 * The site as a server delivers it: deploy/nginx.conf loaded by Debian's own nginx serving the
 * built site (content types, 404, caching, compression, security headers), and the daily rebuild
 * run twice at once, one of them killed midway, while the live folder is read the way nginx
 * reads it — complete and consistent at every moment; the second release shares every unchanged
 * file with the first (hard links, scripts/link-unchanged.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSummary, formatBytes, linkUnchanged } from '../../scripts/link-unchanged.ts';
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

  it('an old poster address (/events/<id>/poster/) moves permanently to the event page shown as its poster', async () => {
    const res = await fetch(`${base}/events/demo-nanjing-05/poster/`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location')!, base).pathname + new URL(res.headers.get('location')!, base).search).toBe('/events/demo-nanjing-05/?poster');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
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

/** The regular files under `dir`, as paths relative to it. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

describe('unchanged files become hard links to the live release (scripts/link-unchanged.ts)', () => {
  const write = (dir: string, files: Record<string, string | Buffer>) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  };
  const big = Buffer.alloc(700 * 1024, 7); // several comparison blocks
  const bigChangedAtEnd = Buffer.from(big);
  bigChangedAtEnd[bigChangedAtEnd.length - 1] = 8;
  const snapshot = (dir: string) =>
    filesUnder(dir)
      .sort()
      .map((f) => {
        const st = statSync(join(dir, f));
        return { f, content: readFileSync(join(dir, f)).toString('base64'), mtime: st.mtimeMs, mode: st.mode };
      });

  it('links byte-identical files; keeps changed, new and differently permitted ones; never changes the live release', async () => {
    const base = mkdtempSync(join(work, 'link-'));
    const live = join(base, 'live');
    const fresh = join(base, 'new');
    const common = { 'index.html': '<p>首页</p>', 'events/a/index.html': '<p>活动</p>', '_astro/big.js': big, 'empty.txt': '' };
    write(live, { ...common, 'same-size.txt': 'aaaa', 'longer.txt': '12345', 'big-end.bin': big, 'mode.txt': '权限', 'gone.txt': '删掉了' });
    write(fresh, { ...common, 'same-size.txt': 'aaab', 'longer.txt': '123456', 'big-end.bin': bigChangedAtEnd, 'mode.txt': '权限', 'new/page.html': '新页面' });
    chmodSync(join(fresh, 'mode.txt'), 0o600);
    symlinkSync('index.html', join(fresh, 'alias.html'));
    const before = snapshot(live);

    const s = await linkUnchanged(fresh, live);
    const size = (...contents: (string | Buffer)[]) => contents.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const newBytes = size('aaab', '123456', bigChangedAtEnd, '新页面', '权限');
    const linkedBytes = size(...Object.values(common));
    expect(s).toEqual({ files: 9, changed: 4, linked: 4, kept: 1, newBytes, linkedBytes, keptReasons: { 权限或属主不同: 1 } });
    for (const f of Object.keys(common)) {
      const [a, b] = [statSync(join(live, f)), statSync(join(fresh, f))];
      expect(b.ino, f).toBe(a.ino);
      expect(b.nlink, f).toBe(2);
    }
    for (const f of ['same-size.txt', 'longer.txt', 'big-end.bin', 'mode.txt']) {
      expect(statSync(join(fresh, f)).ino, f).not.toBe(statSync(join(live, f)).ino);
      expect(statSync(join(fresh, f)).nlink, f).toBe(1);
    }
    expect(readFileSync(join(fresh, 'big-end.bin')).equals(bigChangedAtEnd)).toBe(true);
    expect(lstatSync(join(fresh, 'alias.html')).isSymbolicLink()).toBe(true);
    expect(readdirSync(fresh, { recursive: true }).filter((f) => String(f).includes('~link'))).toEqual([]);
    expect(snapshot(live)).toEqual(before);
    expect(describeSummary(s)).toBe(
      `每日重建：9 个文件中 4 个有变化（新写入 ${(newBytes / 1024).toFixed(1)} KB），其余 5 个与线上版本相同，4 个已硬链接（${(linkedBytes / 1024).toFixed(1)} KB 不必再写），1 个无法硬链接，保留新副本（权限或属主不同 1 个）`,
    );

    // Run again (nothing left to do), then delete the old release: the new one keeps every file.
    expect(await linkUnchanged(fresh, live)).toMatchObject({ files: 9, changed: 4, linked: 4, kept: 1 });
    rmSync(live, { recursive: true });
    expect(readFileSync(join(fresh, '_astro/big.js')).equals(big)).toBe(true);
    expect(statSync(join(fresh, 'index.html')).nlink).toBe(1);
  });

  const shm = '/dev/shm';
  it.skipIf(!existsSync(shm) || statSync(shm).dev === statSync(work).dev)('keeps the copies when the live release is on another file system', async () => {
    const liveBase = mkdtempSync(join(shm, 'wujin-link-'));
    try {
      const live = join(liveBase, 'live');
      const fresh = join(mkdtempSync(join(work, 'link-')), 'new');
      write(live, { 'index.html': '同一页' });
      write(fresh, { 'index.html': '同一页' });
      const s = await linkUnchanged(fresh, live);
      expect(s).toMatchObject({ files: 1, changed: 0, linked: 0, kept: 1, keptReasons: { 不在同一文件系统: 1 } });
      expect(readFileSync(join(fresh, 'index.html'), 'utf8')).toBe('同一页');
      expect(describeSummary(s)).toContain('1 个无法硬链接，保留新副本（不在同一文件系统 1 个）');
    } finally {
      rmSync(liveBase, { recursive: true, force: true });
    }
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

  // The second, completing run builds the next day and shares every unchanged file with the first release.
  it('two overlapping runs, one killed midway: the live site is whole at every moment, and --rollback restores the last', { timeout: 300_000 }, async () => {
    const deploy = join(work, 'www');
    const first = run(deploy);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('还没有线上版本，全部文件都是新写入的');
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

    // The run that completes builds the next morning, as the daily rebuild does: a few files change.
    const nextDay = '2026-11-28T10:00:00+08:00';
    const start = (day: string) =>
      spawn('bash', [script], { env: { ...env, DEPLOY_DIR: deploy, SITE_NOW: day }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const a = start(TEST_DAYS.build);
    let aOut = '';
    a.stdout!.on('data', (d) => {
      aOut += String(d);
    });
    a.stderr!.on('data', (d) => {
      aOut += String(d);
    });
    await waitFor(() => aOut.includes('构建到'), 60_000, '第一次重建开始构建');
    const b = start(nextDay);
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

    // Every file the next day's release has unchanged is the first release's file (one inode);
    // every changed or new one is its own. The printed summary counts them.
    const files = filesUnder(second);
    const changed: string[] = [];
    const unlinked: string[] = [];
    const shared: string[] = [];
    let changedBytes = 0;
    for (const f of files) {
      const [was, now] = [join(firstRelease, f), join(second, f)];
      const st = statSync(now);
      if (existsSync(was) && readFileSync(was).equals(readFileSync(now))) {
        if (st.ino !== statSync(was).ino || st.nlink < 2) unlinked.push(f);
      } else {
        changed.push(f);
        changedBytes += st.size;
        if (st.nlink !== 1 || (existsSync(was) && statSync(was).ino === st.ino)) shared.push(f);
      }
    }
    expect(unlinked).toEqual([]);
    expect(shared).toEqual([]);
    expect(changed).toContain('build-info.json');
    expect(changed.length).toBeLessThan(files.length / 2);
    const summary = /每日重建：([\d,]+) 个文件中 ([\d,]+) 个有变化（新写入 ([^）]+)），其余 ([\d,]+) 个与线上版本相同，已硬链接（([^）]+) 不必再写）/u.exec(
      bOut,
    );
    expect(summary, bOut).not.toBeNull();
    const n = (text: string) => Number(text.replaceAll(',', ''));
    expect([n(summary![1]!), n(summary![2]!), n(summary![4]!)]).toEqual([files.length, changed.length, files.length - changed.length]);
    expect(summary![3]).toBe(formatBytes(changedBytes));
    expect(JSON.parse(readFileSync(join(second, 'build-info.json'), 'utf8')).siteNow).toBe(nextDay);
    expect(JSON.parse(readFileSync(join(firstRelease, 'build-info.json'), 'utf8')).siteNow).toBe(TEST_DAYS.build);

    const back = run(deploy, '--rollback');
    expect(back.status, back.stderr).toBe(0);
    expect(realpathSync(live)).toBe(firstRelease);
    expect(realpathSync(join(deploy, 'previous'))).toBe(second);
    expect(JSON.parse(readFileSync(join(live, 'build-info.json'), 'utf8')).siteNow).toBe(TEST_DAYS.build);
  });
});
