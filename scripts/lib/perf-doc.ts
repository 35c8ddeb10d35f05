/**
 * docs/performance.md is written by two commands: `npm run bench` and `npm run audit`. Each
 * rewrites only its own section, between <!-- name:start --> and <!-- name:end -->, so one
 * command never erases the other's table. Also describes the machine a table was measured on.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export const PERF_DOC = 'docs/performance.md';

/** Replaces (or appends) the section `name` of docs/performance.md with `body`. */
export function writeSection(name: 'bench' | 'audit', body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(PERF_DOC) ? readFileSync(PERF_DOC, 'utf8') : '# 性能测量\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next = i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(PERF_DOC, next);
}

/** The installed version of an npm package. */
export const version = (pkg: string) =>
  (JSON.parse(readFileSync(`${pkg.includes('/node_modules/') ? pkg : `node_modules/${pkg}`}/package.json`, 'utf8')) as { version: string }).version;

/** One line saying what a measurement ran on: CPU, cores, memory, load, software versions, date. */
export function describeMachine(extra: string[] = []): string {
  const cpu = /^model name\s*:\s*(.+)$/mu.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '未知';
  const date = new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
  return [
    `${date}（北京时间）`,
    `${cpu}，${cpus().length} 核`,
    `内存 ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
    `开始时系统负载 ${loadavg()[0]!.toFixed(1)}（1 分钟平均）`,
    `Node ${process.version}`,
    `Astro ${version('astro')}`,
    `Pagefind ${version('pagefind')}`,
    ...extra,
  ].join('；');
}

/** The Chromium version string, e.g. "Chromium 156.0.8078.108". */
export function chromiumVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).split(' built')[0]!.trim();
}
