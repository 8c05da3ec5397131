// Measures the content script as a browser first injects it: the files the manifest lists and
// everything they import statically (chunks loaded later by dynamic import() are reported
// apart). Shared by the size check in `npm test` and the benchmark.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ContentSize {
  initialFiles: string[];
  initialRaw: number;
  initialGzip: number;
  lazyFiles: string[];
  lazyRaw: number;
  lazyGzip: number;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["'`]([^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+)["'`]\s*\)|chrome\.runtime\.getURL\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

function resolveSpec(dist: string, fromFile: string, spec: string): string | null {
  if (spec.startsWith('/')) return normalize(join(dist, spec));
  if (spec.startsWith('.')) return normalize(join(dirname(fromFile), spec));
  return null;
}

export function measureContentScript(dist: string): ContentSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ js: string[] }>;
  };
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const queue: string[] = manifest.content_scripts.flatMap((c) => c.js.map((f) => join(dist, f)));
  const seenDynamic: string[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    if (initial.has(file) || !existsSync(file)) continue;
    initial.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const target = resolveSpec(dist, file, m[1]!);
      if (target) queue.push(target);
    }
    for (const m of code.matchAll(DYNAMIC_IMPORT)) {
      const spec = m[1] ?? m[2]!;
      const target = spec.startsWith('.') ? resolveSpec(dist, file, spec) : join(dist, spec);
      if (target) seenDynamic.push(target);
    }
  }
  // crxjs's loader only exists to import() the content module, so that module and its static
  // imports count as initially injected; what the content module imports dynamically is lazy.
  const loaderTargets = seenDynamic.splice(0, seenDynamic.length);
  for (const t of loaderTargets) {
    queue.push(t);
    while (queue.length) {
      const file = queue.shift()!;
      if (initial.has(file) || !existsSync(file)) continue;
      initial.add(file);
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(STATIC_IMPORT)) {
        const target = resolveSpec(dist, file, m[1]!);
        if (target) queue.push(target);
      }
      for (const m of code.matchAll(DYNAMIC_IMPORT)) {
        const spec = m[1] ?? m[2]!;
        const target = spec.startsWith('.') ? resolveSpec(dist, file, spec) : join(dist, spec);
        if (target) seenDynamic.push(target);
      }
    }
  }
  const lazyQueue = [...seenDynamic];
  while (lazyQueue.length) {
    const file = lazyQueue.shift()!;
    if (lazy.has(file) || initial.has(file) || !existsSync(file)) continue;
    lazy.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const target = resolveSpec(dist, file, m[1]!);
      if (target) lazyQueue.push(target);
    }
  }
  const size = (files: Iterable<string>) => {
    const all = Buffer.concat([...files].map((f) => readFileSync(f)));
    return { raw: all.length, gzip: gzipSync(all, { level: 9 }).length };
  };
  const i = size(initial);
  const l = size(lazy);
  return {
    initialFiles: [...initial].map((f) => f.slice(dist.length + 1)),
    initialRaw: i.raw,
    initialGzip: i.gzip,
    lazyFiles: [...lazy].map((f) => f.slice(dist.length + 1)),
    lazyRaw: l.raw,
    lazyGzip: l.gzip,
  };
}
