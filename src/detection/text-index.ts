/**
 * A folded text with its word tokens and sentence boundaries, built once per page zone so that
 * hundreds of pack terms can be matched against it cheaply.
 */

export interface Token {
  /** Folded word. */
  t: string;
  /** Arabic only: the word's forms without clitic prefixes (includes `t`). */
  v?: string[];
  start: number;
  end: number;
}

export interface TextIndex {
  text: string;
  tokens: Token[];
  /** Token positions by token text. */
  byToken: Map<string, number[]>;
  /** Offsets where sentences end (ascending). */
  sentenceEnds: number[];
}

// Words are runs of one script family, so a Latin abbreviation glued to CJK text ("英紙FTが")
// still yields the token "ft". CJK runs are not tokenised: CJK terms match as substrings.
const WORD = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Nd}]+|[\u0621-\u064a\u066e-\u06d3]+/gu;
const ARABIC_START = /^[\u0621-\u064a]/;
const SENTENCE_END = /[.!?]+(?=[\s"'”’»)]|$)|[。！？；;\n]+/g;

/**
 * The forms an Arabic word may have without its clitic prefixes: conjunctions و ف,
 * prepositions ب ل ك, the article ال (and لل, ل + ال). A text word matches a term word when any
 * of its forms does, so "والجيش", "للجيش" and "جيش" all meet the term "جيش". Words that merely
 * begin with one of those letters keep their full form among the variants.
 */
export function arabicVariants(word: string): string[] {
  const out = new Set<string>([word]);
  const bases = [word];
  if ((word[0] === '\u0648' || word[0] === '\u0641') && word.length > 3) {
    bases.push(word.slice(1));
    out.add(word.slice(1));
  }
  for (const base of bases) {
    if (base.startsWith('\u0644\u0644') && base.length > 3) out.add(base.slice(2));
    if ((base[0] === '\u0628' || base[0] === '\u0644' || base[0] === '\u0643') && base.length > 3) {
      const rest = base.slice(1);
      out.add(rest);
      if (rest.startsWith('\u0627\u0644') && rest.length > 3) out.add(rest.slice(2));
    }
    if (base.startsWith('\u0627\u0644') && base.length > 3) out.add(base.slice(2));
  }
  return [...out];
}

/** A term word in Arabic is written by the pack author with or without the article; drop it. */
export function arabicTermWord(word: string): string {
  return word.startsWith('\u0627\u0644') && word.length > 3 ? word.slice(2) : word;
}

export function isArabicWord(word: string): boolean {
  return ARABIC_START.test(word);
}

export function indexText(text: string): TextIndex {
  const tokens: Token[] = [];
  const byToken = new Map<string, number[]>();
  for (const m of text.matchAll(WORD)) {
    const t = m[0];
    const i = tokens.length;
    const token: Token = { t, start: m.index, end: m.index + t.length };
    tokens.push(token);
    const keys = ARABIC_START.test(t) ? (token.v = arabicVariants(t)) : [t];
    for (const key of keys) {
      const list = byToken.get(key);
      if (list) list.push(i);
      else byToken.set(key, [i]);
    }
  }
  const sentenceEnds: number[] = [];
  for (const m of text.matchAll(SENTENCE_END)) sentenceEnds.push(m.index);
  sentenceEnds.push(text.length);
  return { text, tokens, byToken, sentenceEnds };
}

export function sentenceOf(index: TextIndex, offset: number): number {
  const ends = index.sentenceEnds;
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
