// Registered by the background (background/pack-updates.ts) only while packs from the pack feed
// are installed, to run at document_start, before the content script: it starts reading the
// installed packs' prefilter index from storage.local, so that the first stage (index.ts) can
// test the page against the packs in force without a round trip of its own. Content scripts of
// one extension share their world, so the promise left here is the first stage's to take.
import { PACK_PREFILTER_KEY } from '../packs/installed';

interface LocalArea {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}
const g = globalThis as unknown as { browser?: LocalArea; chrome?: LocalArea; storyContextIndex?: Promise<unknown> };
const api = g.browser ?? g.chrome;
if (api) g.storyContextIndex = api.storage.local.get(PACK_PREFILTER_KEY).then((got) => got[PACK_PREFILTER_KEY], () => undefined);
