/**
 * The build itself refuses bad content: a copy of the project with one broken file must fail
 * `astro sync` with a message that names the file, the field and how to fix it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyEnv, copyTestProject } from '../test-site.ts';

const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'wujin-sync-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function projectWith(files: Record<string, string>): string {
  const dir = copyTestProject(root, mkdtempSync(join(work, 'p-')));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function sync(dir: string) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], { cwd: dir, encoding: 'utf8', env: copyEnv() });
  return { status: r.status, output: r.stdout + r.stderr };
}

const event = (city: string, county: string) => `title: 汽车展销进社区
year: 2026
type: community
level: county
city: ${city}
county: ${county}
venue: { name: 某社区广场, address: 某区某路1号 }
lat: 32.0
lng: 118.7
start: 2026-05-10T09:00+08:00
end: 2026-05-10T17:00+08:00
organisers: [某市商务局]
`;

describe('build-time content validation', () => {
  it('an event naming an unknown city fails with the list of valid cities', () => {
    const { status, output } = sync(projectWith({ 'content/events/bad-city.yaml': event('nanjin', 'nanjing-xuanwu') }));
    expect(status).not.toBe(0);
    expect(output).toContain('bad-city');
    expect(output).toContain('设区市“nanjin”不存在。请填写以下之一：nanjing');
  });

  it('an event whose county lies in another city fails and says which city it belongs to', () => {
    const { status, output } = sync(projectWith({ 'content/events/wrong-county.yaml': event('nanjing', 'wuxi-binhu') }));
    expect(status).not.toBe(0);
    expect(output).toContain('wrong-county');
    expect(output).toContain('滨湖区属于无锡市，不属于南京市');
  });

  it('a plan cell that does not add up fails the page build with city, month and both numbers', { timeout: 240_000 }, () => {
    const dir = projectWith({});
    cpSync(join(root, 'tests/fixtures/plan/broken-cell.yaml'), join(dir, 'content/plan/2026.yaml'));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, 'out')], {
      cwd: dir,
      encoding: 'utf8',
      env: copyEnv(),
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('南京县区：表中合计 36 场，1—12月相加为 37 场');
  });
});

describe('deterministic builds', () => {
  it('two builds of the same content are byte-identical', { timeout: 300_000 }, async () => {
    const { createHash } = await import('node:crypto');
    const { readdirSync, readFileSync } = await import('node:fs');
    const hashTree = (dir: string) => {
      const h = createHash('sha256');
      for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
        const p = join(dir, f);
        try {
          h.update(f).update(readFileSync(p));
        } catch {
          /* directory */
        }
      }
      return h.digest('hex');
    };
    const dir = projectWith({});
    const build = (out: string) =>
      spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, out)], {
        cwd: dir,
        encoding: 'utf8',
        env: copyEnv(),
      });
    expect(build('a').status).toBe(0);
    expect(build('b').status).toBe(0);
    expect(hashTree(join(dir, 'a'))).toBe(hashTree(join(dir, 'b')));
  });
});

describe('the demo switch', () => {
  it('SITE_DEMO=0 removes every demonstration event from pages, feeds and data, and the plan still shows', { timeout: 240_000 }, async () => {
    const { readFileSync, readdirSync, existsSync } = await import('node:fs');
    const dir = projectWith({});
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], {
      cwd: dir,
      encoding: 'utf8',
      env: copyEnv(undefined, { SITE_DEMO: '0' }),
    });
    expect(r.status, r.stderr).toBe(0);
    const textFiles = (readdirSync(out, { recursive: true }) as string[]).filter((f) => /\.(html|json|csv|ics)$/u.test(f));
    // The data dictionary (/data/ and datapackage.json) defines the demo column and its value
    // 示例 for whoever loads the files: documentation of a field, not demonstration content.
    // So do the submission template's example row (a row marked 示例 that the importer skips) and
    // the field guide on /submit/.
    const dictionary = new Set(['data/index.html', 'data/datapackage.json', 'submit/index.html', 'data/templates/events-template.csv']);
    const withDemo = textFiles.filter((f) => !dictionary.has(f.replace(/\\/gu, '/')) && readFileSync(join(out, f), 'utf8').includes('示例'));
    expect(withDemo).toEqual([]);
    const demoIds = textFiles.filter((f) => /demo-[a-z]+-\d{2}/u.test(readFileSync(join(out, f), 'utf8')));
    expect(demoIds).toEqual([]);
    expect(existsSync(join(out, 'events/demo-nanjing-01/index.html'))).toBe(false);
    const events = JSON.parse(readFileSync(join(out, 'data/events.json'), 'utf8')) as { count: number };
    expect(events.count).toBe(0);
    const html = readFileSync(join(out, 'events/index.html'), 'utf8');
    expect(html).toContain('暂时没有即将举办的已发布活动');
    expect(html).toContain('计划市级');
    expect(readFileSync(join(out, 'calendar/all.ics'), 'utf8')).not.toContain('BEGIN:VEVENT');
  });
});

