// Validation for everything that enters storage: repository inputs and imported files share
// these schemas, so the caps are the same whichever way an item arrives. Messages name the
// problem in words; formatIssue() adds where it is (e.g. "items[3].url: must be an http(s) URL").

import * as v from 'valibot';
import { duplicateKey, itemKey, keyBase } from './key';
import {
  ITEM_KINDS,
  LIMITS,
  SIDEBAR_MODES,
  SORT_FIELDS,
  type SavedItem,
  type Visit,
} from './model';
import { collapseWhitespace, normaliseTags } from './text';
import { canonicalUrl, isHttpUrl, normaliseHost, normaliseUrl, siteOf } from './url';

type Issue = v.BaseIssue<unknown>;

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const mustBe =
  (what: string) =>
  (issue: Issue): string =>
    `must be ${what} (found ${shorten(issue.received)})`;

const tooLong =
  (max: number) =>
  (issue: Issue): string =>
    `longer than ${max} characters (found ${issue.received})`;

const objectMessage = (what: string) => (issue: Issue) => {
  if (issue.expected === 'never') return `is not a field of ${what}`;
  if (issue.expected?.startsWith('"')) return 'is missing';
  return `must be ${what} (found ${shorten(issue.received)})`;
};

// valibot's object schemas accept arrays (they are objects); a list where a record belongs is
// always a mistake, so it is refused first with the same wording.
function record<TEntries extends v.ObjectEntries>(entries: TEntries, what: string) {
  return v.pipe(
    v.custom<unknown>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      (issue) => `must be ${what} (found ${Array.isArray(issue.input) ? 'a list' : shorten(issue.received)})`,
    ),
    v.strictObject(entries, objectMessage(what)),
  );
}

const MS_EPOCH_MAX = 8.64e15; // the largest time a JavaScript Date can hold

const timestamp = v.pipe(
  v.number(mustBe('a number of milliseconds since 1970')),
  v.safeInteger(mustBe('a whole number of milliseconds since 1970')),
  v.minValue(0, mustBe('a time after 1970')),
  v.maxValue(MS_EPOCH_MAX, mustBe('a representable time')),
);

const kindSchema = v.picklist(ITEM_KINDS, mustBe(`one of ${ITEM_KINDS.join(', ')}`));

// Length is checked both before canonicalising (cheap refusal of huge input) and after (the
// parser's escaping can lengthen it), so whatever is stored can be exported and re-imported.
const urlSchema = v.pipe(
  v.string(mustBe('a URL')),
  v.trim(),
  v.maxLength(LIMITS.urlLength, tooLong(LIMITS.urlLength)),
  v.check(isHttpUrl, 'must be an http(s) URL'),
  v.transform((url) => canonicalUrl(url) ?? url),
  v.maxLength(LIMITS.urlLength, tooLong(LIMITS.urlLength)),
);

const singleLine = (max: number) =>
  v.pipe(v.string(mustBe('text')), v.transform(collapseWhitespace), v.maxLength(max, tooLong(max)));

const multiLine = (max: number) =>
  v.pipe(
    v.string(mustBe('text')),
    v.transform((text) => text.replace(/\r\n?/g, '\n').trim()),
    v.maxLength(max, tooLong(max)),
  );

const tagsSchema = v.pipe(
  v.array(singleLine(LIMITS.tagLength), mustBe('a list of tags')),
  v.maxLength(LIMITS.tagCount, (issue) => `more than ${LIMITS.tagCount} tags (found ${issue.received})`),
  v.transform((tags: string[]) => normaliseTags(tags)),
);

const storyIdSchema = v.nullable(
  v.pipe(
    v.string(mustBe('a story id or null')),
    v.trim(),
    v.minLength(1, 'must not be empty (use null for no story)'),
    v.maxLength(LIMITS.storyIdLength, tooLong(LIMITS.storyIdLength)),
  ),
);

const refSchema = v.pipe(
  v.string(mustBe('text')),
  v.trim(),
  v.maxLength(LIMITS.refLength, tooLong(LIMITS.refLength)),
);

const idSchema = v.pipe(
  v.string(mustBe('an id')),
  v.regex(
    /^[A-Za-z0-9_-]{1,128}$/,
    `must be 1 to ${LIMITS.idLength} letters, digits, "-" or "_"`,
  ),
);

const hostSchema = v.pipe(
  v.string(mustBe('a hostname')),
  v.maxLength(LIMITS.urlLength, tooLong(LIMITS.urlLength)),
  v.check((host) => normaliseHost(host) !== null, 'must be a hostname such as example.com'),
  v.transform((host) => normaliseHost(host) ?? host),
);

const itemText = {
  title: v.optional(singleLine(LIMITS.titleLength), ''),
  publisher: v.optional(singleLine(LIMITS.publisherLength), ''),
  quote: v.optional(multiLine(LIMITS.quoteLength), ''),
  note: v.optional(multiLine(LIMITS.noteLength), ''),
  tags: v.optional(tagsSchema, () => []),
  storyId: v.optional(storyIdSchema, null),
  ref: v.optional(refSchema, ''),
};

export const SavedItemInputSchema = record(
  { kind: kindSchema, url: urlSchema, ...itemText },
  'a saved item',
);

export const ItemPatchSchema = record(
  {
    note: v.optional(multiLine(LIMITS.noteLength)),
    tags: v.optional(tagsSchema),
  },
  'an edit of note and tags',
);

export const ItemIdsSchema = v.array(idSchema, mustBe('a list of item ids'));
export const ItemIdSchema = idSchema;

