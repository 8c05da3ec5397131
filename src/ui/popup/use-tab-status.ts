// What the extension does on the tab the popup was opened from, read again on request (after
// the reader turned a site on) and when the background announces a tab change.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PopupApi, TabStatus } from './api';

export interface TabStatusControls {
  /** Null until the first answer. */
  status: TabStatus | null;
  refresh: () => void;
}

export function useTabStatus(api: PopupApi): TabStatusControls {
  const [status, setStatus] = useState<TabStatus | null>(null);
  const alive = useRef(true);
  const refresh = useCallback(() => {
    api.tabStatus().then(
      (s) => alive.current && setStatus(s),
      () => alive.current && setStatus({ kind: 'none' }),
    );
  }, [api]);
  useEffect(() => {
    alive.current = true;
    refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);
  return { status, refresh };
}
