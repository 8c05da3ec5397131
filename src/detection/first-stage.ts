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
 * Every pack's terms as lookups rather than one pattern per pack: a word-by-word check needs no
 * regular expression compiled per page. (A pattern of 55 alternatives is compiled in every
 * renderer that runs the script, then run interpreted at every position of the text: 1 to 5 ms
 * in a fresh tab, most of this script's cost.) The lookups are shared by all packs, so a page
 * word costs the same few map lookups however many stories there are; a term is split into its
 * words only when its first word is met.
 */
interface Term {
  pack: number;
  raw: string;
  /** The words, a stem without its `*`; filled in on first use. */
  words?: string[];
  /** Which words are stems: any continuation matches ("militar*" matches "militars"). */
  stem?: boolean[];
}

/**
 * How many leading characters key a stem term. With two, the stems of many stories share keys
 * with common words ("ab…": "about", "above"), and each such page word is tried against all of
 * them; four keep a page word's lookups to the stems that could match it.
 */
const STEM_KEY = 4;

export interface FirstStage {
  t2s: CharMap;
  ids: string[];
  /** Terms by their first word, when it is not a stem. */
  byFirst: Map<string, Term[]>;
  /** Terms whose first word is a stem, by the stem's first STEM_KEY characters. */
  byStemKey: Map<string, Term[]>;
  /** Terms whose first word is a stem shorter than STEM_KEY: tried at every word. */
  shortStems: Term[];
  /** CJK and Arabic terms, matched as substrings of the folded text, by their first character. */
  unspaced: Map<string, Term[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compileFirstStage(index: PrefilterIndex): FirstStage {
  const stage: FirstStage = { t2s: pairsToMap(index.t2s), ids: index.packs.map((p) => p.id), byFirst: new Map(), byStemKey: new Map(), shortStems: [], unspaced: new Map() };
  index.packs.forEach((p, pack) => {
    for (const raw of p.terms) {
      const t: Term = { pack, raw };
      if (UNSPACED.test(raw)) {
        push(stage.unspaced, raw[0]!, t);
        continue;
      }
      const space = raw.indexOf(' ');
      const first = space < 0 ? raw : raw.slice(0, space);
      if (!first.endsWith('*')) push(stage.byFirst, first, t);
      else if (first.length > STEM_KEY) push(stage.byStemKey, first.slice(0, STEM_KEY), t);
      else stage.shortStems.push(t);
    }
  });
  return stage;
}

/** Whether the term's words follow one another in `words` from position `at`. */
function termAt(t: Term, words: readonly string[], at: number): boolean {
  if (!t.words) {
    const raw = t.raw.split(' ');
    t.words = raw.map((w) => (w.endsWith('*') ? w.slice(0, -1) : w));
    t.stem = raw.map((w) => w.endsWith('*'));
  }
  if (at + t.words.length > words.length) return false;
  for (let k = 0; k < t.words.length; k++) {
    const w = words[at + k]!;
    if (t.stem![k] ? !w.startsWith(t.words[k]!) : w !== t.words[k]) return false;
  }
  return true;
}

function collect(list: readonly Term[] | undefined, words: readonly string[], at: number, found: Set<number>): void {
  if (list) for (const t of list) if (!found.has(t.pack) && termAt(t, words, at)) found.add(t.pack);
}

/**
 * Ids of the packs whose terms appear in `text`: page text folded like the terms, words
 * separated by single spaces. `ascii` says the text is all ASCII, so no CJK or Arabic term
 * can be in it.
 */
export function matchingPacks(stage: FirstStage, text: string, ascii: boolean): string[] {
  const found = new Set<number>();
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '') continue;
    collect(stage.byFirst.get(w), words, i, found);
    collect(stage.byStemKey.get(w.slice(0, STEM_KEY)), words, i, found);
    collect(stage.shortStems, words, i, found);
  }
  // An ASCII text holds none of these scripts.
  if (!ascii && stage.unspaced.size > 0) {
    for (let i = 0; i < text.length; i++) {
      const list = stage.unspaced.get(text[i]!);
      if (list) for (const t of list) if (!found.has(t.pack) && text.startsWith(t.raw, i)) found.add(t.pack);
    }
  }
  return stage.ids.filter((_, i) => found.has(i));
}
