import type { DetectionPack } from '../packs/detection-slice';
import { T2S } from './cjk';
import { compileTerm, type CompiledTerm } from './terms';

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

function compileAll(byLang: Partial<Record<string, readonly string[]>>): CompiledTerm[] {
  const seen = new Set<string>();
  const out: CompiledTerm[] = [];
  for (const terms of Object.values(byLang)) {
    for (const raw of terms ?? []) {
      const term = compileTerm(raw, T2S);
      if (!term) continue;
      const key = JSON.stringify(term.kind === 'sentence' ? term.raw : term.kind === 'substring' ? term.needle : term.words);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(term);
    }
  }
  return out;
}

/**
 * Every language's terms are tried on every page: coverage mixes languages (a Spanish page
 * says "Financial Times", a Japanese one "FT"), and the page's declared language is often wrong.
 */
export function compilePack(pack: DetectionPack): CompiledPack {
  let compiled = cache.get(pack);
  if (!compiled) {
    const d = pack.detection;
    compiled = {
      pack,
      signals: d.signals.map((s) => ({ id: s.id, label: s.label, weight: s.weight, terms: compileAll(s.terms) })),
      mentions: d.mentionKinds.map((k) => ({ id: k.id, terms: compileAll(k.terms), negations: compileAll(k.negations ?? {}) })),
    };
    cache.set(pack, compiled);
  }
  return compiled;
}