export const ItemQuerySchema = record(
  {
    storyId: v.optional(storyIdSchema),
    kind: v.optional(kindSchema),
    tag: v.optional(singleLine(LIMITS.tagLength)),
    site: v.optional(v.pipe(v.string(mustBe('a hostname')), v.maxLength(LIMITS.urlLength))),
    text: v.optional(
      v.pipe(v.string(mustBe('text')), v.maxLength(LIMITS.queryTextLength, tooLong(LIMITS.queryTextLength))),
    ),
    sort: v.optional(v.picklist(SORT_FIELDS, mustBe(`one of ${SORT_FIELDS.join(', ')}`))),
    order: v.optional(v.picklist(['asc', 'desc'], mustBe('asc or desc'))),
  },
  'a query',
);

export const SettingsPatchSchema = record(
  {
    sidebarMode: v.optional(v.picklist(SIDEBAR_MODES, mustBe(`one of ${SIDEBAR_MODES.join(', ')}`))),
    disabledSites: v.optional(
      v.pipe(
        v.array(hostSchema, mustBe('a list of hostnames')),
        v.maxLength(LIMITS.disabledSites, (issue) => `more than ${LIMITS.disabledSites} sites (found ${issue.received})`),
        v.transform((hosts) => [...new Set(hosts)]),
      ),
    ),
  },
  'a settings object',
);

export const UndoTokenSchema = record(
  {
    id: idSchema,
    count: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    expiresAt: timestamp,
  },
  'an undo token',
);

export const VisitInputSchema = record({ url: urlSchema, storyId: v.optional(storyIdSchema, null) }, 'a visit');

export const PackIdSchema = v.pipe(
  v.string(mustBe('a pack id')),
  v.minLength(1, 'must not be empty'),
  v.maxLength(LIMITS.storyIdLength, tooLong(LIMITS.storyIdLength)),
);

export const PackInputSchema = record(
  {
    id: PackIdSchema,
    version: v.pipe(v.string(mustBe('a version')), v.minLength(1, 'must not be empty'), v.maxLength(64, tooLong(64))),
    json: v.pipe(v.string(mustBe('JSON text')), v.maxLength(LIMITS.packJsonLength, tooLong(LIMITS.packJsonLength))),
  },
  'a story pack',
);

/**
 * The key an imported item gets: recomputed from its content, except that a legacy-duplicate
 * suffix ("#<id>") on the same content is kept, so two rows that were distinct in the source
 * stay distinct. A key computed by another version's rules is simply replaced.
 */
function importedKey(computed: string, given: string | undefined): string {
  if (given === undefined || given === computed) return computed;
  if (keyBase(given) === computed) {
    const suffix = given.slice(computed.length + 1);
    if (/^[A-Za-z0-9_-]{1,128}$/.test(suffix)) return duplicateKey(computed, suffix);
  }
  return computed;
}

/** A complete saved item as found in an export file. */
export const SavedItemSchema = v.pipe(
  record(
    {
      id: idSchema,
      kind: kindSchema,
      url: urlSchema,
      ...itemText,
      site: v.optional(v.pipe(v.string(mustBe('a hostname')), v.maxLength(LIMITS.urlLength))),
      key: v.optional(v.pipe(v.string(mustBe('text')), v.maxLength(LIMITS.keyLength, tooLong(LIMITS.keyLength)))),
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    'a saved item',
  ),
  v.transform((raw): SavedItem => {
    const computed = itemKey(raw);
    return {
      id: raw.id,
      kind: raw.kind,
      url: raw.url,
      title: raw.title,
      publisher: raw.publisher,
      quote: raw.quote,
      note: raw.note,
      tags: raw.tags,
      storyId: raw.storyId,
      site: siteOf(raw.url),
      ref: raw.ref,
      key: importedKey(computed, raw.key),
      createdAt: raw.createdAt,
      updatedAt: raw.updatedAt,
    };
  }),
);

export const VisitSchema = v.pipe(
  record(
    {
      url: urlSchema,
      storyId: v.optional(storyIdSchema, null),
      firstAt: timestamp,
      lastAt: timestamp,
      count: v.pipe(
        v.number(mustBe('a count')),
        v.safeInteger(mustBe('a whole number')),
        v.minValue(1, mustBe('at least 1')),
        v.maxValue(1e9, mustBe('at most 1000000000')),
      ),
    },
    'a visit',
  ),
  v.transform(
    (raw): Visit => ({
      url: normaliseUrl(raw.url) ?? raw.url,
      storyId: raw.storyId,
      firstAt: Math.min(raw.firstAt, raw.lastAt),
      lastAt: Math.max(raw.firstAt, raw.lastAt),
      count: raw.count,
    }),
  ),
);

function pathOf(issue: Issue, root: string): string {
  let out = root;
  for (const step of issue.path ?? []) {
    const key: unknown = step.key;
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) out += out === '' ? name : `.${name}`;
      else out += `[${JSON.stringify(shorten(name, 40))}]`;
    }
  }
  return out;
}

/** "where: what", e.g. "items[3].url: must be an http(s) URL". */
export function formatIssue(issue: Issue, root = ''): string {
  const where = pathOf(issue, root);
  const message = shorten(issue.message, 200);
  return where === '' ? message : `${where}: ${message}`;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Runs a schema and returns either the output or up to `max` located problems. */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  root = '',
  max = 5,
): Validated<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: result.issues.slice(0, max).map((issue) => formatIssue(issue, root)) };
}
