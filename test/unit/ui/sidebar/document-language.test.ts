// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyDocumentLanguage } from '../../../../src/ui/sidebar/document-language';
import { documentLanguage, messagesLocale } from '../../../../src/ui/shared/document-language';
import { plural } from '../../../../src/ui/shared/plural';

type Messages = Record<string, { message: string }>;
const read = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;

/** What browser.i18n.getMessage answers when the browser picked `locale`'s messages (substitutions $1…$9). */
function translator(locale: string | null) {
  const messages = locale ? read(locale) : {};
  return (key: string, ...subs: string[]) => (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
}

describe('the language of an extension page', () => {
  it('comes from the messages in use: Arabic messages are right to left', () => {
    expect(documentLanguage(translator('ar'))).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(documentLanguage(translator('zh_CN'))).toEqual({ lang: 'zh-CN', dir: 'ltr' });
    expect(documentLanguage(translator('pt_BR'))).toEqual({ lang: 'pt-BR', dir: 'ltr' });
  });

  it('is English under an Arabic browser UI when the browser fell back to the English messages', () => {
    // The browser UI is Arabic, but the messages it picked are en's: the page must not claim lang="ar".
    expect(documentLanguage(translator('en'))).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('is the default locale when the locale message is missing or malformed', () => {
    expect(messagesLocale(() => '')).toBe('en');
    expect(messagesLocale((key) => key)).toBe('en');
    expect(messagesLocale(() => 'not a tag!')).toBe('en');
    expect(messagesLocale(() => 'zh_CN')).toBe('zh-CN');
  });

  it('sets <html lang>, dir and the title', () => {
    applyDocumentLanguage(document, translator('zh_CN'), '新闻背景');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('新闻背景');
    applyDocumentLanguage(document, translator('ar'), 'x');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    applyDocumentLanguage(document, translator('en'), 'x');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });
});

describe('plural', () => {
  it('picks the variant of the messages’ language', () => {
    const en = translator('en');
    expect(plural(en, 'pp_count', 1)).toBe('1 item');
    expect(plural(en, 'pp_count', 2)).toBe('2 items');
    const ru = translator('ru');
    expect([1, 2, 5, 21, 22, 25].map((n) => plural(ru, 'pp_count', n))).toEqual(['1 запись', '2 записи', '5 записей', '21 запись', '22 записи', '25 записей']);
    const ar = translator('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => plural(ar, 'pp_count', n))).toEqual(['لا عناصر', 'عنصر واحد', 'عنصران', '3 عناصر', '11 عنصرًا', '100 عنصر']);
    expect(plural(translator('ja'), 'pp_count', 1)).toBe('1 件');
  });

  it('uses the given substitutions, and falls back to _other', () => {
    expect(plural(translator('en'), 'op_exported', 1, '1', 'a.json')).toBe('Exported 1 item to a.json.');
    const onlyOther = (key: string, ...subs: string[]) => (key === 'locale' ? 'ru' : key === 'x_other' ? `other ${subs.join(' ')}` : key);
    expect(plural(onlyOther, 'x', 3)).toBe('other 3');
  });
});
