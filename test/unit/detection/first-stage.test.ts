import { describe, expect, it } from 'vitest';
import { compileFirstStage, matchingPacks } from '../../../src/detection/first-stage';
import { NON_WORD, prefilter } from '../../../src/detection/prefilter';
import { fold, pairsToMap } from '../../../src/detection/fold';
import { prefilterIndex } from '../../../src/packs/prefilter-index';
import type { PrefilterIndex } from '../../../src/detection/types';

// The lookups replace one pattern per pack; they must give that pattern's answers. The
// pattern, as it was: whole words between spaces, `word*` continuing, CJK and Arabic anywhere.
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function termPattern(term: string): string {
  if (UNSPACED.test(term)) return escape(term);
  const words = term.split(' ').map((w) => (w.endsWith('*') ? `${escape(w.slice(0, -1))}[^ ]*` : escape(w)));
  return `(?:^| )${words.join(' ')}(?= |$)`;
}
function byPattern(text: string, index: PrefilterIndex): string[] {
  return index.packs.filter((p) => new RegExp(p.terms.map(termPattern).join('|'), 'u').test(text)).map((p) => p.id);
}

const index = prefilterIndex;
const stage = compileFirstStage(index);
const t2s = pairsToMap(index.t2s);
const folded = (raw: string) => fold(raw, t2s).replace(NON_WORD, ' ');
const terms = index.packs.flatMap((p) => p.terms);

describe('first stage', () => {
  it('gives the pattern’s answers on every term, cut short, continued, glued and punctuated', () => {
    const variants = (t: string) => [t, t.replace(/\*/g, ''), t.replace(/\*/g, 'en'), t.replace(/\*/g, '').slice(0, -1), `x${t}`, `${t}x`, t.toUpperCase(), `«${t}»`, `(${t}).`, t.replace(/ /g, '-')];
    let checked = 0;
    for (const t of terms) {
      for (const v of variants(t)) {
        for (const ctx of ['%', 'The % story', 'a-%-b', '%,x']) {
          const text = folded(ctx.replace('%', v));
          const ascii = !/[^\u0000-\u007f]/.test(text);
          expect(matchingPacks(stage, text, ascii), text).toEqual(byPattern(text, index));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('takes the ASCII path only where the Unicode folding would change nothing', () => {
    for (const title of ['Alibaba helps the PLA', 'ALIBABA-memo', 'Chinesische Militärs', 'Alibaba\u00a0memo', 'ＡＬＩＢＡＢＡ', 'Storm closes schools']) {
      const input = { url: 'https://news.example/a', title, meta: [] };
      expect(prefilter(input, index), title).toEqual(byPattern(folded(`https://news.example/a\n${title}`), index));
    }
  });
});
