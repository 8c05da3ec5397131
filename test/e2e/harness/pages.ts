// Turns plain article texts (the seed articles) into news pages of the usual shape: header,
// navigation, the article, a "Trending" box, a footer. Used by the e2e tests and the demo site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface ArticleOptions {
  site?: string;
  lang?: string;
  trending?: string[];
  extraHead?: string;
}

export function articleHtml(title: string, paragraphs: string[], opts: ArticleOptions = {}): string {
  const site = opts.site ?? 'Demo News';
  const trending = opts.trending ?? ['Central bank holds rates steady', 'Local team wins the cup', 'Weather: a mild week ahead'];
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | ${escapeHtml(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.extraHead ?? ''}
<style>body{font:17px/1.6 Georgia,serif;margin:0;color:#222;background:#fff}header,footer{background:#f3f3f3;padding:12px 24px}
nav a{margin-right:12px}main{display:flex;gap:32px;max-width:1100px;margin:0 auto;padding:24px}article{flex:1 1 auto;max-width:720px}
aside{flex:0 0 240px;font:14px/1.4 system-ui,sans-serif}h1{font-size:32px;line-height:1.2}
@media (prefers-color-scheme: dark){body{background:#121212;color:#e4e4e4}header,footer{background:#1e1e1e}a{color:#8ab4f8}}</style>
</head>
<body>
<header><a href="/">${escapeHtml(site)}</a><nav><a href="/world">World</a><a href="/business">Business</a><a href="/tech">Tech</a></nav></header>
<main>
<article><h1>${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<aside class="trending"><h2>Trending</h2><ul>${trending.map((t) => `<li><a href="/t">${escapeHtml(t)}</a></li>`).join('')}</ul></aside>
</main>
<footer><p>&copy; ${escapeHtml(site)}</p></footer>
</body>
</html>`;
}

/** A seed article (title on its first line, then the text) as a news page. */
export function seedPageHtml(seedFile: string, opts: ArticleOptions = {}): string {
  const text = readFileSync(join(FIXTURES, 'seeds', seedFile), 'utf8');
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const [title, ...rest] = lines;
  return articleHtml(title ?? 'Untitled', rest.filter((l) => l !== title), opts);
}

export const UNRELATED_PAGES: Record<string, { title: string; paragraphs: string[] }> = {
  'city-budget': {
    title: 'City council approves next year’s budget after long debate',
    paragraphs: [
      'The council voted 7 to 4 on Tuesday evening to approve a budget that raises spending on road repairs and libraries.',
      'Opponents said the plan relied on optimistic forecasts of sales-tax revenue; supporters said it kept property taxes flat.',
    ],
  },
  'alibaba-earnings': {
    title: 'Alibaba quarterly revenue beats estimates as cloud unit grows',
    paragraphs: [
      'Alibaba Group reported quarterly revenue above analysts’ estimates, helped by growth at its cloud computing unit and AI products.',
      'Shares rose in Hong Kong trading after the results. The company said spending on AI infrastructure would continue.',
    ],
  },
};

export function unrelatedPageHtml(key: keyof typeof UNRELATED_PAGES): string {
  const p = UNRELATED_PAGES[key]!;
  return articleHtml(p.title, p.paragraphs);
}
