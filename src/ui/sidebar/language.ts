// Language helpers for pack text: which language it is in, and how to name a language to the reader.

/** Pack prose is written in English (format v1 has no language field), whatever the UI language. */
export const PACK_TEXT_LANG = 'en';

export { dirForLanguage } from '../shared/document-language';

/** A valid `lang` attribute value for a tag as a pack gives it, or undefined ("ja/en" is two). */
export function langAttribute(tag: string): string | undefined {
  if (tag.includes('/')) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** "zh-Hant" → "Chinese (Traditional)" in the UI language; the tag itself when unknown. */
export function languageName(tag: string, uiLanguage: string): string {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([uiLanguage.replace('_', '-'), 'en'], { type: 'language' });
  } catch {
    return tag;
  }
  return tag
    .split('/')
    .map((part) => {
      try {
        return names.of(part) ?? part;
      } catch {
        return part;
      }
    })
    .join(' / ');
}
