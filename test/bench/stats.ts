// Order statistics for the benchmark's samples. Percentiles use the nearest-rank method, so a
// reported value is always one that was measured.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function rank(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: readonly number[]): Summary | null {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  // An even count has two middle values; their mean is the usual median.
  const mid = xs.length / 2;
  const median = xs.length % 2 ? xs[Math.floor(mid)]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { n: xs.length, median: round(median), p95: round(rank(xs, 0.95)), min: round(xs[0]!), max: round(xs[xs.length - 1]!) };
}

export function median(samples: readonly number[]): number {
  return summarize(samples)?.median ?? NaN;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
