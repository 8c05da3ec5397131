// The content script's view of the packs in force: the index the first stage tests pages
// against, and the packs the second stage detects with. Both follow the packs the background
// installed from the pack feed (see packs/installed.ts); with none installed they are the
// bundled ones and cost nothing more.
import type { PrefilterIndex } from '../detection/types';
import { bundledDetectionData } from '../packs/detection-data';
import { detectionSlice, type DetectionPack } from '../packs/detection-slice';
import { INSTALLED_PACKS_KEY, packsInForce, readMirror } from '../packs/installed';
import { prefilterIndex } from '../packs/prefilter-index';
import { ext } from '../platform/content-runtime';

const g = globalThis as unknown as { storyContextIndex?: Promise<unknown> };

function isIndex(value: unknown): value is PrefilterIndex {
  const v = value as PrefilterIndex | null | undefined;
  return typeof v === 'object' && v !== null && v.formatVersion === 1 && typeof v.t2s === 'string' && Array.isArray(v.packs);
}

/**
 * The index for the first stage: the built-in one, or the installed packs' one when the
 * background's document_start helper (installed-index.ts) has started reading it. Synchronous
 * when nothing is installed, so the first stage takes no extra turn then.
 */
export function firstStageIndex(): PrefilterIndex | Promise<PrefilterIndex> {
  const pending = g.storyContextIndex;
  if (!pending) return prefilterIndex;
  return pending.then((value) => (isIndex(value) ? value : prefilterIndex), () => prefilterIndex);
}

/** The background checked the mirror's packs before writing it; one that lost its shape since is left out. */
function sliceOrNothing(pack: DetectionPack): DetectionPack[] {
  try {
    return [detectionSlice(pack)];
  } catch {
    return [];
  }
}

/**
 * The packs for full detection, as the detector reads them (packs/detection-slice.ts); read
 * once per page that passed the prefilter.
 */
let packs: Promise<readonly DetectionPack[]> | null = null;
export function detectionPacks(): Promise<readonly DetectionPack[]> {
  packs ??= ext()
    .storage.local.get(INSTALLED_PACKS_KEY)
    .then(
      (got) => packsInForce(bundledDetectionData, readMirror(got[INSTALLED_PACKS_KEY]).packs.flatMap(sliceOrNothing)),
      () => bundledDetectionData,
    );
  return packs;
}
