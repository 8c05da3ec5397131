// The store listing's table of listed sites: one row per content-script match pattern, each
// with why the site is there, taken from the bundled packs and the curated outlets (the same
// sources scripts/manifest-variants.ts builds the matches from). `npm run store-listing`
// rewrites the table in STORE-LISTING.md; test/unit/build/store-listing.test.ts fails when a
// pattern of either built manifest has no row.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { bundledPackData } from '../src/packs/bundled-data.ts';
import curated from '../src/packs/data/curated-outlets.json' with { type: 'json' };
import { matchPatternFor, siteCovers, siteOf } from '../src/packs/listed-sites.ts';
import { bundledListedSites } from './manifest-variants.ts';

export const LISTING_FILE = 'STORE-LISTING.md';
export const HOSTS_START = '<!-- listed-sites:start -->';
export const HOSTS_END = '<!-- listed-sites:end -->';

interface PackLike {
  id: string;
  firstReport?: { url?: string | null; publisher?: string } | null;
  coverage?: ReadonlyArray<{ url: string; publisher?: string }>;
  timeline?: ReadonlyArray<{ sources?: ReadonlyArray<string> }>;
  cautions?: ReadonlyArray<{ kind?: string; domains?: ReadonlyArray<string>; urls?: ReadonlyArray<string> }>;
}

function siteOfUrl(url: string): string | null {
  try {
    return siteOf(new URL(url).hostname);
  } catch {
    return null;
  }
}

const CAUTION_KINDS: Record<string, string> = {
  'lookalike-domain': 'a look-alike of another outlet’s name',
  'low-quality': 'low-quality reporting of the story',
  misattribution: 'misattributes the story',
};

/** Why each listed site is listed, in plain words: the pack parts that name it and the curated note. */
export function reasonsFor(site: string, packs: readonly PackLike[] = bundledPackData as unknown as PackLike[]): string[] {
  const on = (s: string | null) => s !== null && siteCovers(site, s);
  const reasons: string[] = [];
  for (const pack of packs) {
    const story = `pack \`${pack.id}\``;
    if (pack.firstReport?.url && on(siteOfUrl(pack.firstReport.url))) {
      reasons.push(`first report in ${story} (${pack.firstReport.publisher ?? 'its publisher'})`);
    }
    const publishers = [...new Set((pack.coverage ?? []).filter((c) => on(siteOfUrl(c.url))).map((c) => c.publisher ?? 'an outlet'))];
    if (publishers.length) reasons.push(`coverage in ${story}: ${publishers.join('; ')}`);
    if ((pack.timeline ?? []).some((t) => (t.sources ?? []).some((u) => on(siteOfUrl(u))))) {
      reasons.push(`timeline source in ${story}`);
    }
    for (const c of pack.cautions ?? []) {
      const named = [...(c.domains ?? []).map(siteOf), ...(c.urls ?? []).map(siteOfUrl)];
      if (named.some(on)) {
        const why = CAUTION_KINDS[c.kind ?? ''] ?? 'a site readers should be careful with';
        reasons.push(`caution in ${story} (${why}): the warning must show on its pages`);
      }
    }
  }
  const note = curated.outlets.find((o) => siteOf(o.host) === site)?.why;
  if (note) reasons.push(`curated: ${note.replace(/\.$/, '')}`);
  return reasons;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

/** The Markdown table of every listed site's match pattern and its justification. */
export function hostTable(sites: readonly string[] = bundledListedSites()): string {
  const rows = sites.map((site) => {
    const reasons = reasonsFor(site);
    const text = reasons.length ? reasons.join('; ') : 'NO REASON FOUND';
    return `| \`${matchPatternFor(site)}\` | ${cell(text[0]!.toUpperCase() + text.slice(1))}. |`;
  });
  return ['| match pattern | why the content script runs there |', '| --- | --- |', ...rows].join('\n');
}

/** The listing document with its listed-sites table replaced by the current one. */
export function withHostTable(doc: string, table: string = hostTable()): string {
  const start = doc.indexOf(HOSTS_START);
  const end = doc.indexOf(HOSTS_END);
  if (start < 0 || end < start) throw new Error(`${LISTING_FILE} lacks the ${HOSTS_START} … ${HOSTS_END} markers`);
  return `${doc.slice(0, start + HOSTS_START.length)}\n${table}\n${doc.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const doc = readFileSync(LISTING_FILE, 'utf8');
  const next = withHostTable(doc);
  writeFileSync(LISTING_FILE, next);
  console.log(`${LISTING_FILE}: ${bundledListedSites().length} listed sites${next === doc ? ', unchanged' : ', table rewritten'}`);
}
