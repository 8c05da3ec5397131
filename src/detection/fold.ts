/**
 * Text folding shared by the prefilter (which must stay tiny) and full detection. Pack terms
 * and page text go through the same folding, so a term matches whatever way a page spells it:
 * full-width or half-width, upper or lower case, with or without accents, Arabic with or without
 * short vowels, traditional or simplified Chinese (through the `t2s` table passed in).
 */

// Latin and Cyrillic accents only. Other combining marks carry meaning (Japanese dakuten
// U+3099/U+309A turn か into が), so a blanket \p{M} strip would merge different words.
const COMBINING_ACCENTS = /[\u0300-\u036f]/g;
// Arabic short vowels, shadda, sukun, superscript alef and tatweel: optional in news text.
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g;
const ARABIC_ALEF = /[\u0622\u0623\u0625\u0671]/g;
const HAS_DECOMPOSABLE = /[\u00c0-\u024f\u0400-\u04ff\u1e00-\u1eff]/;

export type CharMap = ReadonlyMap<string, string>;

/** Builds a one-character map from a string of pairs ("軍军備备" → 軍→军, 備→备). */
export function pairsToMap(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  const chars = Array.from(pairs);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

/**
 * A CharMap built from its pairs on first use. The traditional-to-simplified table has about
 * seven hundred pairs, and a page with no Han text never reads it: building it up front was a
 * measurable part of the second stage on the pages that turn out not to be stories.
 */
export function lazyPairsMap(pairs: string): CharMap {
  let built: Map<string, string> | null = null;
  const map = () => (built ??= pairsToMap(pairs));
  return {
    get size() {
      return map().size;
    },
    get: (key) => map().get(key),
    has: (key) => map().has(key),
    forEach: (fn, thisArg?: unknown) => map().forEach(fn, thisArg),
    entries: () => map().entries(),
    keys: () => map().keys(),
    values: () => map().values(),
    [Symbol.iterator]: () => map()[Symbol.iterator](),
  };
}

export function fold(text: string, t2s?: CharMap): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (HAS_DECOMPOSABLE.test(s)) {
    s = s.normalize('NFD').replace(COMBINING_ACCENTS, '').normalize('NFC');
  }
  s = s.replace(/ß/g, 'ss');
  if (/[\u0600-\u06ff]/.test(s)) {
    s = s.replace(ARABIC_MARKS, '').replace(ARABIC_ALEF, '\u0627').replace(/\u0649/g, '\u064a').replace(/\u0629/g, '\u0647');
  }
  if (t2s && /[\u3400-\u9fff]/.test(s) && t2s.size > 0) {
    let out = '';
    for (const ch of s) out += t2s.get(ch) ?? ch;
    s = out;
  }
  return s;
}

/** Han, kana and Hangul: scripts whose words are not separated by spaces (or, for Korean, carry attached particles). */
export const CJK = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
