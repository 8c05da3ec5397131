// Every UI locale has exactly en's messages (en is the source of truth), each with en's
// placeholders, none empty; messages with a count have one variant per plural category of the
// locale's language (Intl.PluralRules), and nothing else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

const ROOT = 'public/_locales';
const REQUIRED = ['en', 'zh_CN', 'ru', 'ja', 'ko', 'es', 'fr', 'de', 'pt_BR', 'ar'];
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const PLURAL_KEY = /^(.+)_(zero|one|two|few|many|other)$/;

const read = (locale: string) => JSON.parse(readFileSync(`${ROOT}/${locale}/messages.json`, 'utf8')) as Messages;
const en = read('en');
const locales = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Plural families of en: base key -> true, for every `base_other` in en. */
const families = new Set(Object.keys(en).flatMap((k) => (k.endsWith('_other') ? [k.slice(0, -'_other'.length)] : [])));
const familyOf = (key: string): string | undefined => {
  const m = PLURAL_KEY.exec(key);
  return m && families.has(m[1]!) ? m[1] : undefined;
};

const tagOf = (locale: string) => locale.replace(/_/g, '-');
const categoriesOf = (locale: string) => new Intl.PluralRules(tagOf(locale)).resolvedOptions().pluralCategories as string[];

/** A category that holds exactly one integer in this language (ar "two" is 2 only; ru "one" is 1, 21, 31…). */
function isExact(locale: string, category: string): boolean {
  const rules = new Intl.PluralRules(tagOf(locale));
  let n = 0;
  for (let i = 0; i <= 1000; i++) if (rules.select(i) === category) n++;
  return n === 1;
}

/** The keys this locale must have: en's plain keys, and each family in the locale's categories. */
function expectedKeys(locale: string): string[] {
  const cats = categoriesOf(locale);
  const keys: string[] = [];
  const done = new Set<string>();
  for (const key of Object.keys(en)) {
    const family = familyOf(key);
    if (!family) keys.push(key);
    else if (!done.has(family)) {
      done.add(family);
      for (const c of CATEGORIES) if (cats.includes(c)) keys.push(`${family}_${c}`);
    }
  }
  return keys;
}

/** The $NAME$ and $n references of a message text, sorted and lower-cased. */
function references(text: string): string[] {
  return [...new Set([...text.matchAll(/\$([A-Za-z0-9_@]+)\$|\$(\d)/g)].map((m) => (m[1] ?? m[2]!).toLowerCase()))].sort();
}

/** The en message a translated key is checked against: itself, or its family's en variant. */
function source(key: string): Message | undefined {
  if (en[key]) return en[key];
  const family = familyOf(key);
  return family ? en[`${family}_other`] : undefined;
}

describe('UI locales', () => {
  it('has the ten required locales', () => {
    const missing = REQUIRED.filter((l) => !existsSync(`${ROOT}/${l}/messages.json`));
    expect(missing, `missing locale folders: ${missing.join(', ')}`).toEqual([]);
  });

  it('en has both plural variants of every family (one, other)', () => {
    const missing = [...families].flatMap((f) => ['one', 'other'].filter((c) => !en[`${f}_${c}`]).map((c) => `${f}_${c}`));
    expect(missing).toEqual([]);
  });

  describe.each(locales)('%s', (locale) => {
    const messages = read(locale);

    it('has exactly the keys of en (plural variants per its categories)', () => {
      const expected = expectedKeys(locale);
      const missing = expected.filter((k) => !(k in messages));
      const extra = Object.keys(messages).filter((k) => !expected.includes(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('has no empty message', () => {
      const empty = Object.entries(messages)
        .filter(([, m]) => typeof m?.message !== 'string' || m.message.trim() === '')
        .map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it("keeps en's placeholders in every message", () => {
      const wrong: string[] = [];
      for (const [key, m] of Object.entries(messages)) {
        const src = source(key);
        if (!src || typeof m?.message !== 'string') continue;
        if (JSON.stringify(m.placeholders ?? null) !== JSON.stringify(src.placeholders ?? null)) {
          wrong.push(`${key}: placeholders block differs from en`);
          continue;
        }
        const want = references(src.message);
        const got = references(m.message);
        const family = familyOf(key);
        const category = family ? key.slice(family.length + 1) : '';
        // In a category that is one number only (ar "one", "two", "zero"), the number may be
        // said in words: one reference may be left out, none added.
        const dropOne = family !== undefined && isExact(locale, category) && got.length === want.length - 1 && got.every((r) => want.includes(r));
        if (JSON.stringify(got) !== JSON.stringify(want) && !dropOne) wrong.push(`${key}: has ${got.join(' ') || 'none'}, en has ${want.join(' ') || 'none'}`);
      }
      expect(wrong).toEqual([]);
    });

    it('names its own BCP 47 tag in the `locale` message', () => {
      expect(messages.locale?.message).toBe(tagOf(locale));
    });
  });
});
