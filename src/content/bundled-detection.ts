// The bundled packs as the second stage detects with them: their detection slice, with the
// terms the build already compiled (detection/compile.ts) and their coverage URLs already
// parsed into lookup keys (detection/url.ts), so a page that passes the prefilter does
// neither for them.
import { usePrecompiled } from '../detection/compile';
import { useCoverageKeys } from '../detection/url';
import type { DetectionPack } from '../packs/detection-slice';
import { bundledCoverageKeys, bundledDetectionData, bundledDetectionTerms } from '../packs/detection-data';

let ready = false;

export function bundledDetection(): readonly DetectionPack[] {
  if (!ready) {
    bundledDetectionData.forEach((pack, i) => {
      const terms = bundledDetectionTerms[i];
      if (terms) usePrecompiled(pack, terms);
      useCoverageKeys(pack, bundledCoverageKeys[i]);
    });
    ready = true;
  }
  return bundledDetectionData;
}
