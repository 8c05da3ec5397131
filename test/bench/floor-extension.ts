// The browser's own price of a content script: an extension whose content script is empty, on
// the same pages as ours. Chromium sets up an isolated world and the extension API bindings for
// any content script before a line of it runs; what our script adds is what lies above this.
// The same folder loads in Firefox (the id is Firefox's; Chromium ignores the key).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeFloorExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script (benchmark floor)',
    version: '1.0.0',
    browser_specific_settings: { gecko: { id: 'bench-floor@story-context.test' } },
    content_scripts: [{ matches: ['http://127.0.0.1/*'], js: ['empty.js'], run_at: 'document_end' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'empty.js'), '// intentionally empty\n');
  return dir;
}
