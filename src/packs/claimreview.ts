/**
 * schema.org ClaimReview, the markup fact-checkers publish (and search engines read), in both
 * directions: a pack's claims out as JSON-LD, and published ClaimReview items in as a draft pack
 * section for an author to finish. Pure data in, data out.
 *
 * A pack's statuses ("alleged", "unverified") are not points on a truth scale, so the export
 * gives each rating as words (`alternateName`) and no `ratingValue`; the import keeps a
 * published rating's words, or its numbers as "1 of 6".
 */
import { isAttributed } from './evidence';
import type { StoryPack } from './schema';

type Json = Record<string, unknown>;

export interface ClaimReviewExportOptions {
  /** Who publishes the review (schema.org `author` of the ClaimReview); omitted when not given. */
  reviewer?: string;
}

export function packToClaimReviews(pack: StoryPack, options: ClaimReviewExportOptions = {}): Json[] {
  const statusLabel = new Map(pack.claimStatuses.map((s) => [s.id, s.label]));
  return pack.claims.map((claim) => {
    const item: Json = { '@type': 'Claim', author: { '@type': 'Organization', name: claim.allegedBy } };
    if (claim.source.url) item.appearance = { '@type': 'CreativeWork', url: claim.source.url };
    if (claim.source.url === pack.firstReport.url && pack.firstReport.date) item.datePublished = pack.firstReport.date;
    const review: Json = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: `${pack.id}#${claim.id}`,
      claimReviewed: claim.text,
      itemReviewed: item,
      reviewRating: { '@type': 'Rating', alternateName: statusLabel.get(claim.status) ?? claim.status },
      datePublished: pack.updated,
      inLanguage: 'en',
    };
    if (options.reviewer) review.author = { '@type': 'Organization', name: options.reviewer };
    return review;
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export interface DraftClaim {
  id: string;
  text: string;
  allegedBy: string;
  status: string;
  source: { url: string | null; note: string; authorNote: string };
}

export interface DraftSection {
  claimStatuses: { id: string; label: string; tone: 'neutral' }[];
  claims: DraftClaim[];
  /** What the author still has to do before the section can go into a pack. */
  todo: string[];
}

const asObject = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const asText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const isHttp = (v: string | null): v is string => v !== null && /^https?:\/\//.test(v);

function types(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every ClaimReview node in parsed JSON-LD: a single node, an array, or a `@graph`, nested anywhere. */
function findReviews(value: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(value)) value.forEach((v) => findReviews(v, out));
  const node = asObject(value);
  if (!node) return out;
  if (types(node).includes('ClaimReview')) out.push(node);
  else for (const v of Object.values(node)) findReviews(v, out);
  return out;
}

/** JSON-LD text, or an HTML page holding `<script type="application/ld+json">` blocks. */
export function parseClaimReviewSource(text: string): Json[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return findReviews(JSON.parse(trimmed));
  const blocks = [...text.matchAll(/<script[^>]*type=["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi)];
  return blocks.flatMap((m) => findReviews(JSON.parse(m[1] ?? 'null')));
}

function slug(text: string, fallback: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || fallback;
}

function nameOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const node = asObject(first);
  return node ? (asText(node.name) ?? asText(node.url)) : asText(first);
}

function urlOf(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  const node = asObject(first);
  const url = node ? asText(node.url) : asText(first);
  return isHttp(url) ? url : null;
}

function ratingLabel(rating: Json | null): string {
  if (!rating) return 'Not rated';
  const words = asText(rating.alternateName) ?? asText(rating.name);
  if (words) return words;
  const value = asText(rating.ratingValue);
  const best = asText(rating.bestRating);
  return value ? (best ? `${value} of ${best}` : value) : 'Not rated';
}

/** Published ClaimReview items as a draft `claimStatuses` + `claims` section. */
export function claimReviewsToDraft(reviews: readonly Json[]): DraftSection {
  const statuses = new Map<string, string>();
  const ids = new Set<string>();
  const todo: string[] = [];
  const claims = reviews.map((review, i) => {
    const claimed = asText(review.claimReviewed) ?? '';
    const item = asObject(review.itemReviewed);
    const claimant = nameOf(item?.author);
    const label = ratingLabel(asObject(review.reviewRating));
    const status = slug(label, 'not-rated');
    statuses.set(status, label);
    let id = slug(claimed, `claim-${i + 1}`);
    while (ids.has(id)) id = `${id}-${i + 1}`;
    ids.add(id);
    const appearance = urlOf(item?.appearance) ?? urlOf(item?.firstAppearance) ?? urlOf(item);
    const reviewUrl = isHttp(asText(review.url)) ? asText(review.url) : null;
    const reviewer = nameOf(review.author) ?? 'an unnamed reviewer';
    const published = asText(review.datePublished);
    const text = isAttributed(claimed) ? claimed : `${claimant ?? 'An unnamed source'} claims: "${claimed}"`;
    if (!claimant) todo.push(`claims.${i}.allegedBy: the ClaimReview names no claimant; say who makes the claim`);
    if (!appearance && !reviewUrl) todo.push(`claims.${i}.source.url: no URL where the claim or its review appears`);
    todo.push(`claims.${i}: check the claim against the evidence files and add the statements that answer it`);
    return {
      id,
      text,
      allegedBy: claimant ?? 'unknown (to be completed)',
      status,
      source: {
        url: appearance ?? reviewUrl,
        note: appearance ? `Where the claim appeared, as given by ${reviewer}'s review` : `${reviewer}'s review`,
        authorNote: `Imported from a ClaimReview by ${reviewer}${published ? ` of ${published}` : ''}${reviewUrl ? ` (${reviewUrl})` : ''}, rated "${label}".`,
      },
    };
  });
  todo.push('claimStatuses: choose each status tone (alleged, denied, unverified or neutral) and reword labels for readers');
  return { claimStatuses: [...statuses].map(([id, label]) => ({ id, label, tone: 'neutral' as const })), claims, todo };
}
