import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

// String paths, not URL objects: under happy-dom the global URL is not node's.
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/');

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function loadPage(path: string): Document {
  return parse(readFileSync(path, 'utf8'));
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return htmlFiles(path);
      return name.endsWith('.html') ? [path] : [];
    });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface PageSpec {
  title: string;
  paragraphs: readonly string[];
  lang?: string;
  /** Headlines in a "Trending" box beside the article. */
  trending?: readonly string[];
  /** Reader comments under the article. */
  comments?: readonly string[];
  /** 'article': semantic markup with Open Graph and JSON-LD; 'bare': divs only, no metadata. */
  layout?: 'article' | 'bare';
}

/**
 * A news page laid out like the corpus templates: header and nav, the article, a "Trending"
 * box, comments, footer.
 */
export function buildPage(spec: PageSpec): string {
  const lang = spec.lang ?? 'en';
  const title = escapeHtml(spec.title);
  const paragraphs = spec.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const trending = (spec.trending ?? ['Central bank holds rates steady', 'Storm closes schools across the region'])
    .map((t, i) => `<li><a href="/t/${i}">${escapeHtml(t)}</a></li>`)
    .join('\n');
  const comments = spec.comments?.length
    ? `<section class="comments"><h3>Comments</h3>${spec.comments.map((c) => `<p>${escapeHtml(c)}</p>`).join('')}</section>`
    : '';
  const head =
    spec.layout === 'bare'
      ? `<title>${title} | Example News</title>`
      : `<title>${title} | Example News</title><meta property="og:title" content="${title}"><meta property="og:site_name" content="Example News">`;
  const article =
    spec.layout === 'bare'
      ? `<div class="story"><div class="hdr"><span class="headline">${title}</span></div><div class="story-body">${paragraphs}</div></div>`
      : `<article><h1>${title}</h1>\n${paragraphs}</article>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>
<header><a href="/">Example News</a><nav><a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main>${article}
${comments}
<aside class="trending"><h2>Trending</h2><ul>${trending}</ul></aside>
</main>
<footer><p>&copy; Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;
}
