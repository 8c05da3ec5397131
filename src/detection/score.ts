import type { CompiledPack } from './compile';
import { findAll, findFirst, type CompiledTerm, type Match } from './terms';
import { sentenceOf, type TextIndex } from './text-index';
import type { MatchedSignal, PageMentions } from './types';

export interface PageText {
  title: TextIndex;
  main: TextIndex;
  /** Offset in `main.text` where the lead ends. */
  leadEnd: number;
}

export interface PackScore {
  packId: string;
  score: number;
  threshold: number;
  requirementsMet: boolean;
  signals: MatchedSignal[];
}

// A Chinese or Japanese character carries about as much as a short English word; a Korean
// syllable block somewhat less. Weighing them keeps "the lead" about the same amount of story
// in every script.
function charWeight(code: number): number {
  if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) return 3;
  if (code >= 0xac00 && code <= 0xd7af) return 2;
  return 1;
}

/** Weighted length of a text, as the lead budget counts it. */
export function textWeight(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += charWeight(text.charCodeAt(i));
  return n;
}

/** Lines shorter than this (weighted) are datelines, kickers or captions, not paragraphs. */
const MIN_PARAGRAPH = 100;

/**
 * Where the lead ends: after the first `paragraphs` real paragraphs of the main text, and at
 * most `budget` weighted characters in. Short lines before and between them (datelines,
 * "Share", kickers) do not count as paragraphs but stay inside the lead.
 */
export function leadEnd(text: string, budget: number, paragraphs: number): number {
  let used = 0;
  let lineWeight = 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (lineWeight >= MIN_PARAGRAPH && ++seen >= paragraphs) return i;
      lineWeight = 0;
      continue;
    }
    const w = charWeight(code);
    used += w;
    lineWeight += w;
    if (used >= budget) return i + 1;
  }
  return text.length;
}

type Place = 'title' | 'lead' | 'body';
const RANK: Record<Place, number> = { title: 0, lead: 1, body: 2 };

function bestMatch(terms: readonly CompiledTerm[], page: PageText): { place: Place; match: Match; index: TextIndex } | null {
  let best: { place: Place; match: Match; index: TextIndex } | null = null;
  for (const term of terms) {
    const inTitle = findFirst(term, page.title);
    if (inTitle) return { place: 'title', match: inTitle, index: page.title };
    const inMain = findFirst(term, page.main);
    if (!inMain) continue;
    const place: Place = inMain.start < page.leadEnd ? 'lead' : 'body';
    if (!best || RANK[place] < RANK[best.place] || (place === best.place && inMain.start < best.match.start)) {
      best = { place, match: inMain, index: page.main };
    }
  }
  return best;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Each signal counts once, at the best place it matched: title beats lead beats body, and the
 * pack's place weights multiply the signal's weight. A story named only in passing deep in the
 * body cannot reach the threshold; one in the headline and opening paragraph does. The pack's
 * `requireAll` groups must all be met in the main text or title, whatever the score.
 */
export function scorePack(compiled: CompiledPack, page: PageText): PackScore {
  const d = compiled.pack.detection;
  const signals: MatchedSignal[] = [];
  const matchedIds = new Set<string>();
  let score = 0;
  for (const signal of compiled.signals) {
    const found = bestMatch(signal.terms, page);
    if (!found) continue;
    const points = round(signal.weight * d.placeWeights[found.place]);
    score += points;
    matchedIds.add(signal.id);
    signals.push({
      id: signal.id,
      label: signal.label,
      where: found.place,
      weight: points,
      text: found.index.text.slice(found.match.start, found.match.end).slice(0, 80),
    });
  }
  const openingIds = new Set(signals.filter((s) => s.where === 'title' || s.where === 'lead').map((s) => s.id));
  const titleIds = new Set(signals.filter((s) => s.where === 'title').map((s) => s.id));
  const requirementsMet =
    d.requireAll.every((group) => group.some((id) => matchedIds.has(id))) &&
    d.requireInOpening.every((group) => group.some((id) => openingIds.has(id))) &&
    d.requireInTitle.every((group) => group.some((id) => titleIds.has(id)));
  return { packId: compiled.pack.id, score: round(score), threshold: d.threshold, requirementsMet, signals };
}

function negatedSentences(terms: readonly CompiledTerm[], index: TextIndex): Set<number> {
  const out = new Set<number>();
  for (const term of terms) for (const m of findAll(term, index, 50)) out.add(sentenceOf(index, m.start));
  return out;
}

function firstUnnegated(term: CompiledTerm, index: TextIndex, negated: Set<number>): Match | null {
  if (negated.size === 0) return findFirst(term, index);
  return findAll(term, index, 50).find((m) => !negated.has(sentenceOf(index, m.start))) ?? null;
}

/** What the page reports: each kind is true when one of its terms matches outside a sentence its negations match. */
export function findMentions(compiled: CompiledPack, page: PageText): { mentions: PageMentions; evidence: Record<string, string | null> } {
  const mentions: PageMentions = {};
  const evidence: Record<string, string | null> = {};
  for (const kind of compiled.mentions) {
    const negated = { main: negatedSentences(kind.negations, page.main), title: negatedSentences(kind.negations, page.title) };
    evidence[kind.id] = null;
    for (const term of kind.terms) {
      const inMain = firstUnnegated(term, page.main, negated.main);
      const hit = inMain ?? firstUnnegated(term, page.title, negated.title);
      if (hit) {
        evidence[kind.id] = (inMain ? page.main : page.title).text.slice(hit.start, hit.end).slice(0, 80);
        break;
      }
    }
    mentions[kind.id] = evidence[kind.id] !== null;
  }
  return { mentions, evidence };
}
