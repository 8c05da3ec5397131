/**
 * The prefilter's term lookups: does any pack's prefilter term appear in the page's folded URL,
 * title and metadata? Same answers as one pattern per pack of the form
 * `(?:^| )word word(?= |$)|…` (a stem `word*` being `word[^ ]*`, a CJK or Arabic term matching
 * anywhere), without compiling or running a regular expression.
 */
import { pairsToMap, type CharMap } from './fold';
import type { PrefilterIndex } from './types';

/** The scripts whose terms match anywhere in the text (no spaces between words; Arabic clitics attach). */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff]/;

/**
 * A pack's terms as lookups rather than one pattern: a word-by-word check needs no regular
 * expression compiled per page. (A pattern of 55 alternatives is compiled in every renderer
 * that runs the script, then run interpreted at every position of the text: 1 to 5 ms in a
 * fresh tab, most of this script's cost.) Each page word costs two map lookups.
 */
interface Term {
  /** The words, a stem without its `*`. */
  words: string[];
  /** Which words are stems: any continuation matches ("militar*" matches "militars"). */
  stem: boolean[];
}

interface PackMatcher {
  id: string;
  /** Terms by their first word, when it is not a stem. */
  byFirst: Map<string, Term[]>;
  /** Terms whose first word is a stem, by the stem's first STEM_KEY characters. */
  byStemKey: Map<string, Term[]>;
  /** Terms whose first word is a stem shorter than STEM_KEY: tried at every word. */
  shortStems: Term[];
  /** CJK and Arabic terms: matched as substrings of the folded text. */
  unspaced: string[];
}

const STEM_KEY = 2;

export interface FirstStage {
  t2s: CharMap;
  packs: PackMatcher[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function matcher(id: string, terms: readonly string[]): PackMatcher {
  const m: PackMatcher = { id, byFirst: new Map(), byStemKey: new Map(), shortStems: [], unspaced: [] };
  for (const term of terms) {
    if (UNSPACED.test(term)) {
      m.unspaced.push(term);
      continue;
    }
    const raw = term.split(' ');
    const t: Term = { words: raw.map((w) => (w.endsWith('*') ? w.slice(0, -1) : w)), stem: raw.map((w) => w.endsWith('*')) };
    const first = t.words[0]!;
    if (!t.stem[0]) push(m.byFirst, first, t);
    else if (first.length >= STEM_KEY) push(m.byStemKey, first.slice(0, STEM_KEY), t);
    else m.shortStems.push(t);
  }
  return m;
}

export function compileFirstStage(index: PrefilterIndex): FirstStage {
  return { t2s: pairsToMap(index.t2s), packs: index.packs.map((p) => matcher(p.id, p.terms)) };
}

/** Whether the term's words follow one another in `words` from position `at`. */
function termAt(t: Term, words: readonly string[], at: number): boolean {
  if (at + t.words.length > words.length) return false;
  for (let k = 0; k < t.words.length; k++) {
    const w = words[at + k]!;
    if (t.stem[k] ? !w.startsWith(t.words[k]!) : w !== t.words[k]) return false;
  }
  return true;
}

function anyAt(list: readonly Term[] | undefined, words: readonly string[], at: number): boolean {
  if (list) for (const t of list) if (termAt(t, words, at)) return true;
  return false;
}

function packMatches(m: PackMatcher, text: string, words: readonly string[], ascii: boolean): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '') continue;
    if (anyAt(m.byFirst.get(w), words, i) || anyAt(m.byStemKey.get(w.slice(0, STEM_KEY)), words, i) || anyAt(m.shortStems, words, i)) return true;
  }
  // An ASCII text holds none of these scripts.
  if (!ascii) for (const t of m.unspaced) if (text.includes(t)) return true;
  return false;
}

/**
 * Ids of the packs whose terms appear in `text`: page text folded like the terms, words
 * separated by single spaces. `ascii` says the text is all ASCII, so no CJK or Arabic term
 * can be in it.
 */
export function matchingPacks(stage: FirstStage, text: string, ascii: boolean): string[] {
  const words = text.split(' ');
  return stage.packs.filter((p) => packMatches(p, text, words, ascii)).map((p) => p.id);
}
