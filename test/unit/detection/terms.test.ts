import { describe, expect, it } from 'vitest';
import { T2S } from '../../../src/detection/cjk';
import { fold } from '../../../src/detection/fold';
import { compileTerm, decodeTerm, encodeTerm, findAll, findFirst } from '../../../src/detection/terms';
import { indexText } from '../../../src/detection/text-index';

function matches(term: string, text: string): string[] {
  const compiled = compileTerm(term, T2S)!;
  const index = indexText(fold(text, T2S));
  return findAll(compiled, index).map((m) => index.text.slice(m.start, m.end));
}

describe('fold', () => {
  it('folds width, case, Latin accents, ß and Arabic marks and letter variants', () => {
    expect(fold('ＡＬＩＢＡＢＡ Memorándum Weißen')).toBe('alibaba memorandum weissen');
    expect(fold('عَلِي بَابَا')).toBe('علي بابا');
    expect(fold('أإآ')).toBe('ااا');
    expect(fold('مذكرة')).toBe('مذكره');
  });

  it('keeps Japanese voiced marks (が is not か)', () => {
    expect(fold('が')).not.toBe(fold('か'));
  });

  it('folds traditional Chinese to simplified through the table', () => {
    expect(fold('解放軍 備忘錄 白宮 金融時報 劉鵬宇', T2S)).toBe('解放军 备忘录 白宫 金融时报 刘鹏宇');
  });
});

describe('term matching', () => {
  it('matches whole words only, unless the term says otherwise', () => {
    expect(matches('pla', 'The PLA said')).toEqual(['pla']);
    expect(matches('pla', 'a new plan for the platform')).toEqual([]);
    expect(matches('memo', 'memos and memories')).toEqual([]);
  });

  it('matches inflected endings with a trailing *', () => {
    expect(matches('военн*', 'военным, военных и военной')).toEqual(['военным', 'военных', 'военнои']);
    expect(matches('алибаб*', 'Алибабу и Алибабы')).toEqual(['алибабу', 'алибабы']);
    expect(matches('ejercito*', 'los ejércitos del Ejército')).toEqual(['ejercitos', 'ejercito']);
  });

  it('matches the end of a German compound with a leading *', () => {
    expect(matches('*armee', 'die Volksbefreiungsarmee und die Armee')).toEqual(['volksbefreiungsarmee', 'armee']);
  });

  it('matches phrases across punctuation and apostrophes', () => {
    expect(matches("people's liberation army", "the People’s Liberation Army (PLA)")).toEqual(['people’s liberation army']);
    expect(matches('ip-адрес*', 'IP-адреса')).toEqual(['ip-адреса']);
  });

  it('matches CJK terms as substrings, in either Chinese script', () => {
    expect(matches('解放军', '阿里巴巴被指協助解放軍軍事行動')).toEqual(['解放军']);
    expect(matches('아리바바', '알리바바가')).toEqual([]);
    expect(matches('알리바바', '알리바바가 밝혔다')).toEqual(['알리바바']);
  });

  it('finds a Latin abbreviation glued to CJK text', () => {
    expect(matches('ft', '英紙FTが報じた')).toEqual(['ft']);
  });

  it('matches Arabic words with clitic prefixes attached', () => {
    expect(matches('البيت الأبيض', 'مذكرة للبيت الأبيض')).toEqual(['للبيت الابيض']);
    expect(matches('جيش*', 'والجيش الصيني وبالجيش')).toEqual(['والجيش', 'وبالجيش']);
    expect(matches('علي بابا', 'وعلي بابا')).toEqual(['وعلي بابا']);
  });

  it('matches "a + b" only when both are in one sentence', () => {
    expect(matches('alibaba + deni*', 'Alibaba denied the report.')).toEqual(['alibaba denied']);
    expect(matches('alibaba + deni*', 'Alibaba said nothing. The embassy denied it.')).toEqual([]);
  });

  it('returns the first match in text order', () => {
    const index = indexText(fold('army then military', T2S));
    const term = compileTerm('military', T2S)!;
    expect(findFirst(term, index)).toEqual({ start: 10, end: 18 });
  });

  it('finds every word an open-ended term word matches, wherever it sorts among the page\'s words', () => {
    // Words that sort just before, inside and after the matching range, and the bare stem.
    const text = 'militant militar militares zebra militarización a militarism militaresque Industriespionage spionage spionagen aspion';
    expect(matches('militar*', text)).toEqual(['militar', 'militares', 'militarizacion', 'militarism', 'militaresque']);
    expect(matches('*spionage', text)).toEqual(['industriespionage', 'spionage']);
    expect(matches('*spion*', text)).toEqual(['industriespionage', 'spionage', 'spionagen', 'aspion']);
    expect(matches('militar* zebra', text)).toEqual(['militares zebra']);
  });
});

describe('compiled terms as build-time data', () => {
  it('read back as the terms they were written from', () => {
    for (const raw of ['alibaba*', '*spionage', '*spion*', 'white house memo', '阿里巴巴', 'والجيش', 'alibaba + military', '解放軍 + 阿里', 'Financial Times']) {
      const term = compileTerm(raw, T2S)!;
      expect(decodeTerm(JSON.parse(JSON.stringify(encodeTerm(term)))), raw).toEqual(term);
    }
  });

  it('refuse what they did not write', () => {
    for (const bad of [null, 7, '', '=', ':', '?abc', ':a**', ':*', [], [':a', ['=b']], { kind: 'words' }]) expect(decodeTerm(bad), JSON.stringify(bad)).toBeNull();
  });
});
