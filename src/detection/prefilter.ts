/**
 * The cheap first look that runs on every page: URL, title and metadata only, no walk over the
 * article. It answers "may this page be about a tracked story?"; an empty answer ends the
 * content script's work on the page. It keeps pages generously (high recall); full detection
 * decides.
 *
 * This module, the term lookups (./first-stage) and the generated index are what every page
 * pays for, so they import nothing but the shared folding.
 */
import { compileFirstStage, matchingPacks, type FirstStage } from './first-stage';
import { fold, type CharMap } from './fold';
import type { PrefilterIndex, PrefilterInput } from './types';

export type { PrefilterIndex, PrefilterInput } from './types';

const META_KEYS = new Set([
  'description', 'og:title', 'og:description', 'twitter:title', 'twitter:description', 'keywords', 'news_keywords', 'parsely-title', 'sailthru.title',
]);
/** How many opening paragraphs the prefilter reads, for pages whose head names no story. */
const LEAD_PARAGRAPHS = 3;
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

/**
 * One selector for the metadata the prefilter reads: the browser then makes script objects for
 * those elements only. (Walking every <meta> and <script> of the head made one for each, and
 * in a tab where the content script has never run, each first object of a kind costs: about
 * 1 ms of the script's 3 on the benchmark's real pages.)
 */
const META_SELECTOR = [...[...META_KEYS].flatMap((k) => [`meta[name="${k}" i]`, `meta[property="${k}" i]`]), 'script[type="application/ld+json" i]'].join(',');

function readFields(doc: Document, url: string, meta: string[]): PrefilterInput {
  // Metadata lives in <head>; searching the whole document costs ten times more on heavy pages.
  const scope: Element | Document = doc.head ?? doc;
  let hasHeadline = false;
  for (const el of Array.from(scope.querySelectorAll(META_SELECTOR))) {
    if (el.localName === 'script') {
      const m = HEADLINE.exec(el.textContent ?? '');
      if (m) {
        meta.push(m[1]!);
        hasHeadline = true;
      }
      continue;
    }
    meta.push((el.getAttribute('content') ?? '').slice(0, 1000));
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase();
    if (key.endsWith('title')) hasHeadline = true;
  }
  // The first h1 only when the head names no headline: finding it walks the body.
  if (!hasHeadline) {
    const h1 = doc.getElementsByTagName('h1')[0];
    if (h1) meta.push((h1.textContent ?? '').slice(0, 500));
  }
  // Some pages name their story only in the article: a head with a generic title and no
  // description. The opening paragraphs say what the page is about; a live collection's
  // first items cost no walk over the rest of the body (its length would: it counts them all).
  const paragraphs = doc.getElementsByTagName('p');
  for (let i = 0; i < LEAD_PARAGRAPHS; i++) {
    const p = paragraphs[i];
    if (!p) break;
    meta.push((p.textContent ?? '').slice(0, 400));
  }
  // The document's title needs no element object, unlike its <title> element.
  return { url, title: (doc.title ?? '').slice(0, 1000), meta };
}

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
/** What separates words in ASCII text: the ASCII part of NON_WORD. */
const ASCII_NON_WORD = /[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]+/g;
const NON_ASCII = /[^\u0000-\u007f]/;

const compiledIndexes = new WeakMap<PrefilterIndex, FirstStage>();
function compiled(index: PrefilterIndex): FirstStage {
  let stage = compiledIndexes.get(index);
  if (!stage) compiledIndexes.set(index, (stage = compileFirstStage(index)));
  return stage;
}

function decodeUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url;
  }
}

/**
 * Folds the page's text the way the index's terms were folded. Text that is all ASCII (most
 * pages' URL and metadata in Latin-script languages) skips the Unicode work: NFKC, accents,
 * Arabic and Chinese folding leave ASCII as it is, so lower case and the ASCII separators are
 * the whole of it.
 */
function pageWords(raw: string, t2s: CharMap): { text: string; ascii: boolean } {
  if (!NON_ASCII.test(raw)) return { text: raw.toLowerCase().replace(ASCII_NON_WORD, ' '), ascii: true };
  return { text: fold(raw, t2s).replace(NON_WORD, ' '), ascii: false };
}

/** Ids of the packs this page may be about; empty means: stop here. */
export function prefilter(input: PrefilterInput, index: PrefilterIndex): string[] {
  const stage = compiled(index);
  const { text, ascii } = pageWords([decodeUrl(input.url), input.title, ...input.meta].join('\n'), stage.t2s);
  return matchingPacks(stage, text, ascii);
}
