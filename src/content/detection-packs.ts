// The packs the content script's second stage detects with: the bundled ones (their detection
// slice, terms compiled at build time), replaced by newer versions the background installed
// from the pack feed (see packs/installed.ts).
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
 * The packs for full detection, as the detector reads them (packs/detection-slice.ts); read
 * once per page that passed the prefilter.
 */
let packs: Promise<readonly DetectionPack[]> | null = null;
export function detectionPacks(): Promise<readonly DetectionPack[]> {
  packs ??= ext()
    .storage.local.get(INSTALLED_PACKS_KEY)
    .then(
      (got) => packsInForce(bundledDetection(), readMirror(got[INSTALLED_PACKS_KEY]).packs.flatMap(sliceOrNothing)),
      () => bundledDetection(),
    );
  return packs;
}
