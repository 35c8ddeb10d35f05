/**
 * Runs one command as a child process and measures it from outside: wall-clock seconds, CPU
 * seconds and peak memory, read from /proc (Linux). Used by `npm run bench` for each step (the
 * site's Astro build, Pagefind, the bare Astro build) separately.
 *
 * CPU time is exact: the command runs under `sh -c`, which waits for it and then hands back its
 * own /proc/<pid>/stat, whose cutime and cstime are the user and system time of the command and
 * of every descendant it waited for, all threads included. Descendants nobody waited for (a
 * helper process orphaned at exit) are not in that sum, so the tree is also sampled every 200 ms
 * and the larger of the two totals is kept. CPU time does not grow when other work on the
 * machine slows the step down, so it compares runs on a busy machine better than wall-clock
 * time does.
 *
 * Peak memory: every 200 ms the command and all its descendants are found and the high-water
 * mark of each one's resident memory (VmHWM) is kept; the peak is the sum of the marks (the
 * shell left out), an upper bound on what the step needed at once.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface Measured {
  /** Wall-clock seconds from spawn to exit. */
  seconds: number;
  /** CPU seconds (user + system) of the command and its descendants. */
  cpuSeconds: number;
  /** Sum of the high-water marks of the command and its descendants, in MB (1 MB = 2^20 bytes). */
  peakMB: number;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each line the command prints on stdout (stderr goes to the terminal). */
  onLine?: (line: string) => void;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** The fields of a /proc/<pid>/stat line after "(command) ": [0] state, [1] ppid, [11] utime … [14] cstime. */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** Parent pid and CPU ticks so far (user + system, own threads) of every running process. */
function processes(): Map<number, { ppid: number; ticks: number }> {
  const map = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const fields = statFields(readFileSync(`/proc/${name}/stat`, 'utf8'));
      map.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

/** The high-water mark of one process's resident memory in kB, or 0 once it has ended. */
function highWaterKB(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Runs "$@", then writes the shell's own stat line (cutime/cstime now hold the command's CPU
 * time) to file descriptor 3 and exits with the command's status.
 */
const WRAPPER = '"$@"; status=$?; cat /proc/$$/stat >&3; exit $status';

/** Runs `command args…`, resolves with its time and peak memory; rejects if it exits non-zero. */
export function measure(command: string, args: string[], options: MeasureOptions = {}): Promise<Measured> {
  const t0 = performance.now();
  const child = spawn('/bin/sh', ['-c', WRAPPER, 'sh', command, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
  });
  const shell = child.pid!;
  const marks = new Map<number, number>();
  const ticks = new Map<number, number>();
  const sample = () => {
    const all = processes();
    const tree = [shell];
    for (let i = 0; i < tree.length; i++) {
      for (const [pid, p] of all) if (p.ppid === tree[i]) tree.push(pid);
    }
    for (const pid of tree.slice(1)) {
      marks.set(pid, Math.max(marks.get(pid) ?? 0, highWaterKB(pid)));
      ticks.set(pid, Math.max(ticks.get(pid) ?? 0, all.get(pid)?.ticks ?? 0));
    }
  };
  const timer = setInterval(sample, 200);
  let seconds = 0;
  let shellStat = '';
  (child.stdio[3] as Readable).on('data', (chunk: Buffer) => (shellStat += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => options.onLine?.(line));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => {
      seconds = (performance.now() - t0) / 1000;
      clearInterval(timer);
    });
    // After 'exit', once stdout and the stat line have been read to the end.
    child.on('close', (code) => {
      const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      const fields = statFields(shellStat.trim());
      const waited = Number(fields[13]) + Number(fields[14]);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} 退出码 ${code}`));
      if (!Number.isFinite(waited)) return reject(new Error(`没有读到 ${command} 的 CPU 时间（/proc/<pid>/stat）`));
      resolve({ seconds, cpuSeconds: Math.max(waited, sum(ticks)) / TICKS_PER_SECOND, peakMB: sum(marks) / 1024 });
    });
  });
}
