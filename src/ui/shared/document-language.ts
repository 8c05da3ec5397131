// Which language the extension pages speak: the locale whose messages the browser picked (each
// messages.json carries its own BCP 47 tag in the `locale` message), never the browser's UI
// language alone. Under an Arabic browser UI without Arabic messages the text is English, so
// the page says lang="en" dir="ltr", not lang="ar" dir="rtl".

type Translate = (key: string) => string;

/** The language used when a `locale` message is missing or malformed: the manifest's default_locale. */
export const DEFAULT_LOCALE = 'en';

const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function dirForLanguage(lang: string): 'ltr' | 'rtl' {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/** The BCP 47 tag of the messages in use, from the `locale` message; the default locale otherwise. */
export function messagesLocale(t: Translate): string {
  const raw = t('locale');
  // A missing message comes back empty or as the key itself ("locale" is a well-formed tag).
  if (!raw || raw === 'locale' || !/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(raw)) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(raw.replace(/_/g, '-'))[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export interface DocumentLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** `lang` and `dir` for a page whose text comes from `t`. */
export function documentLanguage(t: Translate): DocumentLanguage {
  const lang = messagesLocale(t);
  return { lang, dir: dirForLanguage(lang) };
}

/** Sets <html lang>, dir and, when given, the title of an extension page. */
export function applyDocumentLanguage(doc: Document, t: Translate, title?: string): DocumentLanguage {
  const language = documentLanguage(t);
  doc.documentElement.lang = language.lang;
  doc.documentElement.dir = language.dir;
  if (title) doc.title = title;
  return language;
}
