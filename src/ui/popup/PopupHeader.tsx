// The popup's title, its settings link and what the extension does on this tab.
import { useRef } from 'preact/hooks';
import type { PopupApi } from './api';
import { TabStatusPanel } from './TabStatusPanel';
import type { TabStatusControls } from './use-tab-status';

interface Props {
  api: PopupApi;
  tab: TabStatusControls;
  /** The handler for a failed action, given the message key that explains it. */
  fail: (key: string) => (error: unknown) => void;
}

export function PopupHeader({ api, tab, fail }: Props) {
  const t = api.t;
  const tabStatusRef = useRef<HTMLDivElement>(null);
  return (
    <header class="top">
      <div class="title-row">
        <h1>{t('pp_title')}</h1>
        {api.openOptions ? (
          <button type="button" class="settings-link" data-testid="open-options" onClick={() => api.openOptions?.()}>
            {t('pp_settings')}
          </button>
        ) : null}
      </div>
      <div ref={tabStatusRef} tabIndex={-1} class="tab-status-focus">
        <TabStatusPanel
          status={tab.status}
          t={t}
          onCheckPage={api.checkPage ?? null}
          onOpenSidebar={(tabId) => {
            api.openSidebar(tabId).catch(fail('pp_sidebarFailed'));
          }}
          onOpenSidePanel={
            api.openSidePanel
              ? (tabId) => {
                  // No await before this call: the browser requires the click's user gesture.
                  api.openSidePanel?.(tabId).catch(fail('pp_sidebarFailed'));
                }
              : null
          }
          onRequestAccess={(origin) => {
            // No await before this call: the browser asks the reader only inside a click.
            api.requestSiteAccess(origin).then((granted) => granted && tab.refresh(), fail('pp_turnOnFailed'));
          }}
          onTurnOn={(site) => {
            api.enableSite(site).then(() => {
              tab.refresh();
              tabStatusRef.current?.focus();
            }, fail('pp_turnOnFailed'));
          }}
        />
      </div>
    </header>
  );
}
