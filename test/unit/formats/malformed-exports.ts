// Export files that must be refused, each with the words the refusal must contain. Shared by
// the parser tests (the message) and the storage tests (nothing stored changes).

export interface MalformedCase {
  name: string;
  text: () => string;
  message: RegExp;
  /**
   * Where the problem lives: 'text' (not a JSON object at all), 'header' (format, version and
   * other top-level fields, which importData does not see) or 'payload' (items, visits,
   * settings, which importData checks again).
   */
  layer: 'text' | 'header' | 'payload';
}

type Json = Record<string, unknown>;

export function validItem(n: number): Json {
  return {
    id: `item-${n}`,
    kind: 'article',
    title: `Alibaba denies report it helps China's military target US (${n})`,
    url: `https://www.hurriyetdailynews.com/alibaba-denies-report-it-helps-chinas-military-target-us-215769?n=${n}`,
    publisher: 'Hürriyet Daily News (AFP copy)',
    site: 'hurriyetdailynews.com',
    quote: '',
    note: 'AFP copy',
    tags: ['AFP'],
    storyId: 'alibaba-pla-memo',
    ref: '',
    createdAt: 1763193600000 + n,
    updatedAt: 1763193600000 + n,
  };
}

export function validDoc(itemCount = 2): Json {
  return {
    format: 'story-context-export',
    version: 1,
    exportedAt: '2025-11-16T09:30:00.000Z',
    settings: { sidebarMode: 'first-open', disabledSites: ['example.org'] },
    items: Array.from({ length: itemCount }, (_, n) => validItem(n)),
    visits: [
      {
        url: 'https://ettoday.net/news/20251115/3067837.htm',
        storyId: 'alibaba-pla-memo',
        firstAt: 1763193600000,
        lastAt: 1763287500000,
        count: 3,
      },
    ],
  };
}

const text = (value: unknown) => () => JSON.stringify(value);

/** A valid document changed by `change`, serialised. */
function withDoc(change: (doc: Json) => void, itemCount = 2): () => string {
  return () => {
    const doc = validDoc(itemCount);
    change(doc);
    return JSON.stringify(doc);
  };
}

function item(doc: Json, n: number): Json {
  return (doc.items as Json[])[n]!;
}

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const full = JSON.stringify(validDoc(3));

