import alibabaPlaMemo from './data/alibaba-pla-memo.json' with { type: 'json' };
import type { StoryPack } from './schema';

/**
 * The bundled packs as plain data, for the content script. They are the same files that
 * bundled.ts validates with the schema wherever the extension loads packs (background, sidebar,
 * popup) and that the unit tests validate at build time; the content script skips the schema
 * library so that pages pay neither its bytes nor its time.
 */
export const bundledPackData = [alibabaPlaMemo] as unknown as readonly StoryPack[];
