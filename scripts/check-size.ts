// Fails `npm test` when the content script as first injected grows past its budget: it runs on
// every matching page, so every byte is paid on pages it does not help.
import { measureContentScript } from './content-size';

const BUDGET_GZIP = 8 * 1024;
let failed = false;
for (const target of ['chrome', 'firefox']) {
  const m = measureContentScript(`${process.env['SC_DIST_ROOT'] ?? 'dist'}/${target}`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `${target}: initial ${kb(m.initialRaw)} raw, ${kb(m.initialGzip)} gzipped (${m.initialFiles.join(', ')}); ` +
      `loaded on story candidates only: ${kb(m.lazyRaw)} raw, ${kb(m.lazyGzip)} gzipped`,
  );
  if (m.initialGzip > BUDGET_GZIP) {
    console.error(`${target}: content script is ${kb(m.initialGzip)} gzipped, over its ${kb(BUDGET_GZIP)} budget`);
    failed = true;
  }
  if (m.initialFiles.length < 1 || m.lazyFiles.length < 1) {
    console.error(`${target}: could not find the content script's two stages; the measurement is incomplete`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
