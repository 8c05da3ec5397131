// Browser events are added and removed in pairs, and a pair written out twice is a pair that
// can be half forgotten. `listen` adds a listener and hands back the one call that removes it.

interface BrowserEvent<F> {
  addListener(callback: F): void;
  removeListener(callback: F): void;
}

export function listen<F>(event: BrowserEvent<F>, callback: F): () => void {
  event.addListener(callback);
  return () => event.removeListener(callback);
}

/** One call that runs every given stop. */
export function stopAll(...stops: Array<() => void>): () => void {
  return () => {
    for (const stop of stops) stop();
  };
}
