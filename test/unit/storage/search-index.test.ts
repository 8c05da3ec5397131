import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SORT_FIELDS, type SavedItem } from '../../../src/storage/model';
import { applyChanges, buildIndex, searchIndex } from '../../../src/storage/search';

const TITLES = ['(ETtoday) 阿里巴巴', 'Alibaba denies', 'alibaba Denies', 'Éclair', 'eclair', 'Zeta', '', '10 items', '9 items'];
const SITES = ['ettoday.net', 'oe24.at', 'ft.com'];

const itemArb = fc.record({
  n: fc.integer({ min: 0, max: 30 }),
  title: fc.constantFrom(...TITLES),
  site: fc.constantFrom(...SITES),
  createdAt: fc.integer({ min: 0, max: 5 }),
  updatedAt: fc.integer({ min: 0, max: 5 }),
});

function toItem(spec: { n: number; title: string; site: string; createdAt: number; updatedAt: number }): SavedItem {
  return {
    id: `id-${spec.n}`,
    kind: 'article',
    url: `https://${spec.site}/${spec.n}`,
    title: spec.title,
    publisher: '',
    quote: '',
    note: '',
    tags: [],
    storyId: null,
    site: spec.site,
    ref: '',
    key: `k${spec.n}`,
    createdAt: spec.createdAt,
    updatedAt: spec.updatedAt,
  };
}

describe('an index patched by changes', () => {
  it('answers every sort exactly like an index built from scratch', () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { maxLength: 20 }),
        fc.array(fc.record({ upserts: fc.array(itemArb, { maxLength: 4 }), deletes: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }) }), { maxLength: 6 }),
        (initial, changes) => {
          const truth = new Map<string, SavedItem>();
          for (const spec of initial) truth.set(`id-${spec.n}`, toItem(spec));
          const index = buildIndex([...truth.values()]);
          // Warm every order so that the patching path, not a rebuild, is exercised.
          for (const sort of SORT_FIELDS) searchIndex(index, { sort });
          for (const change of changes) {
            const upserts = change.upserts.map(toItem);
            const deletes = change.deletes.map((n) => `id-${n}`);
            for (const id of deletes) truth.delete(id);
            for (const item of upserts) truth.set(item.id, item);
            applyChanges(index, upserts, deletes);
          }
          const fresh = buildIndex([...truth.values()]);
          for (const sort of SORT_FIELDS) {
            for (const order of ['asc', 'desc'] as const) {
              const ids = (i: typeof index) => searchIndex(i, { sort, order }).map((item) => item.id);
              expect(ids(index)).toEqual(ids(fresh));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
