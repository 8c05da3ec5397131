// Client-rendered sites put the article into the page after document_end. On a page the
// prefilter kept and the detector could not yet judge (detection/late-text.ts), one observer
// waits for the text, in bounds: mutations are batched into one look per burst, a few looks at
// most, for a few seconds at most, and the observer is gone as soon as the page is decided.
import { LATE_TEXT_LIMITS } from '../detection/late-text';
import { childController, observeUntil, onAbort } from './lifetime';

/**
 * Calls `look` after each burst of DOM changes until it answers true (decided), a bound is
 * reached or `signal` aborts. `onEnd` is called once when the watch ends, whatever ended it.
 */
export function watchLateText(
  look: () => Promise<boolean>,
  signal: AbortSignal,
  { limits = LATE_TEXT_LIMITS, onEnd }: { limits?: typeof LATE_TEXT_LIMITS; onEnd?: () => void } = {},
): void {
  const watch = childController(signal);
  const root = document.body ?? document.documentElement;
  let runs = 0;
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = setTimeout(() => watch.abort(), limits.maxMs);
  onAbort(watch.signal, () => {
    clearTimeout(timer);
    clearTimeout(deadline);
    onEnd?.();
  });

  async function run(): Promise<void> {
    timer = undefined;
    if (watch.signal.aborted || busy) return;
    busy = true;
    runs += 1;
    let decided = true;
    try {
      decided = await look();
    } catch {
      // A failed look ends the watch rather than retrying on every mutation.
    }
    busy = false;
    if (decided || runs >= limits.maxRuns) watch.abort();
  }

  if (!root) return watch.abort();
  // The callback only arms a timer: on a page that mutates constantly (tickers, ads) it must cost
  // next to nothing, and the records themselves are never read.
  observeUntil(watch.signal, root, { childList: true, subtree: true, characterData: true }, () => {
    if (timer === undefined && !watch.signal.aborted) timer = setTimeout(run, limits.batchMs);
  });
}
