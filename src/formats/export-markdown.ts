// A readable export: saved items grouped by story, then by kind. Everything the reader typed or
// a page supplied is escaped, so a title like "*[click](javascript:…)*" stays text in any
// Markdown viewer. Pure.

import { ITEM_KINDS, type ItemKind, type SavedItem } from '../storage/model';
import { canonicalUrl } from '../storage/url';

export interface MarkdownExportOptions {
  /** Story titles by story id; a story without one is shown by its id. */
  storyTitles?: Readonly<Record<string, string>>;
  /** When the export was made (ms epoch); defaults to now. */
  exportedAt?: number;
}

const KIND_HEADINGS: Record<ItemKind, string> = {
  article: 'Articles',
  claim: 'Claims',
  quote: 'Quotes',
  source: 'Sources',
};

// Characters that start emphasis, code, links, images, raw HTML, entities, tables and
// strikethrough wherever they appear. CommonMark lets any ASCII punctuation be backslash-escaped.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** Escapes one line of user text for use inside a Markdown paragraph or heading. */
export function escapeMarkdownLine(line: string): string {
  let out = line.replace(INLINE_SPECIAL, '\\$&');
  // Leading spaces would make an indented code block; non-breaking spaces keep the indent visible.
  out = out.replace(/^[ \t]+/, (space) => space.replace(/\t/g, '    ').replace(/ /g, '\u00a0'));
  // Markers that only mean something at the start of a line: headings, lists, setext
  // underlines, ordered lists ("1." / "1)").
  if (/^[#+=-]/.test(out)) out = `\\${out}`;
  return out.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Multi-line user text as Markdown paragraphs; line breaks inside a paragraph are kept. */
export function escapeMarkdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.split('\n').map(escapeMarkdownLine).join('  \n'))
    .join('\n\n');
}

function oneLine(text: string): string {
  return escapeMarkdownLine(text.replace(/\s+/gu, ' ').trim());
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function renderItem(item: SavedItem): string {
  const lines: string[] = [`#### ${oneLine(item.title || item.url)}`, ''];
  if (item.publisher) lines.push(`- Publisher: ${oneLine(item.publisher)}`);
  const href = canonicalUrl(item.url);
  lines.push(`- Link: ${href ? `<${href}>` : oneLine(item.url)}`);
  const updated = day(item.updatedAt) !== day(item.createdAt) ? `, updated ${day(item.updatedAt)}` : '';
  lines.push(`- Saved: ${day(item.createdAt)}${updated}`);
  if (item.tags.length > 0) lines.push(`- Tags: ${item.tags.map(oneLine).join(', ')}`);
  if (item.quote) {
    lines.push('', ...escapeMarkdownBlock(item.quote).split('\n').map((line) => (line === '' ? '>' : `> ${line}`)));
  }
  if (item.note) lines.push('', 'Note:', '', escapeMarkdownBlock(item.note));
  return lines.join('\n');
}

function renderGroup(heading: string, items: readonly SavedItem[]): string {
  const parts = [`## ${heading}`];
  for (const kind of ITEM_KINDS) {
    const ofKind = items.filter((item) => item.kind === kind).sort((a, b) => a.createdAt - b.createdAt);
    if (ofKind.length === 0) continue;
    parts.push(`### ${KIND_HEADINGS[kind]} (${ofKind.length})`, ...ofKind.map(renderItem));
  }
  return parts.join('\n\n');
}

export function exportMarkdown(items: readonly SavedItem[], options: MarkdownExportOptions = {}): string {
  const titles = options.storyTitles ?? {};
  const byStory = new Map<string | null, SavedItem[]>();
  for (const item of items) {
    const group = byStory.get(item.storyId) ?? [];
    group.push(item);
    byStory.set(item.storyId, group);
  }
  const storyName = (id: string) => {
    const title = Object.prototype.hasOwnProperty.call(titles, id) ? titles[id] : undefined;
    return title ? title : `Story ${id}`;
  };
  const storyIds = [...byStory.keys()]
    .filter((id): id is string => id !== null)
    .sort((a, b) => collator.compare(storyName(a), storyName(b)));

  const count = items.length === 1 ? '1 saved item' : `${items.length} saved items`;
  const sections = [
    '# Story Context: saved items',
    `Exported ${day(options.exportedAt ?? Date.now())} (dates in UTC), ${count}.`,
    ...storyIds.map((id) => renderGroup(oneLine(storyName(id)), byStory.get(id)!)),
  ];
  const loose = byStory.get(null);
  if (loose) sections.push(renderGroup('Not linked to a story', loose));
  return `${sections.join('\n\n')}\n`;
}
