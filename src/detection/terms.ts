/**
 * Pack terms, compiled once per pack and matched against a TextIndex.
 *
 * Term syntax (after folding, see fold.ts):
 * - CJK script (Chinese, Japanese, Korean): matched as a substring; those scripts do not put
 *   spaces between words, and Korean attaches particles to nouns.
 * - Otherwise a phrase of whole words. A word may end in `*` (any ending: Russian, German,
 *   Spanish, French, Portuguese inflections) or start with `*` (end of a German compound).
 *   Arabic words also match with clitic prefixes (و ف ب ل ك ال) attached.
 * - `a + b`: both parts in the same sentence, in any order.
 */
import { CJK, fold, type CharMap } from './fold';
import { arabicTermWord, isArabicWord, sentenceOf, type TextIndex, type Token } from './text-index';
import type { EncodedTerm } from './types';

interface WordPattern {
  word: string;
  prefix: boolean;
  suffix: boolean;
}

export type CompiledTerm =
  | { kind: 'substring'; needle: string }
  | { kind: 'words'; words: WordPattern[] }
  | { kind: 'sentence'; parts: CompiledTerm[] };

export function encodeTerm(term: CompiledTerm): EncodedTerm {
  if (term.kind === 'substring') return `=${term.needle}`;
  if (term.kind === 'words') return `:${term.words.map((w) => `${w.suffix ? '*' : ''}${w.word}${w.prefix ? '*' : ''}`).join(' ')}`;
  return term.parts.map((p) => encodeTerm(p) as string);
}

/** The inverse of encodeTerm; null for anything it did not write. */
export function decodeTerm(e: unknown): CompiledTerm | null {
  if (Array.isArray(e)) {
    const parts = e.map(decodeTerm);
    return parts.length > 0 && parts.every((p): p is CompiledTerm => p !== null && p.kind !== 'sentence') ? { kind: 'sentence', parts } : null;
  }
  if (typeof e !== 'string' || e.length < 2) return null;
  if (e[0] === '=') return { kind: 'substring', needle: e.slice(1) };
  if (e[0] !== ':') return null;
  const words: WordPattern[] = [];
  for (const w of e.slice(1).split(' ')) {
    const suffix = w.startsWith('*');
    const prefix = w.length > 1 && w.endsWith('*');
    const word = w.slice(suffix ? 1 : 0, prefix ? -1 : undefined);
    if (word === '' || word.includes('*')) return null;
    words.push({ word, prefix, suffix });
  }
  return { kind: 'words', words };
}

export interface Match {
  start: number;
  end: number;
}

const TERM_WORD = /[\p{L}\p{N}*]+/gu;

export function compileTerm(raw: string, t2s: CharMap): CompiledTerm | null {
  if (raw.includes(' + ')) {
    const parts = raw
      .split(' + ')
      .map((part) => compileTerm(part, t2s))
      .filter((p): p is CompiledTerm => p !== null);
    return parts.length === 0 ? null : { kind: 'sentence', parts };
  }
  const folded = fold(raw, t2s).replace(/\s+/g, ' ').trim();
  if (folded === '') return null;
  if (CJK.test(folded)) return { kind: 'substring', needle: folded };
  const words: WordPattern[] = [];
  for (const m of folded.matchAll(TERM_WORD)) {
    const w = m[0];
    const prefix = w.endsWith('*');
    const suffix = w.startsWith('*');
    let word = w.replace(/\*/g, '');
    if (word === '') continue;
    if (isArabicWord(word)) word = arabicTermWord(word);
    words.push({ word, prefix, suffix });
  }
  return words.length === 0 ? null : { kind: 'words', words };
}

function wordMatches(p: WordPattern, candidate: string): boolean {
  if (p.prefix && p.suffix) return candidate.includes(p.word);
  if (p.prefix) return candidate.startsWith(p.word);
  if (p.suffix) return candidate.endsWith(p.word);
  return candidate === p.word;
}

function tokenMatches(p: WordPattern, token: Token): boolean {
  if (token.v) return token.v.some((form) => wordMatches(p, form));
  return wordMatches(p, token.t);
}

