import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseImport } from '../../../src/formats/import-json';
import { StoryContextDb } from '../../../src/storage/db';
import type { SavedItem, SavedItemInput } from '../../../src/storage/model';
import { createRepository, type Repository } from '../../../src/storage/repository';
import { buildIndex, facetsOf } from '../../../src/storage/search';
import { validDoc, validItem } from '../formats/malformed-exports';
import { destroy, freshStore, type TestStore } from './helpers/db';

const STORY = 'alibaba-pla-memo';

const INPUTS: SavedItemInput[] = [
  {
    kind: 'article',
    url: 'https://www.ettoday.net/news/20251115/3067837.htm',
    title: '(ETtoday) 阿里巴巴被指協助解放軍軍事行動',
    publisher: 'ETtoday',
    note: '要比較 Reuters 的版本',
    tags: ['中文', 'Alibaba'],
    storyId: STORY,
  },
  {
    kind: 'article',
    url: 'https://www.tradingkey.com/jp/news/stocks/251308501-reuters',
    title: '(ロイター) 米政府、アリババが中国人民解放軍に技術協力と非難＝FT',
    publisher: 'Reuters Japanese (via tradingkey.com)',
    storyId: null,
  },
  {
    kind: 'source',
    url: 'https://www.tradingkey.com/kr/news/stocks/251307161-reuters',
    title: '(로이터) 백악관, 알리바바가 중국군 작전 지원 - FT',
    publisher: 'Reuters Korean (via tradingkey.com)',
    storyId: STORY,
    ref: 'coverage-tradingkey-kr',
  },
  {
    kind: 'article',
    url: 'https://www.oe24.at/businesslive/usa-werfen-alibaba-hilfestellung-bei-chinesischen-angriffen-vor/656197559',
    title: 'USA werfen Alibaba Hilfestellung bei chinesischen Angriffen vor',
    publisher: 'oe24 (Austria)',
    note: 'Österreichische Quelle.',
    tags: ['Déni'],
    storyId: STORY,
  },
  {
    kind: 'quote',
    url: 'https://ttmnote.com/news/2583689840',
    title: 'Alibaba Group (spokesperson) to Reuters',
    quote: 'The assertions and innuendos in the article are completely false.',
    tags: ['denial'],
    storyId: STORY,
    ref: 'statement-alibaba-reuters',
  },
  {
    kind: 'claim',
    url: 'https://www.ft.com/content/30fb83a0-8cb9-4805-b5d2-19b5ef510043',
    title: "Alibaba provides 'tech support for Chinese military operations against targets in the U.S.'",
    publisher: 'Financial Times',
    note: 'The memo alleges this; the FT could not verify it.',
    storyId: STORY,
    ref: 'claim-tech-support',
  },
  {
    kind: 'article',
    url: 'https://news.ru/usa/torgovogo-giganta-iz-kitaya-obvinili-v-sotrudnichestve-s-noak-protiv-ssha',
    title: 'Торгового гиганта из Китая обвинили в сотрудничестве с НОАК против США',
    publisher: 'News.ru',
    storyId: STORY,
  },
];

let current: TestStore;
let repo: Repository;
let saved: SavedItem[];

beforeEach(async () => {
  current = freshStore();
  repo = current.repo;
  saved = [];
  for (const input of INPUTS) {
    saved.push((await repo.saveItem(input)).item);
    current.clock.advance(60_000);
  }
});
afterEach(async () => {
  await destroy(current);
});

function titles(items: SavedItem[]): string[] {
  return items.map((item) => item.title);
}
function idsOf(items: SavedItem[]): string[] {
  return items.map((item) => item.id);
}
const byInput = (n: number) => saved[n]!.id;

