import type { DetectionPack } from '../packs/detection-slice';
import { T2S } from './cjk';
import { compileTerm, decodeTerm, encodeTerm, type CompiledTerm } from './terms';
import type { EncodedPackTerms, EncodedTerm } from './types';

export interface CompiledSignal {
  id: string;
  label: string;
  weight: number;
  terms: CompiledTerm[];
}

/** A kind of mention a pack checks pages for (its id is the pack's `detection.mentionKinds[].id`). */
export interface CompiledMentionKind {
  id: string;
  terms: CompiledTerm[];
  negations: CompiledTerm[];
}

export interface CompiledPack {
  pack: DetectionPack;
  signals: CompiledSignal[];
  mentions: CompiledMentionKind[];
}

const cache = new WeakMap<DetectionPack, CompiledPack>();
const precompiled = new WeakMap<DetectionPack, EncodedPackTerms>();

function compileAll(byLang: Partial<Record<string, readonly string[]>>): CompiledTerm[] {
  const seen = new Set<string>();
  const out: CompiledTerm[] = [];
  for (const terms of Object.values(byLang)) {
    for (const raw of terms ?? []) {
      const term = compileTerm(raw, T2S);
      if (!term) continue;
      const key = JSON.stringify(encodeTerm(term));
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(term);
    }
  }
  return out;
}

function decodeAll(encoded: readonly EncodedTerm[] | undefined): CompiledTerm[] | null {
  if (!Array.isArray(encoded)) return null;
  const out: CompiledTerm[] = [];
  for (const e of encoded) {
    const term = decodeTerm(e);
    if (!term) return null;
    out.push(term);
  }
  return out;
}

function decodeSignals(pack: DetectionPack, enc: EncodedPackTerms): CompiledSignal[] | null {
  const d = pack.detection;
  if (enc.signals.length !== d.signals.length || enc.mentions.length !== d.mentionKinds.length) return null;
  const signals: CompiledSignal[] = [];
  for (const [i, s] of d.signals.entries()) {
    const terms = decodeAll(enc.signals[i]);
    if (!terms) return null;
    signals.push({ id: s.id, label: s.label, weight: s.weight, terms });
  }
  return signals;
}

function decodeMentions(pack: DetectionPack, enc: EncodedPackTerms): CompiledMentionKind[] | null {
  const mentions: CompiledMentionKind[] = [];
  for (const [i, k] of pack.detection.mentionKinds.entries()) {
    const [t, n] = enc.mentions[i] ?? [];
    const terms = decodeAll(t);
    const negations = decodeAll(n);
    if (!terms || !negations) return null;
    mentions.push({ id: k.id, terms, negations });
  }
  return mentions;
}

/** What compilePack would make of the pack's terms, as data for the build to ship. */
export function encodePackTerms(pack: DetectionPack): EncodedPackTerms {
  return {
    signals: compileSignals(pack).map((s) => s.terms.map(encodeTerm)),
    mentions: compileMentions(pack).map((m) => [m.terms.map(encodeTerm), m.negations.map(encodeTerm)]),
  };
}

/**
 * Gives compilePack the build's compiled terms for this pack object (the bundled packs, see
 * content/bundled-detection.ts), so a page compiles none of them. Terms that do not fit the pack
 * are ignored and it is compiled from its own terms.
 */
export function usePrecompiled(pack: DetectionPack, terms: EncodedPackTerms): void {
  if (!cache.has(pack)) precompiled.set(pack, terms);
}

/**
 * Every language's terms are tried on every page: coverage mixes languages (a Spanish page
 * says "Financial Times", a Japanese one "FT"), and the page's declared language is often wrong.
 * Mention terms are compiled on first use: only a page found to be about the story needs them.
 */
export function compilePack(pack: DetectionPack): CompiledPack {
  let compiled = cache.get(pack);
  if (!compiled) {
    const enc = precompiled.get(pack);
    const built = enc ? decodeSignals(pack, enc) : null;
    const signals = built ?? compileSignals(pack);
    let mentions: CompiledMentionKind[] | null = null;
    compiled = {
      pack,
      signals,
      get mentions(): CompiledMentionKind[] {
        mentions ??= (built && enc && decodeMentions(pack, enc)) || compileMentions(pack);
        return mentions;
      },
    };
    cache.set(pack, compiled);
  }
  return compiled;
}

function compileSignals(pack: DetectionPack): CompiledSignal[] {
  return pack.detection.signals.map((s) => ({ id: s.id, label: s.label, weight: s.weight, terms: compileAll(s.terms) }));
}

function compileMentions(pack: DetectionPack): CompiledMentionKind[] {
  return pack.detection.mentionKinds.map((k) => ({ id: k.id, terms: compileAll(k.terms), negations: compileAll(k.negations ?? {}) }));
}
