// The packs the content script's second stage detects with: the bundled ones (their detection
// slice, terms compiled at build time), replaced by newer versions the background installed
// from the pack feed (see packs/installed.ts).
import { candidatePacks } from '../detection/candidates';
import { bundledDetection } from './bundled-detection';
import { detectionSlice, type DetectionPack } from '../packs/detection-slice';
import { INSTALLED_PACKS_KEY, packsInForce, readMirror } from '../packs/installed';
import { ext } from '../platform/content-runtime';

/** The background checked the mirror's packs before writing it; one that lost its shape since is left out. */
function sliceOrNothing(pack: DetectionPack): DetectionPack[] {
  try {
    return [detectionSlice(pack)];
  } catch {
    return [];
  }
}

/**
 * The packs for full detection, as the detector reads them (packs/detection-slice.ts): of the
 * packs in force, those the first stage named (all of them for none, see detection/candidates.ts).
 * The installed packs are read once per page that passed the prefilter.
 */
let installed: Promise<readonly DetectionPack[]> | null = null;
export async function detectionPacks(candidates: readonly string[]): Promise<readonly DetectionPack[]> {
  installed ??= ext()
    .storage.local.get(INSTALLED_PACKS_KEY)
    .then(
      (got) => readMirror(got[INSTALLED_PACKS_KEY]).packs.flatMap(sliceOrNothing),
      () => [],
    );
  return candidatePacks(packsInForce(bundledDetection(candidates), await installed), candidates);
}
