/**
 * Client-rendered sites (and some paywalls) fill in the article after `document_end`. On a page
 * the prefilter kept, a "no" from the detector is final only when there was an article to read;
 * when the main text is missing or short, the content script watches for it (see
 * content/late-text.ts) within these bounds.
 */
import type { DetectionResult } from './types';

/** Less main text than this (weighted: CJK 3, Hangul 2) is not yet an article to judge. */
export const MIN_ARTICLE_WEIGHT = 800;

export const LATE_TEXT_LIMITS = {
  /** How long after the first look the watch may last. */
  maxMs: 10_000,
  /** Detection runs at most this many more times. */
  maxRuns: 8,
  /** Mutations are batched: detection runs this long after a burst began. */
  batchMs: 300,
} as const;

/**
 * Whether a page the detector declined may still be a story page whose text is on its way: its
 * main text is short, or what was read as main text (with the article's own container still
 * empty, some other box on the page) does not even name the story's subject.
 */
export function awaitsText(result: DetectionResult): boolean {
  if (result.storyId !== null || result.error !== undefined) return false;
  return result.textWeight < MIN_ARTICLE_WEIGHT || !result.textNamesSubject;
}
