// What the figures were measured on, recorded beside them.
import { cpus, freemem, loadavg, release, totalmem, type as osType, availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiBAtStart: number;
  /** 1-minute load average at the start and the end: other work on the machine shows here. */
  loadAverage: { start: number; end: number | null };
  os: string;
  node: string;
  browsers: Record<string, string>;
  date: string;
}

function distribution(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8').split('\n').find((l) => l.startsWith('PRETTY_NAME='));
    return line ? line.slice('PRETTY_NAME='.length).replace(/^"|"$/g, '') : '';
  } catch {
    return '';
  }
}

export function currentLoad(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

export function machine(): Machine {
  const list = cpus();
  const distro = distribution();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiBAtStart: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverage: { start: currentLoad(), end: null },
    os: `${distro ? `${distro}, ` : ''}${osType()} ${release()}`,
    node: process.version,
    browsers: {},
    date: new Date().toISOString(),
  };
}
