// Turns the measurements into the printed table, the Markdown table for the README and the
// list of targets with met / not met. Targets are judged on the median and are never asserted:
// a benchmark reports.
import type { Summary } from './stats';

export interface Row {
  measure: string;
  browser: string;
  median: string;
  p95: string;
  n: string;
  target: string;
  status: string;
}

export interface TargetResult {
  id: string;
  label: string;
  browser: string;
  value: number | null;
  unit: string;
  limit: number;
  met: boolean | null;
}

export const TARGETS = {
  nonStoryAddedMs: 1,
  storyDetectMountMs: 15,
  sidebarVisibleMs: 300,
  contentInitialGzipKiB: 8,
  popupFirstRowsMs: 200,
  searchKeystrokeMs: 50,
  import10kMs: 2000,
} as const;

export function fmtMs(x: number | null | undefined, sign = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const s = x.toFixed(digits);
  return `${sign && x >= 0 ? '+' : ''}${s} ms`;
}

export function fmtRatio(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '—' : `${x.toFixed(2)}×`;
}

export function fmtKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function fmtBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 2 ** 20).toFixed(2)} MiB` : fmtKiB(bytes);
}

export function status(met: boolean | null): string {
  return met === null ? 'n/a' : met ? 'met' : 'NOT MET';
}

/** A row for a summary of milliseconds, judged against `limit` on the median when given. */
export function msRow(measure: string, browser: string, s: Summary | null, opts: { sign?: boolean; limit?: number; targets?: TargetResult[]; id?: string } = {}): Row {
  const met = opts.limit === undefined ? null : s ? s.median <= opts.limit : null;
  if (opts.limit !== undefined && opts.targets && opts.id) {
    opts.targets.push({ id: opts.id, label: measure, browser, value: s?.median ?? null, unit: 'ms', limit: opts.limit, met });
  }
  return {
    measure,
    browser,
    median: fmtMs(s?.median, opts.sign),
    p95: fmtMs(s?.p95, opts.sign),
    n: s ? String(s.n) : '0',
    target: opts.limit === undefined ? '' : `≤ ${opts.limit} ms`,
    status: opts.limit === undefined ? '' : status(met),
  };
}

const HEAD: Row = { measure: 'Measure', browser: 'Browser', median: 'Median', p95: 'p95', n: 'n', target: 'Target', status: 'Status' };
const KEYS: (keyof Row)[] = ['measure', 'browser', 'median', 'p95', 'n', 'target', 'status'];

export function textTable(rows: Row[]): string {
  const widths = KEYS.map((k) => Math.max(...[HEAD, ...rows].map((r) => r[k].length)));
  const line = (r: Row) => KEYS.map((k, i) => (k === 'median' || k === 'p95' || k === 'n' ? r[k].padStart(widths[i]!) : r[k].padEnd(widths[i]!))).join('  ');
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

export function markdownTable(rows: Row[]): string {
  const head = `| ${KEYS.map((k) => HEAD[k]).join(' | ')} |`;
  const align = '| --- | --- | ---: | ---: | ---: | --- | --- |';
  return [head, align, ...rows.map((r) => `| ${KEYS.map((k) => cell(r[k])).join(' | ')} |`)].join('\n');
}
