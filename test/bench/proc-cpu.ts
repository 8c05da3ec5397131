// CPU time of a whole browser: every process descending from the one the harness started
// (Firefox's parent, content, extension, socket and utility processes), read from /proc. Firefox
// has no script-time metric over WebDriver BiDi, so what the extension costs it is read as CPU
// time: the browser's total work over a page load, with and without the extension.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  const s = readOr(`/proc/${pid}/stat`);
  if (!s) return null;
  return s.slice(s.lastIndexOf(')') + 2).split(' ');
}

/** The root and every process below it, found by scanning the parent ids in /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const f = statFields(pid);
    if (!f) continue;
    const ppid = Number(f[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface CpuReading {
  /** utime + stime of every process in the tree, ms (10 ms ticks). */
  ticksMs: number;
  /** The scheduler's run time of each thread in the tree (/proc/<pid>/task/<tid>/schedstat), ns, by thread id. */
  runNs: Map<string, number>;
  processes: number;
}

/**
 * utime + stime count in 10 ms ticks, coarser than what one page load costs, so the scheduler's
 * per-thread run time (nanoseconds) is read beside it; the figures use the latter and the ticks
 * are kept in the raw results as a check. A delta counts the threads alive at its end (new ones
 * wholly); a thread that exited in between takes its last moments with it, with and without the
 * extension alike.
 */
export function readCpu(root: number): CpuReading {
  let ticks = 0;
  const runNs = new Map<string, number>();
  const pids = processTree(root);
  for (const pid of pids) {
    const f = statFields(pid);
    if (f) ticks += Number(f[11]) + Number(f[12]);
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const s = readOr(`/proc/${pid}/task/${tid}/schedstat`);
      if (s) runNs.set(tid, Number(s.split(' ')[0]));
    }
  }
  return { ticksMs: ticks * TICK_MS, runNs, processes: pids.length };
}

export function cpuDelta(a: CpuReading, b: CpuReading): { ticksMs: number; runMs: number } {
  let ns = 0;
  for (const [tid, v] of b.runNs) ns += v - (a.runNs.get(tid) ?? 0);
  return { ticksMs: b.ticksMs - a.ticksMs, runMs: ns / 1e6 };
}
