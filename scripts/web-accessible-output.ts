// After Vite and crxjs have written a build's manifest.json: the web-accessible resources each
// browser gets (webAccessibleFor in manifest-variants.ts), including the second stage that the
// other Vite config builds. Shared by the one-off build (build.ts) and the watch build (dev.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { webAccessibleFor, type Target } from './manifest-variants';

export function setWebAccessible(outDir: string, target: Target): void {
  const path = join(outDir, 'manifest.json');
  const m = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: Array<{ resources: string[]; matches: string[] }> };
  m.web_accessible_resources = webAccessibleFor(target, m.web_accessible_resources ?? []);
  writeFileSync(path, JSON.stringify(m, null, 2));
}
