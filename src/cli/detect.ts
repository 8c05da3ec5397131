/**
 * Runs full story detection on saved HTML pages, one JSON line per page.
 *
 *   npx tsx src/cli/detect.ts <file.html | folder>...
 *
 * Folders are searched recursively for *.html. The page URL given to detection is the page's
 * canonical link when it has one, else its file:// URL.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { bundledPacks } from '../packs/bundled';
import { detectStory } from '../detection/detect';

function htmlFiles(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return htmlFiles(child);
      return name.toLowerCase().endsWith('.html') ? [child] : [];
    });
}

function pageUrl(doc: Document, file: string): string {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  return /^https?:\/\//.test(canonical) ? canonical : pathToFileURL(resolve(file)).href;
}

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: tsx src/cli/detect.ts <file.html | folder>...\n');
  process.exit(2);
}
for (const file of args.flatMap(htmlFiles)) {
  const { document } = parseHTML(readFileSync(file, 'utf8'));
  const result = detectStory(document, pageUrl(document, file), bundledPacks);
  process.stdout.write(
    `${JSON.stringify({
      file,
      storyId: result.storyId,
      score: result.score,
      signals: result.signals.map(({ id, where, weight, text }) => ({ id, where, weight, text })),
      mentions: result.mentions,
      lang: result.lang,
      title: result.title,
      knownCoverageId: result.knownCoverageId,
      caution: result.caution,
      ...(result.error ? { error: result.error } : {}),
    })}\n`,
  );
}
