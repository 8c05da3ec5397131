import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCsv, neutraliseCell } from '../../../src/formats/export-csv';
import { buildExport, exportFileName, stringifyExport } from '../../../src/formats/export-json';
import { escapeMarkdownBlock, escapeMarkdownLine, exportMarkdown } from '../../../src/formats/export-markdown';
import { findExcessiveNesting, findForbiddenKey, utf8Length } from '../../../src/formats/json-guards';
import type { SavedItem, StorageSnapshot } from '../../../src/storage/model';

function item(overrides: Partial<SavedItem>): SavedItem {
  return {
    id: 'id-1',
    kind: 'article',
    url: 'https://www.hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769',
    title: "Alibaba denies report it helps China's military target US",
    publisher: 'Hürriyet Daily News (AFP copy)',
    quote: '',
    note: '',
    tags: [],
    storyId: 'alibaba-pla-memo',
    site: 'hurriyetdailynews.com',
    ref: '',
    key: 'k1',
    createdAt: Date.UTC(2025, 10, 16, 9, 30),
    updatedAt: Date.UTC(2025, 10, 16, 9, 30),
    ...overrides,
  };
}

/** A small RFC 4180 reader, to check the writer against the standard rather than against itself. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let n = 0; n < text.length; n++) {
    const ch = text[n]!;
    if (quoted) {
      if (ch === '"' && text[n + 1] === '"') {
        field += '"';
        n++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[n + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      n++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('record not terminated by CRLF');
  return rows;
}

describe('exportCsv', () => {
  it('writes a header and one record per item, with commas, quotes and newlines intact', () => {
    const tricky = item({ title: 'Alibaba, "the company", said:\r\nno', note: 'line one\nline two', tags: ['AFP', 'Déni'] });
    const text = exportCsv([tricky], { bom: false });
    const [header, record] = readCsv(text);
    expect(header).toEqual(['id', 'kind', 'title', 'publisher', 'url', 'site', 'quote', 'note', 'tags', 'storyId', 'ref', 'createdAt', 'updatedAt']);
    expect(record).toEqual([
      'id-1',
      'article',
      'Alibaba, "the company", said:\r\nno',
      'Hürriyet Daily News (AFP copy)',
      tricky.url,
      'hurriyetdailynews.com',
      '',
      'line one\nline two',
      'AFP; Déni',
      'alibaba-pla-memo',
      '',
      '2025-11-16T09:30:00.000Z',
      '2025-11-16T09:30:00.000Z',
    ]);
  });

  it.each(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'neutralises a cell starting like a formula: %j',
    (value) => {
      const [, record] = readCsv(exportCsv([item({ note: value, title: value })], { bom: false }));
      expect(record![2]).toBe(`'${value}`);
      expect(record![7]).toBe(`'${value}`);
    },
  );

  it('leaves ordinary text alone', () => {
    expect(neutraliseCell('Alibaba = PLA?')).toBe('Alibaba = PLA?');
    expect(neutraliseCell('阿里巴巴')).toBe('阿里巴巴');
  });

  it('starts with a byte order mark unless asked not to, and round-trips any text', () => {
    expect(exportCsv([]).startsWith('\ufeff"id","kind"')).toBe(true);
    expect(exportCsv([], { bom: false }).startsWith('"id","kind"')).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (note) => {
        const [, record] = readCsv(exportCsv([item({ note })], { bom: false }));
        expect(record![7]).toBe(neutraliseCell(note));
      }),
    );
  });
});

describe('exportMarkdown', () => {
  const items = [
    item({ id: 'a', kind: 'claim', title: "Alibaba provides 'tech support for Chinese military operations against targets in the U.S.'", url: 'https://www.ft.com/content/30fb83a0-8cb9-4805-b5d2-19b5ef510043', publisher: 'Financial Times', note: 'The memo alleges this.', tags: ['allegation'] }),
    item({ id: 'b', kind: 'quote', title: 'Alibaba Group (spokesperson) to Reuters', quote: 'The assertions and innuendos in the article are completely false.', url: 'https://ttmnote.com/news/2583689840', publisher: 'Reuters' }),
    item({ id: 'c', kind: 'article', note: 'AFP copy' }),
    item({ id: 'd', kind: 'article', storyId: null, title: '(ロイター) 米政府、アリババが中国人民解放軍に技術協力と非難＝FT', url: 'https://www.tradingkey.com/jp/news/stocks/251308501-reuters' }),
  ];

  it('groups by story, then by kind, with items outside any story last', () => {
    const text = exportMarkdown(items, { storyTitles: { 'alibaba-pla-memo': 'White House memo on Alibaba' }, exportedAt: Date.UTC(2025, 10, 20) });
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Story Context: saved items',
      '## White House memo on Alibaba',
      '### Articles (1)',
      "#### Alibaba denies report it helps China's military target US",
      '### Claims (1)',
      "#### Alibaba provides 'tech support for Chinese military operations against targets in the U.S.'",
      '### Quotes (1)',
      '#### Alibaba Group (spokesperson) to Reuters',
      '## Not linked to a story',
      '### Articles (1)',
      '#### (ロイター) 米政府、アリババが中国人民解放軍に技術協力と非難＝FT',
    ]);
    expect(text).toContain('Exported 2025-11-20 (dates in UTC), 4 saved items.');
    expect(text).toContain('> The assertions and innuendos in the article are completely false.');
    expect(text).toContain('- Link: <https://www.ft.com/content/30fb83a0-8cb9-4805-b5d2-19b5ef510043>');
    expect(text).toContain('- Tags: allegation');
  });

  it('names a story by its id when no title is known', () => {
    expect(exportMarkdown([items[2]!])).toContain('## Story alibaba-pla-memo');
  });

  it('escapes Markdown in user text so it stays text', () => {
    const hostile = item({
      title: '*bold* [click](javascript:alert(1)) <img src=x onerror=alert(1)> `code` | a | b ~~gone~~ &amp;',
      note: '# not a heading\n> not a quote\n- not a list\n1. not ordered\n    not code\n---\n![image](https://example.com/x.png)',
      tags: ['_under_'],
    });
    const text = exportMarkdown([hostile]);
    expect(text).toContain(
      '#### \\*bold\\* \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\`code\\` \\| a \\| b \\~\\~gone\\~\\~ \\&amp;',
    );
    expect(text).toContain('\\# not a heading  \n\\> not a quote  \n\\- not a list  \n1\\. not ordered  \n\u00a0\u00a0\u00a0\u00a0not code  \n\\---  \n!\\[image\\](https://example.com/x.png)');
    expect(text).toContain('- Tags: \\_under\\_');
    expect(text).not.toMatch(/(^|[^\\])<img/);
  });

  it('escapes every inline special character in any line', () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        const escaped = escapeMarkdownLine(line.replace(/\n/g, ' '));
        // Every special character is preceded by an odd number of backslashes.
        for (const match of escaped.matchAll(/(\\*)([`*_[\]<>|~&])/g)) {
          expect(match[1]!.length % 2).toBe(1);
        }
      }),
    );
  });

  it('keeps paragraphs of a note apart and refuses non-http links', () => {
    expect(escapeMarkdownBlock('one\n\n\ntwo')).toBe('one\n\ntwo');
    expect(exportMarkdown([item({ url: 'javascript:alert(1)' })])).toContain('- Link: javascript:alert(1)');
  });
});

describe('JSON export', () => {
  const snapshot: StorageSnapshot = {
    items: [item({ tags: ['AFP'] })],
    visits: [{ url: 'https://ettoday.net/news/20251115/3067837.htm', storyId: null, firstAt: 1, lastAt: 2, count: 1 }],
    settings: { sidebarMode: 'tab-only', disabledSites: ['example.org'] },
  };

  it('is the documented, versioned document, one item per line', () => {
    const text = stringifyExport(snapshot, Date.UTC(2025, 10, 16));
    expect(JSON.parse(text)).toEqual(buildExport(snapshot, Date.UTC(2025, 10, 16)));
    expect(JSON.parse(text)).toMatchObject({ format: 'story-context-export', version: 1, exportedAt: '2025-11-16T00:00:00.000Z' });
    const itemLines = text.split('\n').filter((line) => line.includes('"kind"'));
    expect(itemLines).toHaveLength(1);
  });

  it('names files by date', () => {
    expect(exportFileName('csv', Date.UTC(2025, 10, 16, 23))).toBe('story-context-2025-11-16.csv');
  });
});

describe('JSON guards', () => {
  it('counts UTF-8 bytes exactly', () => {
    fc.assert(
      // Code units from every UTF-8 length class, lone surrogates included.
      fc.property(
        fc
          .array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xffff }), fc.integer({ min: 0x10000, max: 0x10ffff })), { maxLength: 64 })
          .map((points) => points.map((point) => (point > 0xffff ? String.fromCodePoint(point) : String.fromCharCode(point))).join('')),
        (text) => {
          expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
        },
      ),
      { numRuns: 300 },
    );
    for (const odd of ['\ud800', '\udc00x', 'a\ud83d', '\ud83d\ude00']) {
      expect(utf8Length(odd)).toBe(new TextEncoder().encode(odd).length);
    }
  });

  it('measures nesting outside strings only, without recursion', () => {
    expect(findExcessiveNesting('{"a":[[1]]}', 3)).toBeNull();
    expect(findExcessiveNesting('{"a":[[1]]}', 2)).toEqual({ depth: 3, offset: 6 });
    expect(findExcessiveNesting('{"a":"[[[[\\"[[["}', 1)).toBeNull();
    expect(findExcessiveNesting('['.repeat(1_000_000), 16)).toEqual({ depth: 17, offset: 16 });
  });

  it('finds forbidden keys at any depth and reports where', () => {
    expect(findForbiddenKey(JSON.parse('{"items":[{"a":1},{"tags":[{"__proto__":1}]}]}'))).toEqual({ path: 'items[1].tags[0].__proto__', key: '__proto__' });
    expect(findForbiddenKey({ 'odd key': { constructor: 1 } })).toEqual({ path: '["odd key"].constructor', key: 'constructor' });
    expect(findForbiddenKey({ items: [{ title: '__proto__' }] })).toBeNull();
  });
});
