// The bundled packs as the second stage detects with them: their detection slice, with the
// terms the build already compiled (detection/compile.ts) and their coverage URLs already
// parsed into lookup keys (detection/url.ts), so a page that passes the prefilter does
// neither for them. Only the packs asked for are parsed: a page's first stage names one or two.
import { candidatePacks } from '../detection/candidates';
import { usePrecompiled } from '../detection/compile';
import { useCoverageKeys } from '../detection/url';
import { readBundledEntry, type BundledDetectionEntry, type DetectionPack } from '../packs/detection-slice';
import { bundledDetectionEntries } from '../packs/detection-data';

const parsed = new Map<BundledDetectionEntry, DetectionPack>();

function ready(entry: BundledDetectionEntry): DetectionPack {
  let pack = parsed.get(entry);
  if (!pack) {
    const data = readBundledEntry(entry);
    pack = data.pack;
    usePrecompiled(pack, data.terms);
    useCoverageKeys(pack, data.coverage);
    parsed.set(entry, pack);
  }
  return pack;
}

/** The bundled packs with these ids (all of them for none), in the bundled order. */
export function bundledDetection(ids: readonly string[] = []): readonly DetectionPack[] {
  return candidatePacks(bundledDetectionEntries, ids).map(ready);
}
