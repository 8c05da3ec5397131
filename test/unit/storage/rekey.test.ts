import { describe, expect, it } from 'vitest';
import { itemKey } from '../../../src/storage/key';
import { LIMITS, type SavedItem } from '../../../src/storage/model';
import { rekeyItems, rekeyVisits } from '../../../src/storage/rekey';

function item(id: string, url: string, fields: Partial<SavedItem> = {}): SavedItem {
  return {
    id,
    kind: 'article',
    url,
    title: '',
    publisher: '',
    quote: '',
    note: '',
    tags: [],
    storyId: null,
    site: 'example.com',
    ref: '',
    // As an older release keyed it: by the URL as written.
    key: `article|${url}||`,
    createdAt: Number(id),
    updatedAt: Number(id),
    ...fields,
  };
}

describe('rekeyItems', () => {
  it('writes nothing when every key is already current', () => {
    const row = item('1', 'https://example.com/a');
    expect(rekeyItems([{ ...row, key: itemKey(row) }])).toEqual({ puts: [], deletes: [] });
  });

  it('joins two different notes, the one edited last first, and says each once', () => {
    const plan = rekeyItems([
      item('1', 'https://example.com/a', { note: 'first' }),
      item('2', 'https://example.com/amp/a', { note: 'second' }),
      item('3', 'https://amp.example.com/a', { note: 'first' }),
    ]);
    expect(plan.puts).toHaveLength(1);
    expect(plan.puts[0]).toMatchObject({ id: '1', note: 'second\n\nfirst', url: 'https://example.com/a', updatedAt: 3 });
    expect(plan.deletes.sort()).toEqual(['1', '2', '3']);
  });

  it('keeps both rows when the joined notes would go over the limit', () => {
    const long = 'x'.repeat(LIMITS.noteLength - 10);
    const plan = rekeyItems([item('1', 'https://example.com/a', { note: long }), item('2', 'https://example.com/amp/a', { note: 'y'.repeat(20) })]);
    // The first row's key was current already: only the second is written.
    expect(plan.puts.map((row) => [row.id, row.key, row.note.length])).toEqual([['2', 'article|https://example.com/a||#2', 20]]);
  });

  it('never gives two rows one key, even when an imported legacy suffix names another row', () => {
    const plan = rekeyItems([
      item('1', 'https://example.com/a', { tags: Array.from({ length: 20 }, (_, n) => `a${n}`) }),
      item('2', 'https://example.com/amp/a', { tags: Array.from({ length: 20 }, (_, n) => `b${n}`) }),
      item('3', 'https://example.com/a', { key: 'article|https://example.com/a||#2' }),
    ]);
    // Row 1 keeps its key; row 2 cannot merge (tags) and must not take row 3's "#2".
    expect(plan.puts.map((row) => [row.id, row.key])).toEqual([['2', 'article|https://example.com/a||#2-2']]);
  });
});

describe('rekeyVisits', () => {
  it('adds up the opens of one page under its identity', () => {
    const plan = rekeyVisits([
      { url: 'https://example.com/a', storyId: 's', firstAt: 5, lastAt: 9, count: 2 },
      { url: 'https://example.com/amp/a', storyId: null, firstAt: 1, lastAt: 3, count: 1 },
      { url: 'https://example.com/b', storyId: 's', firstAt: 1, lastAt: 1, count: 1 },
    ]);
    expect(plan.puts).toEqual([{ url: 'https://example.com/a', storyId: 's', firstAt: 1, lastAt: 9, count: 3 }]);
    expect(plan.deletes.sort()).toEqual(['https://example.com/a', 'https://example.com/amp/a']);
  });
});
