import { describe, expect, it } from 'vitest';
import { candidatePacks } from '../../../src/detection/candidates';

const packs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('the packs the second stage scores', () => {
  it('are those the first stage named, in the order they are in force', () => {
    expect(candidatePacks(packs, ['c', 'a']).map((p) => p.id)).toEqual(['a', 'c']);
  });
  it('are every pack when none is named (detect again, Check this page)', () => {
    expect(candidatePacks(packs, [])).toBe(packs);
  });
  it('leave out a name no pack in force has', () => {
    expect(candidatePacks(packs, ['gone'])).toEqual([]);
  });
});
