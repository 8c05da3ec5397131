// The bundled story packs, as written. The one list of them: bundled.ts validates them for the
// extension's pages, bundled-data.ts hands them raw to the build's tooling, and the content
// script gets the slice its detector reads (detection-data.ts, generated from them). Adding a
// story is adding its JSON here (then run src/cli/build-prefilter-index.ts).
import alibabaPlaMemo from './alibaba-pla-memo.json' with { type: 'json' };
import nvidiaH20Backdoor from './nvidia-h20-backdoor.json' with { type: 'json' };

export const bundledPackJson: readonly unknown[] = [alibabaPlaMemo, nvidiaH20Backdoor];
