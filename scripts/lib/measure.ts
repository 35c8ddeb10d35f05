/**
 * Runs one command as a child process and measures it from outside: wall-clock seconds, CPU
 * seconds and peak memory, read from /proc (Linux). Every 200 ms the child and all its
 * descendants are found; for each process the high-water mark of its resident memory (VmHWM)
 * and its CPU time (user + system) are kept. Peak memory is the sum of the marks, an upper
 * bound on what the step needed at once. CPU time does not grow when other work on the machine
 * slows the step down, so it compares runs on a busy machine better than wall-clock time does.
 * Used by `npm run bench` for the Astro build and Pagefind separately.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Measured {
  /** Wall-clock seconds from spawn to exit. */
  seconds: number;
  /** CPU seconds (user + system) of the child and its descendants. */
  cpuSeconds: number;
  /** Sum of the high-water marks of the child and its descendants, in MB (1 MB = 2^20 bytes). */
  peakMB: number;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each line the command prints on stdout (stderr goes to the terminal). */
  onLine?: (line: string) => void;
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** Parent pid and CPU ticks so far of every running process, from /proc/<pid>/stat. */
function processes(): Map<number, { ppid: number; ticks: number }> {
  const map = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after "(command) ": state, ppid, … utime is field 14 and stime field 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
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

/** Runs `command args…`, resolves with its time and peak memory; rejects if it exits non-zero. */
export function measure(command: string, args: string[], options: MeasureOptions = {}): Promise<Measured> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'inherit'] });
  const marks = new Map<number, number>();
  const ticks = new Map<number, number>();
  const sample = () => {
    const all = processes();
    const tree = [child.pid!];
    for (let i = 0; i < tree.length; i++) {
      for (const [pid, p] of all) if (p.ppid === tree[i]) tree.push(pid);
    }
    for (const pid of tree) {
      marks.set(pid, Math.max(marks.get(pid) ?? 0, highWaterKB(pid)));
      ticks.set(pid, Math.max(ticks.get(pid) ?? 0, all.get(pid)?.ticks ?? 0));
    }
  };
  const timer = setInterval(sample, 200);
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => options.onLine?.(line));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      const result = { seconds, cpuSeconds: sum(ticks) / TICKS_PER_SECOND, peakMB: sum(marks) / 1024 };
      if (code === 0) resolve(result);
      else reject(new Error(`${command} ${args.join(' ')} 退出码 ${code}`));
    });
  });
}