describe('listItems filters', () => {
  it('returns everything, newest first, by default', async () => {
    expect(idsOf(await repo.listItems())).toEqual([...saved].reverse().map((item) => item.id));
  });

  it('filters by story, including items outside any story', async () => {
    expect(idsOf(await repo.listItems({ storyId: null }))).toEqual([byInput(1)]);
    expect(await repo.listItems({ storyId: STORY })).toHaveLength(6);
    expect(await repo.listItems({ storyId: 'other' })).toEqual([]);
  });

  it('filters by kind', async () => {
    expect(idsOf(await repo.listItems({ kind: 'quote' }))).toEqual([byInput(4)]);
    expect(idsOf(await repo.listItems({ kind: 'claim' }))).toEqual([byInput(5)]);
  });

  it('filters by tag regardless of case and accents', async () => {
    expect(idsOf(await repo.listItems({ tag: 'deni' }))).toEqual([byInput(3)]);
    expect(idsOf(await repo.listItems({ tag: 'ALIBABA' }))).toEqual([byInput(0)]);
    expect(idsOf(await repo.listItems({ tag: '中文' }))).toEqual([byInput(0)]);
    expect(await repo.listItems({ tag: 'deni-extra' })).toEqual([]);
  });

  it('filters by site, with or without www, including subdomains', async () => {
    expect(idsOf(await repo.listItems({ site: 'www.tradingkey.com', sort: 'createdAt', order: 'asc' }))).toEqual([byInput(1), byInput(2)]);
    expect(idsOf(await repo.listItems({ site: 'ft.com' }))).toEqual([byInput(5)]);
    expect(await repo.listItems({ site: 't.com' })).toEqual([]);
    const idn = await repo.saveItem({ kind: 'article', url: 'https://www.bücher.example/news/1', title: 'IDN' });
    expect(idn.item.site).toBe('xn--bcher-kva.example');
    expect(idsOf(await repo.listItems({ site: 'Bücher.example' }))).toEqual([idn.item.id]);
  });

  it('combines filters', async () => {
    expect(idsOf(await repo.listItems({ storyId: STORY, site: 'tradingkey.com', kind: 'source' }))).toEqual([byInput(2)]);
  });
});

describe('listItems text search', () => {
  it.each([
    ['accents and case in a note', 'OSTERREICHISCHE', [3]],
    ['a word inside a quote', 'innuendos', [4]],
    ['a tag', 'denial', [4]],
    ['a publisher', 'financial times', [5]],
    ['Chinese, as a substring with no spaces', '協助解放軍', [0]],
    ['the same Chinese word in two scripts’ titles', '解放軍', [0, 1]],
    ['Chinese in a note', '的版本', [0]],
    ['Japanese katakana', 'アリババ', [1]],
    ['Korean syllables', '알리바바가', [2]],
    ['Cyrillic, any case', 'нОаК', [6]],
    ['full-width Latin typed in a CJK input method', 'ＦＴ', [1, 2, 5]],
    ['every item where all words match, in any fields', 'alibaba reuters', [0, 4]],
    ['only items where all words match', 'alibaba innuendos', [4]],
    ['a site', 'oe24', [3]],
    ['words that match different fields of one item', 'memo verify financial', [5]],
  ])('finds %s', async (_name, text, expected) => {
    const found = await repo.listItems({ text, sort: 'createdAt', order: 'asc' });
    expect(idsOf(found)).toEqual(expected.map(byInput));
  });

  it('does not match across Hangul syllable boundaries or different kana', async () => {
    expect(await repo.listItems({ text: '한' })).toEqual([]);
    expect(await repo.listItems({ text: 'アリハハ' })).toEqual([]);
  });

  it('matches nothing for words that are nowhere', async () => {
    expect(await repo.listItems({ text: 'zzzz' })).toEqual([]);
  });

  it('treats a blank query as no filter', async () => {
    expect(await repo.listItems({ text: '   ' })).toHaveLength(INPUTS.length);
  });
});

