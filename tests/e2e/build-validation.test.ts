/**
 * The build itself refuses bad content: a copy of the project with one broken file must fail
 * `astro sync` with a message that names the file, the field and how to fix it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'wujin-sync-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function projectWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'p-'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  for (const name of ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(root, name), join(dir, name), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function sync(dir: string) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
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
    const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, 'out')], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
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
        try { h.update(f).update(readFileSync(p)); } catch { /* directory */ }
      }
      return h.digest('hex');
    };
    const dir = projectWith({});
    const build = (out: string) => spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(dir, out)], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
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
    const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', out], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_DEMO: '0' } });
    expect(r.status, r.stderr).toBe(0);
    const textFiles = (readdirSync(out, { recursive: true }) as string[]).filter((f) => /\.(html|json|csv|ics)$/u.test(f));
    // The data dictionary (/data/ and datapackage.json) defines the demo column and its value
    // 示例 for whoever loads the files: documentation of a field, not demonstration content.
    const dictionary = new Set(['data/index.html', 'data/datapackage.json']);
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
