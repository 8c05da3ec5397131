// Text normalisation for search, tags and keys. Pure.

// Only the combining diacritics used by Latin, Greek and Cyrillic scripts are dropped: stripping
// every mark would turn Japanese が into か, and Hangul must be recomposed after decomposition
// or "한" would match inside "하나".
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

// Letters that carry their "accent" in the base letter, so decomposition leaves them alone.
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};
const FOLDED_LETTERS = /[ßæœøđðłıþ]/g;
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * Case- and accent-insensitive form for substring search: "Éléphant" and "elephant" match,
 * full-width "ＦＴ" matches "ft", CJK text is left as written.
 */
export function fold(text: string): string {
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter)
    .normalize('NFC');
}

/** Search words: folded, split on whitespace; every word must match. */
export function searchTerms(text: string): string[] {
  return fold(text)
    .split(/[\s\u0000]+/)
    .filter((term) => term !== '');
}

export function collapseWhitespace(text: string): string {
  // Most titles and tags are already clean; checking is cheaper than rebuilding the string.
  if (!/\s\s|[^\S ]|^\s|\s$/.test(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Tags as a user means them: trimmed, inner whitespace collapsed, empty ones dropped, and
 * "China" / "china" / "Chiná" kept once (the first spelling wins).
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = collapseWhitespace(raw);
    if (tag === '') continue;
    const folded = fold(tag);
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(tag);
  }
  return out;
}

/** Tags of `first` then those of `second` not already present, at most `cap`. */
export function unionTags(
  first: readonly string[],
  second: readonly string[],
  cap: number,
): { tags: string[]; truncated: boolean } {
  const all = normaliseTags([...first, ...second]);
  return { tags: all.slice(0, cap), truncated: all.length > cap };
}
