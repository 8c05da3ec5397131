// Client-rendered sites put the article into the page after document_end. On a page the
// prefilter kept and the detector could not yet judge (detection/late-text.ts), one observer
// waits for the text, in bounds: mutations are batched into one look per burst, a few looks at
// most, for a few seconds at most, and the observer is gone as soon as the page is decided.
import { LATE_TEXT_LIMITS } from '../detection/late-text';

/**
 * Calls `look` after each burst of DOM changes until it answers true (decided) or a bound is
 * reached. Returns a stop function; safe to call more than once.
 */
export function watchLateText(look: () => Promise<boolean>, limits = LATE_TEXT_LIMITS): () => void {
  const root = document.body ?? document.documentElement;
  let stopped = false;
  let runs = 0;
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // The callback only arms a timer: on a page that mutates constantly (tickers, ads) it must cost
  // next to nothing, and the records themselves are never read.
  const observer = new MutationObserver(() => {
    if (timer === undefined && !stopped) timer = setTimeout(run, limits.batchMs);
  });
  const deadline = setTimeout(stop, limits.maxMs);

  async function run(): Promise<void> {
    timer = undefined;
    if (stopped || busy) return;
    busy = true;
    runs += 1;
    let decided = true;
    try {
      decided = await look();
    } catch {
      // A failed look ends the watch rather than retrying on every mutation.
    }
    busy = false;
    if (decided || runs >= limits.maxRuns) stop();
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(deadline);
  }

  if (root) observer.observe(root, { childList: true, subtree: true, characterData: true });
  else stop();
  return stop;
}