/**
 * A page's words sorted, and sorted as written backwards, made once per index: a word with an
 * open end (`militar*`, `*spionage`) then finds the words it matches by binary search, where
 * scanning the page's whole vocabulary for each such term was the largest part of detection.
 */
interface SortedWords {
  forward: string[];
  backward: [reversed: string, word: string][];
}
const sortedWords = new WeakMap<TextIndex, SortedWords>();

const reverse = (s: string) => s.split('').reverse().join('');

function sortedOf(index: TextIndex): SortedWords {
  let sorted = sortedWords.get(index);
  if (!sorted) {
    const keys = [...index.byToken.keys()];
    const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    sorted = {
      forward: keys.sort(byCode),
      backward: keys.map((k): [string, string] => [reverse(k), k]).sort((a, b) => byCode(a[0], b[0])),
    };
    sortedWords.set(index, sorted);
  }
  return sorted;
}

/** The first position in `sorted` whose value (read by `at`) is not below `key`. */
function lowerBound<T>(sorted: readonly T[], key: string, at: (item: T) => string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(sorted[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The page's words a pattern can match: those that start with it, end with it, or (both ends open) all of them. */
function candidateWords(p: WordPattern, index: TextIndex): Iterable<string> {
  if (p.prefix && p.suffix) return index.byToken.keys();
  const sorted = sortedOf(index);
  const out: string[] = [];
  if (p.prefix) {
    for (let i = lowerBound(sorted.forward, p.word, (w) => w); i < sorted.forward.length && sorted.forward[i]!.startsWith(p.word); i++) out.push(sorted.forward[i]!);
  } else {
    const key = reverse(p.word);
    for (let i = lowerBound(sorted.backward, key, (e) => e[0]); i < sorted.backward.length && sorted.backward[i]![0].startsWith(key); i++) out.push(sorted.backward[i]![1]);
  }
  return out;
}

function firstWordPositions(p: WordPattern, index: TextIndex): number[] {
  if (!p.prefix && !p.suffix) return index.byToken.get(p.word) ?? [];
  const out: number[] = [];
  for (const key of candidateWords(p, index)) {
    if (wordMatches(p, key)) out.push(...index.byToken.get(key)!);
  }
  // Arabic variants map one token under several keys.
  return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

/** All matches in text order, at most `limit`. */
export function findAll(term: CompiledTerm, index: TextIndex, limit = 50): Match[] {
  const out: Match[] = [];
  if (term.kind === 'substring') {
    let from = 0;
    while (out.length < limit) {
      const at = index.text.indexOf(term.needle, from);
      if (at < 0) break;
      out.push({ start: at, end: at + term.needle.length });
      from = at + 1;
    }
    return out;
  }
  if (term.kind === 'words') {
    const [first, ...rest] = term.words;
    if (!first) return out;
    const starts = firstWordPositions(first, index);
    for (const i of starts) {
      let ok = true;
      for (let k = 0; k < rest.length; k++) {
        const token = index.tokens[i + 1 + k];
        if (!token || !tokenMatches(rest[k]!, token)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.push({ start: index.tokens[i]!.start, end: index.tokens[i + rest.length]!.end });
        if (out.length >= limit) break;
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
  // Same sentence: every part must occur in one sentence; the match spans the parts.
  const perPart: Map<number, Match>[] = [];
  for (const part of term.parts) {
    const bySentence = new Map<number, Match>();
    for (const m of findAll(part, index, 200)) {
      const sentence = sentenceOf(index, m.start);
      if (!bySentence.has(sentence)) bySentence.set(sentence, m);
    }
    if (bySentence.size === 0) return out;
    perPart.push(bySentence);
  }
  const [first, ...others] = perPart;
  for (const [sentence, m] of first!) {
    if (!others.every((part) => part.has(sentence))) continue;
    let start = m.start;
    let end = m.end;
    for (const part of others) {
      const pm = part.get(sentence)!;
      start = Math.min(start, pm.start);
      end = Math.max(end, pm.end);
    }
    out.push({ start, end });
    if (out.length >= limit) break;
  }
  return out.sort((a, b) => a.start - b.start);
}

export function findFirst(term: CompiledTerm, index: TextIndex): Match | null {
  return findAll(term, index, 1)[0] ?? null;
}
