// The bundled story packs, as written. The one list of them: bundled.ts validates them for the
// extension's pages, bundled-data.ts hands them raw to the content script, and the tooling and
// the build read the same files. Adding a story is adding its JSON here.
import alibabaPlaMemo from './alibaba-pla-memo.json' with { type: 'json' };
import nvidiaH20Backdoor from './nvidia-h20-backdoor.json' with { type: 'json' };

export const bundledPackJson: readonly unknown[] = [alibabaPlaMemo, nvidiaH20Backdoor];
