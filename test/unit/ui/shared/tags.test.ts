import { describe, expect, it } from 'vitest';
import { normaliseTags } from '../../../../src/storage/text';
import { formatTags, parseTagsInput, sameTags } from '../../../../src/ui/shared/tags';

describe('parseTagsInput', () => {
  it('splits on Latin and CJK commas, trims, drops empties and collapses inner spaces', () => {
    expect(parseTagsInput(' China, PLA ,,  memo  leak ')).toEqual(['China', 'PLA', 'memo leak']);
    expect(parseTagsInput('中国，阿里巴巴、备忘录')).toEqual(['中国', '阿里巴巴', '备忘录']);
    expect(parseTagsInput('  ')).toEqual([]);
  });

  it('keeps a tag once whatever its case or accents, the first spelling winning, as the database does', () => {
    const typed = ' china,  Memo , memo, Chiná, MÉMO, 军事，阿里、 ';
    expect(parseTagsInput(typed)).toEqual(['china', 'Memo', '军事', '阿里']);
    // What a save sends is already what the database would keep.
    expect(normaliseTags(parseTagsInput(typed))).toEqual(parseTagsInput(typed));
  });

  it('keeps within the limits of 32 tags of 64 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => `t${i}`).join(',');
    expect(parseTagsInput(many)).toHaveLength(32);
    expect(parseTagsInput('y'.repeat(100))[0]).toHaveLength(64);
  });

  it('reads back what formatTags writes', () => {
    const tags = ['China', 'memo leak', '军事'];
    expect(parseTagsInput(formatTags(tags))).toEqual(tags);
    expect(sameTags(parseTagsInput(formatTags(tags)), tags)).toBe(true);
    expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
