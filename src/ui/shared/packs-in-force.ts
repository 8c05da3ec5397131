// The packs in force as extension pages see them: the bundled packs, each replaced by a newer
// one the background installed from the pack feed (it keeps their copy in storage.local, the
// one area an extension frame embedded in a web page can read in every browser).
import { bundledPacks } from '../../packs/bundled';
import { INSTALLED_PACKS_KEY, packsInForce, readMirror } from '../../packs/installed';
import type { StoryPack } from '../../packs/schema';

async function installedCopy(): Promise<unknown> {
  try {
    // Loaded on use: outside an extension (the UI's unit tests) there is no storage, only the bundled packs.
    const { browser } = await import('../../platform/browser');
    return (await browser.storage.local.get(INSTALLED_PACKS_KEY))[INSTALLED_PACKS_KEY];
  } catch {
    return undefined;
  }
}

export async function packsNow(): Promise<StoryPack[]> {
  return packsInForce(bundledPacks, readMirror(await installedCopy()).packs);
}

export async function packInForce(id: string): Promise<StoryPack | undefined> {
  return (await packsNow()).find((p) => p.id === id);
}