describe("editors' bodies and pictures cannot take over the site", () => {
  const caseFile = (body: string, image = './images/community.png') => `---
title: 社区车展进家门口
summary: 某区把车展办在社区广场，设政策咨询台，帮居民核对旧车条件。
year: 2026
published: 2026-06-15
city: nanjing
county: nanjing-jianye
type: community
images:
  - src: ${image}
    alt: 社区广场上停着三辆展车，右边是咨询台。
---

${body}
`;
  const checkContent = (dir: string) => spawnSync(process.execPath, [join(root, 'scripts/check-content.ts')], { cwd: dir, encoding: 'utf8' });
  const build = (dir: string) =>
    spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, 'out')], {
      cwd: dir,
      encoding: 'utf8',
      env: copyEnv(),
    });

  it('check:content names the file, line and element of every body that could run code', () => {
    const dir = projectWith({
      'content/cases/demo/x-import.mdx': caseFile('第一段。\n\nimport { readFileSync } from "node:fs"\n\n{readFileSync("/etc/passwd", "utf8")}'),
      'content/cases/demo/x-meta.mdx': caseFile('<meta http-equiv="refresh" content="1;url=https://example.org" />'),
      'content/cases/demo/x-script.mdx': caseFile('文字\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(1)" />'),
      'content/cases/demo/x-text.mdx': caseFile('车价<15万元的车也有补贴。'),
      'content/cases/demo/x-brace.mdx': caseFile('{{7*7}}'),
    });
    const r = checkContent(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/cases/demo/x-import.mdx 第16行：正文不能有 import 或 export 语句');
    expect(r.stderr).toContain('content/cases/demo/x-import.mdx 第18行：正文不能有花括号表达式');
    expect(r.stderr).toContain('content/cases/demo/x-meta.mdx 第14行：正文不能用 HTML 元素 <meta>');
    expect(r.stderr).toContain('content/cases/demo/x-script.mdx 第16行：正文不能用 HTML 元素 <script>');
    expect(r.stderr).toContain('content/cases/demo/x-script.mdx 第18行：正文不能用 HTML 元素 <img>');
    expect(r.stderr).toContain('content/cases/demo/x-text.mdx 第14行：第3个字符附近有“<”');
    expect(r.stderr).toContain('content/cases/demo/x-brace.mdx 第14行：第4个字符附近有花括号');
  });

  it('the build refuses such a body before compiling it, with the same Chinese message', { timeout: 120_000 }, () => {
    const dir = projectWith({ 'content/cases/demo/x-import.mdx': caseFile('import { readFileSync } from "node:fs"\n\n{readFileSync("/etc/passwd", "utf8")}') });
    const r = build(dir);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('正文不能有 import 或 export 语句');
    expect(existsSync(join(dir, 'out', 'cases', 'x-import', 'index.html'))).toBe(false);
  });

  it('an SVG picture or a 20000 × 20000 one is refused by check:content and by the build', () => {
    const dir = projectWith({
      'content/cases/demo/x-svg.mdx': caseFile('正文。', './images/evil.svg'),
      'content/cases/demo/images/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    });
    // A PNG whose header says 20000 × 20000: only the header is read.
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    png[24] = 8;
    png[25] = 2;
    writeFileSync(join(dir, 'content/cases/demo/images/huge.png'), png);
    writeFileSync(join(dir, 'content/cases/demo/x-huge.mdx'), caseFile('正文。', './images/huge.png'));
    const r = checkContent(dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/cases/demo/x-svg.mdx：字段 images 第1张（./images/evil.svg）：图片不能是 SVG 格式');
    expect(r.stderr).toContain('content/cases/demo/x-huge.mdx：字段 images 第1张（./images/huge.png）：图片太大（20000 × 20000 像素）');
    const s = sync(dir);
    expect(s.status).not.toBe(0);
    expect(s.output).toContain('图片不能是 SVG 格式');
  });

  it('a file named like a month page, or hidden by a leading dot, is refused', () => {
    const dir = projectWith({
      'content/events/2026-12.yaml': event('nanjing', 'nanjing-xuanwu'),
      'content/events/.hidden.yaml': event('nanjing', 'nanjing-xuanwu'),
    });
    const r = checkContent(dir);
    expect(r.stderr).toContain('content/events/2026-12.yaml：文件名就是活动编号，“2026-12”不能用作活动编号：它和月份页面的地址（/events/2026-12/）相同');
    expect(r.stderr).toContain('content/events/.hidden.yaml：名字以“.”开头的文件不会发布到网站上');
  });
});
