import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefilterIndex } from '../../../src/packs/prefilter-index';
import fc from 'fast-check';
import { NON_WORD, prefilter, readPrefilterInput } from '../../../src/detection/prefilter';
import { fold } from '../../../src/detection/fold';
import { T2S } from '../../../src/detection/cjk';
import { FIXTURES, htmlFiles, loadPage, parse } from './helpers';

const ID = ['alibaba-pla-memo'];
const keep = (title: string, url = 'https://news.example/x', meta: string[] = []) => prefilter({ url, title, meta }, prefilterIndex);

describe('prefilter', () => {
  it.each([
    ['Alibaba’s shares slide'],
    ['Alibabas Aktie fällt'],
    ['Алибабу обвинили в помощи армии'],
    ['Торгового гиганта из Китая обвинили в сотрудничестве с НОАК против США'],
    ['Die chinesischen Militärs und ein Memo'],
    ['أسهم عَلِي بَابَا تتراجع'],
    ['白宮備忘錄曝光'],
    ['アリババ、報道を否定'],
    ['알리바바, 보도 부인'],
    ["China's military is accused"],
  ])('keeps %s', (title) => {
    expect(keep(title)).toEqual(ID);
  });

  it.each([['Storm closes schools'], ['A new plan for the platform'], ['Memories of summer'], ['Alipay expands in Europe']])('dismisses %s', (title) => {
    expect(keep(title)).toEqual([]);
  });

  it('reads the URL slug, percent-encoded or not', () => {
    expect(keep('Markets', 'https://news.example/alibaba-denies-report-123')).toEqual(ID);
    expect(keep('Markets', 'https://tw.news.yahoo.com/%E9%98%BF%E9%87%8C%E5%B7%B4%E5%B7%B4%E5%90%A6%E8%AA%8D-1.html')).toEqual(ID);
    expect(keep('Markets', 'https://news.example/%E0%A4%A')).toEqual([]);
  });

  it('reads Open Graph, description and JSON-LD headline from the head, and the h1 when the head has no headline', () => {
    const withMeta = parse(
      '<html><head><title>News</title><meta name="description" content="Alibaba denies the report"></head><body><p>x</p></body></html>',
    );
    expect(prefilter(readPrefilterInput(withMeta, 'https://news.example/'), prefilterIndex)).toEqual(ID);
    const withLd = parse(
      '<html><head><title>News</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Alibaba \\"denies\\" report"}</script></head><body></body></html>',
    );
    expect(readPrefilterInput(withLd, 'https://news.example/').meta).toContain('Alibaba \\"denies\\" report');
    expect(prefilter(readPrefilterInput(withLd, 'https://news.example/'), prefilterIndex)).toEqual(ID);
    const withH1 = parse('<html><head><title>News</title></head><body><h1>Alibaba denies report</h1></body></html>');
    expect(prefilter(readPrefilterInput(withH1, 'https://news.example/'), prefilterIndex)).toEqual(ID);
  });

  it('reads the opening paragraphs, for pages whose head names no story, but not further nor a Trending box', () => {
    const opening = parse('<html><head><title>News</title></head><body><h1>News</h1><p>Alibaba denies report</p></body></html>');
    expect(prefilter(readPrefilterInput(opening, 'https://news.example/'), prefilterIndex)).toEqual(ID);
    const doc = parse(
      '<html><head><title>Storm closes schools</title></head><body><h1>Storm closes schools</h1><p>Rain.</p><p>Wind.</p><p>Snow.</p><p>Alibaba memo PLA</p><aside><a>Alibaba denies report</a></aside></body></html>',
    );
    expect(prefilter(readPrefilterInput(doc, 'https://news.example/'), prefilterIndex)).toEqual([]);
  });

  it('dismisses every real page of the Readability corpus', () => {
    const files = htmlFiles(join(FIXTURES, 'realpages/pages'));
    expect(files.length).toBe(42);
    const kept = files.filter((f) => prefilter(readPrefilterInput(loadPage(f), 'https://example.org/a'), prefilterIndex).length > 0);
    expect(kept).toEqual([]);
  });
});

describe('the word separator', () => {
  const UNICODE = /[^\p{L}\p{N}]+/gu;
  const split = (re: RegExp, s: string) => fold(s, T2S).replace(re, ' ');

  it('splits folded text exactly where "not a letter or digit" does, on every development and real page', () => {
    for (const file of [...htmlFiles(join(FIXTURES, 'corpus/pages')), ...htmlFiles(join(FIXTURES, 'realpages/pages'))]) {
      const input = readPrefilterInput(loadPage(file), 'https://news.example/x');
      const text = [input.title, ...input.meta].join('\n');
      expect(split(NON_WORD, text), file).toBe(split(UNICODE, text));
    }
  });

  it('agrees with it on random text in the ten languages, with their punctuation', () => {
    const alphabet = [
      ...'abcxyzABCXYZ0189 éèüößçñãõâ',
      ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ',
      ...'阿里巴巴軍備白宮备忘录中国人民解放军',
      ...'アリババ、報道を否定ーッァ',
      ...'알리바바보도부인',
      ...'علي بابا تتراجع ءآأإ٠١٢',
      ...'.,;:!?\'"()[]{}«»‹›„“”‘’–—…·•/\\|@#$%^&*_+=~`<>§¶©®™°±×÷€£¥',
      ...'。、「」『』（）【】〈〉《》！？：；，．・〜',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (chars) => {
        const s = chars.join('');
        expect(split(NON_WORD, s)).toBe(split(UNICODE, s));
      }),
      { numRuns: 2000 },
    );
  });
});
