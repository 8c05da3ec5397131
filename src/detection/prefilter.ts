/**
 * The cheap first look that runs on every page: URL, title and metadata only, no walk over the
 * article. It answers "may this page be about a tracked story?"; an empty answer ends the
 * content script's work on the page. It keeps pages generously (high recall); full detection
 * decides.
 *
 * This module and the generated index are what every page pays for, so they import nothing
 * but the shared folding.
 */
import { fold, pairsToMap, type CharMap } from './fold';
import type { PrefilterIndex, PrefilterInput } from './types';

export type { PrefilterIndex, PrefilterInput } from './types';

const META_KEYS = new Set([
  'description', 'og:title', 'og:description', 'twitter:title', 'twitter:description', 'keywords', 'news_keywords', 'parsely-title', 'sailthru.title',
]);
const HEADLINE = /"headline"\s*:\s*"((?:[^"\\]|\\.){1,500})"/;

export function readPrefilterInput(doc: Document, url: string): PrefilterInput {
  const meta: string[] = [];
  try {
    return readFields(doc, url, meta);
  } catch {
    // An odd document (no root element, XML): judge by the URL and whatever was read.
    return { url, title: '', meta };
  }
}

function readFields(doc: Document, url: string, meta: string[]): PrefilterInput {
  // Metadata lives in <head>; searching the whole document costs ten times more on heavy pages.
  // getElementsByTagName rather than selectors: no selector to parse, and it stops early.
  const scope: Element | Document = doc.head ?? doc;
  let hasHeadline = false;
  for (const el of Array.from(scope.getElementsByTagName('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
    if (META_KEYS.has(key)) {
      meta.push((el.getAttribute('content') ?? '').slice(0, 1000));
      if (key.endsWith('title')) hasHeadline = true;
    }
  }
  for (const script of Array.from(scope.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const m = HEADLINE.exec(script.textContent ?? '');
    if (m) {
      meta.push(m[1]!);
      hasHeadline = true;
    }
  }
  // The first h1 only when the head names no headline: finding it walks the body.
  if (!hasHeadline) {
    const h1 = doc.getElementsByTagName('h1')[0];
    if (h1) meta.push((h1.textContent ?? '').slice(0, 500));
  }
  const title = scope.getElementsByTagName('title')[0]?.textContent ?? '';
  return { url, title: title.slice(0, 1000), meta };
}

interface Compiled {
  t2s: CharMap;
  packs: { id: string; pattern: RegExp }[];
}

const compiledIndexes = new WeakMap<PrefilterIndex, Compiled>();
/**
 * What separates words, after folding (NFKC has already turned full-width forms, ligatures,
 * circled and superscript characters into plain letters and digits): ASCII and Latin-1
 * punctuation and symbols, general punctuation, symbols and arrows, CJK and full-width
 * punctuation. Deliberately not `[^\p{L}\p{N}]`: a Unicode property class costs about half a
 * millisecond to compile in every page, which is half of this script's budget. A unit test
 * holds the two to the same answers on text in the ten languages.
 */
export const NON_WORD =
  /[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u2000-\u2bff\u2e00-\u2e7f\u3000-\u3003\u3008-\u3020\u3030\u303d\u30fb\ufe10-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff]/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(term: string): string {
  // CJK and Arabic terms match anywhere (no spaces between words; Arabic clitics attach).
  if (UNSPACED.test(term)) return escape(term);
  // Whole words; a word ending in * may continue ("militar*" matches "militars").
  const words = term.split(' ').map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[^ ]*` : escape(w)));
  return `(?:^| )${words.join(' ')}(?= |$)`;
}

function compile(index: PrefilterIndex): Compiled {
  let compiled = compiledIndexes.get(index);
  if (!compiled) {
    compiled = {
      t2s: pairsToMap(index.t2s),
      packs: index.packs.map((p) => ({ id: p.id, pattern: new RegExp(p.terms.map(termPattern).join('|'), 'u') })),
    };
    compiledIndexes.set(index, compiled);
  }
  return compiled;
}

function decodeUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

/** Ids of the packs this page may be about; empty means: stop here. */
export function prefilter(input: PrefilterInput, index: PrefilterIndex): string[] {
  const compiled = compile(index);
  const text = fold([decodeUrl(input.url), input.title, ...input.meta].join('\n'), compiled.t2s).replace(NON_WORD, ' ');
  return compiled.packs.filter((p) => p.pattern.test(text)).map((p) => p.id);
}