describe('listItems sorting', () => {
  it('sorts by title, ignoring case and accents', async () => {
    const sorted = titles(await repo.listItems({ sort: 'title', order: 'asc' }));
    expect(sorted.slice(0, 2)).toEqual([
      "Alibaba Group (spokesperson) to Reuters",
      "Alibaba provides 'tech support for Chinese military operations against targets in the U.S.'",
    ]);
    expect(titles(await repo.listItems({ sort: 'title', order: 'desc' }))).toEqual([...sorted].reverse());
  });

  it('sorts by site', async () => {
    const sites = (await repo.listItems({ sort: 'site', order: 'asc' })).map((item) => item.site);
    expect(sites).toEqual([...sites].sort());
    expect(sites[0]).toBe('ettoday.net');
  });

  it('sorts by updatedAt, so an edit moves an item to the top', async () => {
    current.clock.advance(1000);
    await repo.updateItem(byInput(0), { note: 'edited' });
    expect(idsOf(await repo.listItems({ sort: 'updatedAt' }))[0]).toBe(byInput(0));
    expect(idsOf(await repo.listItems({ sort: 'createdAt' }))[0]).toBe(byInput(6));
  });

  it('refuses an unknown sort field', async () => {
    await expect(repo.listItems({ sort: 'colour' } as never)).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('listItems stays in step with writes', () => {
  it('reflects saves, edits and deletes at once', async () => {
    await repo.listItems();
    const extra = await repo.saveItem({ ...INPUTS[0]!, url: 'https://www.881903.com/news/amp/international/2605621', note: 'radio' });
    expect(idsOf(await repo.listItems({ text: 'radio' }))).toEqual([extra.item.id]);
    await repo.updateItem(extra.item.id, { note: 'wireless' });
    expect(await repo.listItems({ text: 'radio' })).toEqual([]);
    expect(idsOf(await repo.listItems({ text: 'wireless' }))).toEqual([extra.item.id]);
    const token = await repo.deleteItems([extra.item.id]);
    expect(await repo.listItems({ text: 'wireless' })).toEqual([]);
    await repo.undoDelete(token);
    expect(idsOf(await repo.listItems({ text: 'wireless' }))).toEqual([extra.item.id]);
  });

  it('sees writes made through another connection, as the popup sees the background’s', async () => {
    const popupDb = new StoryContextDb(current.name);
    const popup = createRepository(popupDb);
    try {
      expect(await popup.listItems()).toHaveLength(INPUTS.length);
      const added = await repo.saveItem({ ...INPUTS[0]!, url: 'https://www.881903.com/news/amp/international/2605621' });
      expect(idsOf(await popup.listItems({ text: '881903' }))).toEqual([added.item.id]);
      await repo.deleteItems([byInput(0)]);
      expect(idsOf(await popup.listItems())).not.toContain(byInput(0));
    } finally {
      popupDb.close();
    }
  });

  it('catches up with one write elsewhere by reading only the changed rows', async () => {
    const popupDb = new StoryContextDb(current.name);
    const popup = createRepository(popupDb);
    try {
      await popup.listItems();
      const fullReads = vi.spyOn(popupDb.items, 'toArray');
      await repo.updateItem(byInput(3), { note: 'Quelle aus Wien' });
      expect(idsOf(await popup.listItems({ text: 'wien' }))).toEqual([byInput(3)]);
      await repo.deleteItems([byInput(3)]);
      expect(await popup.listItems({ text: 'wien' })).toEqual([]);
      expect(fullReads).not.toHaveBeenCalled();

      // Two writes while the popup was not looking: it cannot patch, so it rebuilds, correctly.
      await repo.updateItem(byInput(0), { note: 'first' });
      await repo.updateItem(byInput(0), { note: 'second' });
      expect(idsOf(await popup.listItems({ text: 'second' }))).toEqual([byInput(0)]);
      expect(fullReads).toHaveBeenCalledTimes(1);
    } finally {
      popupDb.close();
    }
  });

  it('works inside liveQuery, emitting again after a save', async () => {
    const results: number[] = [];
    let resolveSecond: () => void = () => {};
    const second = new Promise<void>((resolve) => (resolveSecond = resolve));
    const subscription = liveQuery(() => repo.listItems({ storyId: STORY })).subscribe({
      next: (items) => {
        results.push(items.length);
        if (results.length === 2) resolveSecond();
      },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await repo.saveItem({ ...INPUTS[3]!, url: 'https://www.newsru.co.il/press/16nov2025/ai_202.html' });
      await second;
      expect(results).toEqual([6, 7]);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('returns frozen items, so a caller cannot corrupt the shared index', async () => {
    const [first] = await repo.listItems();
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.tags)).toBe(true);
  });

  it('offers facets for the filter menus', async () => {
    // The popup's filter menus, over the items as the repository lists them.
    const facets = facetsOf(buildIndex(await repo.listItems()));
    expect(facets.sites[0]).toEqual({ value: 'tradingkey.com', count: 2 });
    expect(facets.kinds[0]).toEqual({ value: 'article', count: 4 });
    expect(facets.storyIds).toEqual([{ value: STORY, count: 6 }]);
    expect(facets.tags.map((tag) => tag.value).sort()).toEqual(['Alibaba', 'Déni', 'denial', '中文'].sort());
  });
});

describe('listItems on 10,000 items', () => {
  // How fast: npm run bench:budgets.
  it('finds what a query asks for among them', async () => {
    const doc = validDoc(0);
    doc.items = Array.from({ length: 10_000 }, (_, n) => ({
      ...validItem(n),
      note: n % 100 === 0 ? `needle ${n} Österreich` : `note number ${n} about the memo`,
      tags: [`tag${n % 50}`],
    }));
    const parsed = parseImport(JSON.stringify(doc));
    if (!parsed.ok) throw new Error(parsed.error);
    await repo.importData(parsed.data, 'apply');
    expect(await repo.listItems()).toHaveLength(10_000 + INPUTS.length);

    // Asked twice: the second answer comes from the warm index and must be the same.
    for (let n = 0; n < 2; n++) {
      expect(await repo.listItems({ text: 'osterreich needle', tag: 'TAG0', sort: 'title', order: 'asc' })).toHaveLength(100);
    }
  });
});