export const MALFORMED: MalformedCase[] = [
  // Not JSON, or cut short.
  { layer: 'text', name: 'empty file', text: () => '', message: /the file is empty/ },
  { layer: 'text', name: 'only whitespace', text: () => ' \n\t ', message: /the file is empty/ },
  { layer: 'text', name: 'truncated in the middle', text: () => full.slice(0, Math.floor(full.length / 2)), message: /not valid JSON; it may be truncated/ },
  { layer: 'text', name: 'truncated by one character', text: () => full.slice(0, -1), message: /not valid JSON; it may be truncated/ },
  { layer: 'text', name: 'a lone brace', text: () => '{', message: /not valid JSON/ },
  { layer: 'text', name: 'plain text', text: () => 'my saved items', message: /not valid JSON/ },
  { layer: 'text', name: 'an HTML page', text: () => '<!doctype html><html><body>Export</body></html>', message: /not valid JSON/ },
  { layer: 'text', name: 'trailing garbage', text: () => `${full}x`, message: /not valid JSON/ },
  { layer: 'text', name: 'single-quoted pseudo JSON', text: () => "{'format': 'story-context-export'}", message: /not valid JSON/ },
  { layer: 'text', name: 'NaN literal', text: () => full.replace('"count":3', '"count":NaN'), message: /not valid JSON/ },
  { layer: 'text', name: 'two documents concatenated', text: () => `${full}\n${full}`, message: /not valid JSON/ },

  // Wrong top-level type.
  { layer: 'text', name: 'a list at the top', text: text([validItem(0)]), message: /expected a JSON object .* found a list/ },
  { layer: 'text', name: 'null at the top', text: text(null), message: /found null/ },
  { layer: 'text', name: 'a number at the top', text: text(42), message: /found 42/ },
  { layer: 'text', name: 'a string at the top', text: text('story-context-export'), message: /found "story-context-export"/ },
  { layer: 'text', name: 'true at the top', text: text(true), message: /found true/ },

  // Format and version.
  { layer: 'header', name: 'no format', text: withDoc((doc) => delete doc.format), message: /format: is missing; this is not a Story Context export/ },
  { layer: 'header', name: 'another format', text: withDoc((doc) => (doc.format = 'pocket-export')), message: /format: expected "story-context-export", found "pocket-export"/ },
  { layer: 'header', name: 'format as a number', text: withDoc((doc) => (doc.format = 1)), message: /format: expected "story-context-export", found 1/ },
  { layer: 'header', name: 'no version', text: withDoc((doc) => delete doc.version), message: /version: is missing \(supported: 1\)/ },
  { layer: 'header', name: 'a newer version', text: withDoc((doc) => (doc.version = 2)), message: /version: export version 2 is not supported; this Story Context reads version 1\. It was made by a newer Story Context/ },
  { layer: 'header', name: 'version 0', text: withDoc((doc) => (doc.version = 0)), message: /version: export version 0 is not supported; this Story Context reads version 1/ },
  { layer: 'header', name: 'version as a string', text: withDoc((doc) => (doc.version = '1')), message: /version: must be a whole number, found "1" \(supported: 1\)/ },
  { layer: 'header', name: 'fractional version', text: withDoc((doc) => (doc.version = 1.5)), message: /version: must be a whole number, found 1\.5/ },
  { layer: 'header', name: 'unknown top-level field', text: withDoc((doc) => (doc.extra = true)), message: /"extra": is not a field of a Story Context export/ },
  { layer: 'header', name: 'unreadable exportedAt', text: withDoc((doc) => (doc.exportedAt = 'yesterday')), message: /exportedAt: must be a date/ },

  // Sections of the wrong shape.
  { layer: 'payload', name: 'no items', text: withDoc((doc) => delete doc.items), message: /items: is missing/ },
  { layer: 'payload', name: 'items as an object', text: withDoc((doc) => (doc.items = { a: validItem(0) })), message: /items: must be a list \(found an object\)/ },
  { layer: 'payload', name: 'items as a string', text: withDoc((doc) => (doc.items = 'none')), message: /items: must be a list \(found string\)/ },
  { layer: 'payload', name: 'too many items', text: withDoc((doc) => (doc.items = Array.from({ length: 100_001 }, () => ({})))), message: /items: 100001 items; at most 100000 can be imported/ },
  { layer: 'payload', name: 'visits as an object', text: withDoc((doc) => (doc.visits = {})), message: /visits: must be a list \(found an object\)/ },
  { layer: 'payload', name: 'settings as a list', text: withDoc((doc) => (doc.settings = [])), message: /settings: must be a settings object/ },

  // Items with wrong types or values.
  { layer: 'payload', name: 'an item that is null', text: withDoc((doc) => ((doc.items as unknown[])[1] = null)), message: /items\[1\]: must be a saved item \(found null\)/ },
  { layer: 'payload', name: 'an item that is a list', text: withDoc((doc) => ((doc.items as unknown[])[0] = [])), message: /items\[0\]: must be a saved item/ },
  { layer: 'payload', name: 'missing id', text: withDoc((doc) => delete item(doc, 0).id), message: /items\[0\]\.id: is missing/ },
  { layer: 'payload', name: 'numeric id', text: withDoc((doc) => (item(doc, 0).id = 7)), message: /items\[0\]\.id: must be an id \(found 7\)/ },
  { layer: 'payload', name: 'id with spaces', text: withDoc((doc) => (item(doc, 0).id = 'my item')), message: /items\[0\]\.id: must be 1 to 128 letters, digits/ },
  { layer: 'payload', name: 'two items with one id', text: withDoc((doc) => (item(doc, 1).id = item(doc, 0).id)), message: /items\[1\]\.id: the same id as items\[0\]/ },
  { layer: 'payload', name: 'unknown kind', text: withDoc((doc) => (item(doc, 0).kind = 'video')), message: /items\[0\]\.kind: must be one of article, claim, quote, source \(found "video"\)/ },
  { layer: 'payload', name: 'javascript: URL', text: withDoc((doc) => (item(doc, 1).url = 'javascript:alert(document.cookie)')), message: /items\[1\]\.url: must be an http\(s\) URL/ },
  { layer: 'payload', name: 'file: URL', text: withDoc((doc) => (item(doc, 0).url = 'file:///etc/passwd')), message: /items\[0\]\.url: must be an http\(s\) URL/ },
  { layer: 'payload', name: 'relative URL', text: withDoc((doc) => (item(doc, 0).url = '/news/1')), message: /items\[0\]\.url: must be an http\(s\) URL/ },
  { layer: 'payload', name: 'numeric URL', text: withDoc((doc) => (item(doc, 0).url = 12)), message: /items\[0\]\.url: must be a URL \(found 12\)/ },
  { layer: 'payload', name: 'URL over 2048 characters', text: withDoc((doc) => (item(doc, 0).url = `https://example.com/${'a'.repeat(2100)}`)), message: /items\[0\]\.url: longer than 2048 characters/ },
  { layer: 'payload', name: 'numeric title', text: withDoc((doc) => (item(doc, 0).title = 5)), message: /items\[0\]\.title: must be text \(found 5\)/ },
  { layer: 'payload', name: 'tags as a string', text: withDoc((doc) => (item(doc, 0).tags = 'AFP, Reuters')), message: /items\[0\]\.tags: must be a list of tags/ },
  { layer: 'payload', name: 'a numeric tag', text: withDoc((doc) => (item(doc, 0).tags = ['AFP', 3])), message: /items\[0\]\.tags\[1\]: must be text \(found 3\)/ },
  { layer: 'payload', name: '33 tags', text: withDoc((doc) => (item(doc, 0).tags = Array.from({ length: 33 }, (_, n) => `t${n}`))), message: /items\[0\]\.tags: more than 32 tags \(found 33\)/ },
  { layer: 'payload', name: 'a 65-character tag', text: withDoc((doc) => (item(doc, 0).tags = ['x'.repeat(65)])), message: /items\[0\]\.tags\[0\]: longer than 64 characters \(found 65\)/ },
  { layer: 'payload', name: 'numeric storyId', text: withDoc((doc) => (item(doc, 0).storyId = 9)), message: /items\[0\]\.storyId: must be a story id or null/ },
  { layer: 'payload', name: 'empty storyId', text: withDoc((doc) => (item(doc, 0).storyId = '')), message: /items\[0\]\.storyId: must not be empty \(use null for no story\)/ },
  { layer: 'payload', name: 'createdAt as a date string', text: withDoc((doc) => (item(doc, 0).createdAt = '2025-11-16')), message: /items\[0\]\.createdAt: must be a number of milliseconds since 1970/ },
  { layer: 'payload', name: 'negative createdAt', text: withDoc((doc) => (item(doc, 0).createdAt = -5)), message: /items\[0\]\.createdAt: must be a time after 1970/ },
  { layer: 'payload', name: 'fractional updatedAt', text: withDoc((doc) => (item(doc, 0).updatedAt = 1763193600000.5)), message: /items\[0\]\.updatedAt: must be a whole number of milliseconds/ },
  { layer: 'payload', name: 'updatedAt beyond any date', text: withDoc((doc) => (item(doc, 0).updatedAt = 9e15)), message: /items\[0\]\.updatedAt: must be a (whole number|representable time)/ },
  { layer: 'payload', name: 'unknown item field', text: withDoc((doc) => (item(doc, 0).color = 'red')), message: /items\[0\]\.color: is not a field of a saved item/ },
  { layer: 'payload', name: 'oversized key', text: withDoc((doc) => (item(doc, 0).key = 'k'.repeat(9000))), message: /items\[0\]\.key: longer than 8192 characters/ },

  // Huge strings.
  { layer: 'payload', name: 'note one character over', text: withDoc((doc) => (item(doc, 0).note = 'n'.repeat(10_001))), message: /items\[0\]\.note: longer than 10000 characters \(found 10001\)/ },
  { layer: 'payload', name: 'a 5 MB note', text: withDoc((doc) => (item(doc, 1).note = 'n'.repeat(5_000_000))), message: /items\[1\]\.note: longer than 10000 characters \(found 5000000\)/ },
  { layer: 'payload', name: 'title over 1000 characters', text: withDoc((doc) => (item(doc, 0).title = 't'.repeat(1001))), message: /items\[0\]\.title: longer than 1000 characters/ },
  { layer: 'payload', name: 'quote over 10000 characters', text: withDoc((doc) => (item(doc, 0).quote = 'q'.repeat(10_001))), message: /items\[0\]\.quote: longer than 10000 characters/ },
  { layer: 'payload', name: 'publisher over 300 characters', text: withDoc((doc) => (item(doc, 0).publisher = 'p'.repeat(301))), message: /items\[0\]\.publisher: longer than 300 characters/ },
  { layer: 'text', name: 'a file over 50 MB', text: withDoc((doc) => (item(doc, 0).note = ' '.repeat(51 * 1024 * 1024))), message: /larger than 50\.0 MB/ },
  { layer: 'text', name: 'a file over 50 MB only in UTF-8 bytes', text: withDoc((doc) => (item(doc, 0).note = '阿'.repeat(17 * 1024 * 1024))), message: /the file is 51\.0 MB; at most 50\.0 MB/ },

  // Deep nesting.
  { layer: 'text', name: 'nesting 17 levels deep', text: withDoc((doc) => (item(doc, 0).tags = JSON.parse(nested(15)))), message: /nested more than 16 levels deep at line 1, column \d+/ },
  { layer: 'text', name: 'nesting 200,000 levels deep', text: () => nested(200_000), message: /nested more than 16 levels deep/ },
  { layer: 'text', name: 'deep nesting after a newline', text: () => `{\n"format": "story-context-export",\n"items": ${nested(40)}}`, message: /nested more than 16 levels deep at line 3, column 25/ },

  // Valid and invalid mixed: all or nothing.
  { layer: 'payload', name: 'one bad URL among 100 good items', text: withDoc((doc) => (item(doc, 57).url = 'ftp://example.com/x'), 100), message: /items\[57\]\.url: must be an http\(s\) URL/ },
  { layer: 'payload', name: 'good items and a visit with count 0', text: withDoc((doc) => ((doc.visits as Json[])[0]!.count = 0)), message: /visits\[0\]\.count: must be at least 1/ },
  { layer: 'payload', name: 'good items and a visit without a URL', text: withDoc((doc) => delete (doc.visits as Json[])[0]!.url), message: /visits\[0\]\.url: is missing/ },
  { layer: 'payload', name: 'good items and an unknown sidebar mode', text: withDoc((doc) => ((doc.settings as Json).sidebarMode = 'sometimes')), message: /settings\.sidebarMode: must be one of first-open, always-open, tab-only \(found "sometimes"\)/ },
  { layer: 'payload', name: 'good items and a bad disabled site', text: withDoc((doc) => ((doc.settings as Json).disabledSites = ['not a host'])), message: /settings\.disabledSites\[0\]: must be a hostname/ },
  { layer: 'payload', name: 'several problems at once', text: withDoc((doc) => { item(doc, 0).kind = 'x'; item(doc, 1).url = 'mailto:a@b.c'; }), message: /Problems: items\[0\]\.kind: .*; items\[1\]\.url: must be an http\(s\) URL/ },

  // Prototype-pollution keys.
  { layer: 'header', name: '__proto__ at the top', text: () => JSON.stringify(validDoc()).replace('{', '{"__proto__":{"polluted":true},'), message: /__proto__: the key "__proto__" is not allowed/ },
  { layer: 'payload', name: '__proto__ in an item', text: () => JSON.stringify(validDoc()).replace('{"id":"item-1"', '{"__proto__":{"isAdmin":true},"id":"item-1"'), message: /items\[1\]\.__proto__: the key "__proto__" is not allowed/ },
  { layer: 'payload', name: 'constructor in settings', text: () => JSON.stringify(validDoc()).replace('{"sidebarMode"', '{"constructor":{"prototype":{"x":1}},"sidebarMode"'), message: /settings\.constructor: the key "constructor" is not allowed/ },
  { layer: 'payload', name: 'prototype in a visit', text: () => JSON.stringify(validDoc()).replace('{"url":"https://ettoday.net', '{"prototype":{},"url":"https://ettoday.net'), message: /visits\[0\]\.prototype: the key "prototype" is not allowed/ },
  { layer: 'payload', name: '__proto__ inside a tag', text: withDoc((doc) => (item(doc, 0).tags = [JSON.parse('{"__proto__":{"x":1}}')])), message: /items\[0\]\.tags\[0\]\.__proto__: the key "__proto__" is not allowed/ },
];
