import { describe, expect, it } from 'vitest';
import { fold, lazyPairsMap, pairsToMap } from '../../../src/detection/fold';

describe('a character map built on first use', () => {
  const pairs = '軍军備备臺台';

  it('answers as the map built up front', () => {
    const lazy = lazyPairsMap(pairs);
    const eager = pairsToMap(pairs);
    expect(lazy.size).toBe(3);
    expect(lazy.get('軍')).toBe('军');
    expect(lazy.has('备')).toBe(false);
    expect([...lazy]).toEqual([...eager]);
    expect([...lazy.keys()]).toEqual([...eager.keys()]);
  });

  it('converts Han text when folding, and leaves other text as it was', () => {
    const lazy = lazyPairsMap(pairs);
    expect(fold('解放軍 臺灣', lazy)).toBe('解放军 台灣');
    expect(fold('Alibaba Militär', lazy)).toBe('alibaba militar');
  });
});
