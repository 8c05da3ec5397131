// Measures the content script as a browser injects it: the files the manifest lists (and any
// module they import statically), and apart from them the web-accessible modules it imports
// later, only on pages that pass the prefilter. Shared by the size check in `npm test` and the
// benchmark.
import { existsSync, readFileSync } from 'node:fs';
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

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;

function closure(dist: string, entries: string[], exclude: Set<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const queue = entries.map((f) => join(dist, f));
  while (queue.length) {
    const file = queue.shift()!;
    if (out.has(file) || exclude.has(file) || !existsSync(file)) continue;
    out.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) queue.push(normalize(join(dirname(file), m[1]!)));
  }
  return out;
}

export function measureContentScript(dist: string): ContentSize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ js: string[] }>;
    web_accessible_resources?: Array<{ resources: string[] }>;
  };
  const initial = closure(dist, manifest.content_scripts.flatMap((c) => c.js));
  const lazyEntries = (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources).filter((r) => r.endsWith('.js'));
  const lazy = closure(dist, lazyEntries, initial);
  const size = (files: Iterable<string>) => {
    const all = Buffer.concat([...files].map((f) => readFileSync(f)));
    return { raw: all.length, gzip: gzipSync(all, { level: 9 }).length };
  };
  const i = size(initial);
  const l = size(lazy);
  const rel = (f: string) => f.slice(dist.length + 1);
  return {
    initialFiles: [...initial].map(rel),
    initialRaw: i.raw,
    initialGzip: i.gzip,
    lazyFiles: [...lazy].map(rel),
    lazyRaw: l.raw,
    lazyGzip: l.gzip,
  };
}
