// What a save sends, and how a saved item is found again for a save target: the sidebar's
// "Saved" marks and Undo point at the item a save merges into.
import type { Claim, CoverageItem, Statement, StoryPack } from '../../packs/schema';
import type { SaveItemInput } from '../../protocol/messages';
import { LIMITS } from '../../storage/model';
import { pageKey } from '../../url/identity';
import { displayHost, httpHref } from '../components/safe-url';
import type { ItemKind, SavedItemView, TabContext } from './api';

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/**
 * The key a save target and a saved item share: pack items by kind and id, articles by the URL
 * identity storage dedupes them by, so "Saved" and Undo point at the item a save merges into.
 */
export function savedKey(kind: ItemKind, ref: string, url: string): string {
  return kind === 'article' ? `article|${pageKey(url)}` : `${kind}|${ref}`;
}

export function indexSaved(items: readonly SavedItemView[]): Map<string, SavedItemView> {
  const index = new Map<string, SavedItemView>();
  for (const item of items) {
    const key = savedKey(item.kind, item.ref, item.url);
    if (!index.has(key)) index.set(key, item);
  }
  return index;
}

export function savedFor(index: ReadonlyMap<string, SavedItemView>, input: SaveItemInput): SavedItemView | undefined {
  return index.get(savedKey(input.kind, input.ref ?? '', input.url));
}

/** Saving the page being read; null when it has no http(s) URL to save. */
export function articleInput(ctx: TabContext, pack: StoryPack, coverage: CoverageItem | null): SaveItemInput | null {
  const url = httpHref(ctx.url);
  if (!url) return null;
  const title = ctx.report.title.trim() || coverage?.title || url;
  return {
    kind: 'article',
    url,
    title: clip(title, LIMITS.titleLength),
    publisher: clip(coverage?.publisher ?? displayHost(url), LIMITS.publisherLength),
    storyId: pack.id,
    ref: '',
  };
}

/** A claim is saved with its source's URL (the first report when it has none), not the page's. */
export function claimInput(claim: Claim, pack: StoryPack): SaveItemInput {
  const url = claim.source.url ?? pack.firstReport.url;
  const publisher = url === pack.firstReport.url ? pack.firstReport.publisher : claim.source.note;
  return {
    kind: 'claim',
    url,
    title: clip(claim.text, LIMITS.titleLength),
    publisher: clip(publisher, LIMITS.publisherLength),
    storyId: pack.id,
    ref: claim.id,
  };
}

/** The quote's text is every verbatim passage of the statement, as separate paragraphs. */
export function quoteText(statement: Statement): string {
  return statement.quoteContinued ? `${statement.quote}\n\n${statement.quoteContinued}` : statement.quote;
}

export function quoteInput(statement: Statement, pack: StoryPack): SaveItemInput {
  return {
    kind: 'quote',
    url: statement.sourceUrl,
    title: clip(statement.speaker, LIMITS.titleLength),
    publisher: clip(statement.sourceNote, LIMITS.publisherLength),
    quote: clip(quoteText(statement), LIMITS.quoteLength),
    storyId: pack.id,
    ref: statement.id,
  };
}

export function sourceInput(item: CoverageItem, pack: StoryPack): SaveItemInput {
  return {
    kind: 'source',
    url: item.url,
    title: clip(item.title ?? item.publisher, LIMITS.titleLength),
    publisher: clip(item.publisher, LIMITS.publisherLength),
    storyId: pack.id,
    ref: item.id,
  };
}
