import { bundledPackJson } from './data/index';
import type { StoryPack } from './schema';

/**
 * The bundled packs as plain data, for the content script. They are the same files that
 * bundled.ts validates with the schema wherever the extension loads packs (background, sidebar,
 * popup) and that the unit tests validate at build time; the content script skips the pack
 * schema, so that pages pay neither its bytes nor its time (valibot's core is in the second
 * stage all the same, for the check of the background's messages). They are written in the
 * current format, so no migration is needed here.
 */
export const bundledPackData = bundledPackJson as readonly StoryPack[];
