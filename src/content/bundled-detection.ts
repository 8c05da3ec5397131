// The bundled packs as the second stage detects with them: their detection slice, with the
// terms the build already compiled (detection/compile.ts), so a page that passes the
// prefilter compiles none of them.
import { usePrecompiled } from '../detection/compile';
import type { DetectionPack } from '../packs/detection-slice';
import { bundledDetectionData, bundledDetectionTerms } from '../packs/detection-data';

let ready = false;

export function bundledDetection(): readonly DetectionPack[] {
  if (!ready) {
    bundledDetectionData.forEach((pack, i) => {
      const terms = bundledDetectionTerms[i];
      if (terms) usePrecompiled(pack, terms);
    });
    ready = true;
  }
  return bundledDetectionData;
}
