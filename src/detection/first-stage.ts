/**
 * The prefilter's term lookups: does any pack's prefilter term appear in the page's folded URL,
 * title and metadata? Same answers as one pattern per pack of the form
 * `(?:^| )word word(?= |$)|…` (a stem `word*` being `word[^ ]*`, a CJK or Arabic term matching
 * anywhere), without compiling or running a regular expression.
 */
import { pairsToMap, type CharMap } from './fold';
import type { PrefilterIndex, PrefilterPackEntry } from './types';

/** The scripts whose terms match anywhere in the text (no spaces between words; Arabic clitics attach). */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff]/;

/** A stem word is looked up by its first characters, this many (shorter stems are tried at every word). */
const STEM_KEY = 4;

/**
 * The page's words are filed, not the packs' terms: a page's URL, title, metadata and opening
 * paragraphs are a few hundred words, while a hundred packs have thousands of terms, and a fresh
 * tab would file them all before its one check (with a hundred packs that took longer than the
 * check itself). Each term is then one lookup of its first word among the page's, and split
 * into its words only when that word is there.
 */
interface PageWords {
  words: string[];
  /** Positions of each word. */
  at: Map<string, number[]>;
  /** Positions of the words of at least STEM_KEY characters, by their first STEM_KEY. */
  byStart: Map<string, number[]>;
}

export interface FirstStage {
  t2s: CharMap;
  ids: string[];
  packs: readonly PrefilterPackEntry[];
  /** Which of each pack's terms are in a script written without spaces; worked out on first need. */
  unspaced: (boolean[] | undefined)[];
}

export function compileFirstStage(index: PrefilterIndex): FirstStage {
  return { t2s: pairsToMap(index.t2s), ids: index.packs.map((p) => p.id), packs: index.packs, unspaced: [] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function fileWords(text: string): PageWords {
  const words = text.split(' ');
  const at = new Map<string, number[]>();
  const byStart = new Map<string, number[]>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '') continue;
    push(at, w, i);
    if (w.length >= STEM_KEY) push(byStart, w.slice(0, STEM_KEY), i);
  }
  return { words, at, byStart };
}

/** Whether the term's words follow one another in `words` from position `at`. */
function termAt(raw: string, words: readonly string[], at: number): boolean {
  const parts = raw.split(' ');
  if (at + parts.length > words.length) return false;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const w = words[at + k]!;
    if (part.endsWith('*') ? !w.startsWith(part.slice(0, -1)) : w !== part) return false;
  }
  return true;
}

/** Whether a spaced term (words matched whole, `*` stems) is in the page. */
function hasTerm(raw: string, page: PageWords): boolean {
  const space = raw.indexOf(' ');
  const first = space < 0 ? raw : raw.slice(0, space);
  const stem = first.endsWith('*');
  if (!stem) {
    // A one-word term is its own first word: found is found.
    const at = page.at.get(first);
    return at !== undefined && (space < 0 || at.some((i) => termAt(raw, page.words, i)));
  }
  if (first.length > STEM_KEY) return page.byStart.get(first.slice(0, STEM_KEY))?.some((i) => termAt(raw, page.words, i)) ?? false;
  return page.words.some((w, i) => w !== '' && termAt(raw, page.words, i));
}

/**
 * Ids of the packs whose terms appear in `text`: page text folded like the terms, words
 * separated by single spaces. `ascii` says the text is all ASCII.
 */
export function matchingPacks(stage: FirstStage, text: string, ascii: boolean): string[] {
  const page = fileWords(text);
  // Only a text in those scripts can hold a CJK or Arabic term; in any other, such a term is
  // simply words no page word equals, and the terms need no sorting out.
  const anywhere = !ascii && UNSPACED.test(text);
  const ids: string[] = [];
  stage.packs.forEach((p, pack) => {
    let unspaced = anywhere ? stage.unspaced[pack] : undefined;
    if (anywhere && !unspaced) stage.unspaced[pack] = unspaced = p.terms.map((t) => UNSPACED.test(t));
    for (let k = 0; k < p.terms.length; k++) {
      const raw = p.terms[k]!;
      if (unspaced?.[k] ? text.includes(raw) : hasTerm(raw, page)) {
        ids.push(stage.ids[pack]!);
        return;
      }
    }
  });
  return ids;
}
