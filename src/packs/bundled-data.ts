import { bundledPackJson } from './data/index';
import type { StoryPack } from './schema';

/**
 * The bundled packs as plain data, without the schema's check: for the build's tooling (the
 * manifest's listed sites, the store listing), which must not pull in valibot. The content
 * script carries a slice of them (detection-data.ts, generated). They are the same files that
 * bundled.ts validates wherever the extension loads packs and that the unit tests validate.
 */
export const bundledPackData = bundledPackJson as readonly StoryPack[];
