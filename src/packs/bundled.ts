import { bundledPackJson } from './data/index';
import { parsePack } from './load';
import type { StoryPack } from './schema';

/**
 * The packs shipped with the extension, validated when this module loads: a broken pack fails
 * the build's tests and the extension's startup loudly instead of misbehaving on a page.
 */
export const bundledPacks: readonly StoryPack[] = Object.freeze(bundledPackJson.map(parsePack));

export function packById(id: string): StoryPack | undefined {
  return bundledPacks.find((pack) => pack.id === id);
}
