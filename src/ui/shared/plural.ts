// Messages with a count come in plural variants keyed by CLDR plural category: `key_one`,
// `key_few`, `key_other`… Each locale has the categories its language uses (ar: zero, one, two,
// few, many, other; ru: one, few, many, other; ja, ko, zh: other only); `key_other` is always
// there and is the fallback.
import { messagesLocale } from './document-language';

type Translate = (key: string, ...substitutions: string[]) => string;

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    rules.set(locale, r);
  }
  return r;
}

/**
 * The variant of `key` for the count `n` in the language of the messages in use. The
 * substitutions are `subs`, or the count alone when none are given.
 */
export function plural(t: Translate, key: string, n: number, ...subs: string[]): string {
  const args = subs.length > 0 ? subs : [String(n)];
  const variant = `${key}_${rulesFor(messagesLocale(t)).select(n)}`;
  const text = t(variant, ...args);
  return text && text !== variant ? text : t(`${key}_other`, ...args);
}
