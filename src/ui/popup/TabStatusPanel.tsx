// What the extension is doing on the tab the popup was opened from.
import { useState } from 'preact/hooks';
import type { CheckPageResult } from '../../protocol/replies';
import type { TabStatus } from './api';

interface Props {
  status: TabStatus | null;
  t: (key: string, ...subs: string[]) => string;
  onOpenSidebar: (tabId: number) => void;
  /** Null where the browser has no side panel; otherwise must run inside the click. */
  onOpenSidePanel: ((tabId: number) => void) | null;
  onTurnOn: (site: string) => void;
  onRequestAccess: (origin: string | null) => void;
  /** "Check this page" on a site the extension does not read; null where unavailable. */
  onCheckPage?: ((tabId: number) => Promise<CheckPageResult>) | null;
}

type CheckState = { tabId: number; state: 'checking' } | { tabId: number; state: 'done'; result: CheckPageResult };

function checkText(check: CheckState, t: Props['t']): string {
  if (check.state === 'checking') return t('pp_checking');
  const r = check.result;
  if (r.found) return t('pp_checkFound', r.storyTitle);
  return r.reason === 'not-a-story' ? t('pp_checkNotStory') : t('pp_checkCannot');
}

export function TabStatusPanel({ status, t, onOpenSidebar, onOpenSidePanel, onTurnOn, onRequestAccess, onCheckPage = null }: Props) {
  const [check, setCheck] = useState<CheckState | null>(null);
  const runCheck = (tabId: number) => {
    if (!onCheckPage) return;
    setCheck({ tabId, state: 'checking' });
    onCheckPage(tabId).then(
      (result) => setCheck({ tabId, state: 'done', result }),
      () => setCheck({ tabId, state: 'done', result: { found: false, reason: 'cannot-read' } }),
    );
  };
  const checkFor = status && 'tabId' in status && check?.tabId === status.tabId ? check : null;
  let body;
  if (status === null) {
    body = <p class="tab-line muted">{t('pp_tabChecking')}</p>;
  } else if (status.kind === 'available') {
    body = (
      <>
        <p class="tab-line">{t('pp_tabAvailable')}</p>
        <div class="tab-actions">
          <button type="button" class="primary" data-testid="open-sidebar" onClick={() => onOpenSidebar(status.tabId)}>
            {t('pp_openSidebar')}
          </button>
          {onOpenSidePanel ? (
            <button type="button" data-testid="open-side-panel" onClick={() => onOpenSidePanel(status.tabId)}>
              {t('pp_openSidePanel')}
            </button>
          ) : null}
        </div>
      </>
    );
  } else if (status.kind === 'off') {
    body = (
      <>
        <p class="tab-line">{t('pp_tabOff', status.site)}</p>
        <div class="tab-actions">
          <button type="button" class="primary" data-testid="site-on" onClick={() => onTurnOn(status.site)}>
            {t('pp_turnOn')}
          </button>
        </div>
      </>
    );
  } else if (status.kind === 'unlisted') {
    body = (
      <>
        <p class="tab-line">{status.origin ? t('pp_tabUnlisted', new URL(status.origin).host) : t('pp_tabUnlistedUnknown')}</p>
        <div class="tab-actions">
          {onCheckPage ? (
            <button
              type="button"
              class="primary"
              data-testid="check-page"
              disabled={checkFor?.state === 'checking'}
              onClick={() => runCheck(status.tabId)}
            >
              {t('pp_checkPage')}
            </button>
          ) : null}
          {status.origin ? (
            <button type="button" data-testid="site-grant" onClick={() => onRequestAccess(status.origin)}>
              {t('pp_grantSite')}
            </button>
          ) : null}
          <button type="button" data-testid="site-grant-all" onClick={() => onRequestAccess(null)}>
            {t('pp_grantAll')}
          </button>
        </div>
      </>
    );
  } else {
    body = <p class="tab-line muted">{t('pp_tabNone')}</p>;
  }
  return (
    <section class="tab-status" data-testid="tab-status" data-state={status?.kind ?? 'checking'} aria-label={t('pp_tabRegion')}>
      {body}
      <p class="tab-line check-result" role="status" data-testid="check-result" data-found={checkFor?.state === 'done' ? String(checkFor.result.found) : undefined}>
        {checkFor ? checkText(checkFor, t) : ''}
      </p>
    </section>
  );
}
