// The sidebar: the story's context for the page being read (or, in the browser's side panel,
// for the active tab). A first screen says what is claimed, its status, the response, the
// coverage and what this page leaves out; everything else is one action away, in disclosures
// in the order a reader needs them: the claims, the responses, how the claims are known, all
// coverage, what happened next, why the sidebar appeared, settings.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { pageKey } from '../../url/identity';
import type { SidebarMode } from '../../protocol/messages';
import type { SidebarApi } from './api';
import { ClaimsSection } from './ClaimsSection';
import { CoverageSection } from './CoverageSection';
import { CAUTION_ID } from './CautionBox';
import { EmptyState, ErrorState } from './EmptyState';
import { GlanceSection } from './GlanceSection';
import { Header } from './Header';
import { PackUpdatedLine } from './PackUpdatedLine';
import { disabledEntryFor, hostnameOf } from '../../url/site';
import { knownCoverage, openedUrlSet, pageCautions } from './pack-views';
import { indexSaved, savedFor } from './save-inputs';
import { ResponsesSection } from './ResponsesSection';
import { SavingContext, type Saving } from './saving';
import { SettingsSection } from './SettingsSection';
import { TimelineSection } from './TimelineSection';
import { UiContext, type Ui } from './ui-context';
import { useSidebarData } from './use-sidebar-data';
import { VerificationSection } from './VerificationSection';
import { WhySection } from './WhySection';

export interface AppProps {
  api: SidebarApi;
  /** True inside the page's iframe (?embedded=1): it has a close button and serves its own tab. */
  embedded: boolean;
}

/** Screen readers announce a live region's change; clearing it first lets "Saved" be said twice. */
function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const announce = useCallback((next: string) => {
    setMessage('');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 50);
  }, []);
  return [message, announce];
}

export function App({ api, embedded }: AppProps) {
  const ui = useMemo<Ui>(() => ({ t: api.t, lang: api.uiLanguage() }), [api]);
  const { t } = ui;
  const { data, reload, reloadItems, reloadVisits, reloadSettings, update } = useSidebarData(api, !embedded);
  const [announcement, announce] = useAnnouncer();
  const shownTab = useRef<number | undefined>(undefined);
  shownTab.current = data.ctx?.tabId;

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(
    () =>
      api.onChange((change) => {
        if (change.what === 'items') void reloadItems();
        else if (change.what === 'visits') void reloadVisits();
        else if (change.what === 'settings') void reloadSettings();
        else if (!embedded || change.tabId === undefined || shownTab.current === undefined || change.tabId === shownTab.current) {
          // The side panel follows whichever tab is active, so any tab change may matter to it.
          void reload();
        }
      }),
    [api, embedded, reload, reloadItems, reloadVisits, reloadSettings],
  );

  const close = useCallback(() => {
    api.setSidebar('collapsed').catch(() => undefined);
  }, [api]);

  useEffect(() => {
    if (!embedded) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [embedded, close]);

  const { ctx, pack } = data;

  const saving = useMemo<Saving>(() => {
    const index = indexSaved(data.items);
    return {
      available: data.storage === 'ok' && pack !== null,
      find: (input) => savedFor(index, input),
      async save(input) {
        const item = await api.saveItem(input);
        if (item && typeof item.id === 'string') {
          update((d) => ({ ...d, items: [item, ...d.items.filter((i) => i.id !== item.id)] }));
        } else {
          await reloadItems();
        }
        announce(t('sb_saved_announce'));
        return item;
      },
      async undo(item) {
        await api.deleteItems([item.id]);
        update((d) => ({ ...d, items: d.items.filter((i) => i.id !== item.id) }));
        announce(t('sb_undone'));
      },
      async update(item, patch) {
        await api.updateItem(item.id, patch);
        update((d) => ({ ...d, items: d.items.map((i) => (i.id === item.id ? { ...i, ...patch } : i)) }));
        announce(t('sb_note_saved'));
      },
    };
  }, [api, data.items, data.storage, pack, update, reloadItems, announce, t]);

  const opened = useMemo(() => openedUrlSet(data.visits), [data.visits]);

  const openSource = useCallback(
    (url: string) => {
      if (!pack) return;
      const storyId = pack.id;
      api.openSource(url, storyId).then(
        () => {
          const now = Date.now();
          update((d) => ({ ...d, visits: [...d.visits, { url: pageKey(url), storyId, firstAt: now, lastAt: now, count: 1 }] }));
          void reloadVisits();
        },
        () => {
          // The background could not open it (e.g. it could not record the visit): open it
          // here rather than leave the click without effect.
          window.open(url, '_blank', 'noopener,noreferrer');
        },
      );
    },
    [api, pack, update, reloadVisits],
  );

  const setSiteEnabled = useCallback(
    async (site: string, enabled: boolean) => {
      await api.setSiteEnabled(site, enabled);
      announce(t(enabled ? 'sb_site_on_announce' : 'sb_site_off_announce', site));
    },
    [api, announce, t],
  );

  const confirmSiteOff = useCallback(async () => {
    await api.confirmSiteOff();
  }, [api]);
  const openSettings = useCallback(async () => {
    await api.openSettings();
  }, [api]);

  const setMode = useCallback(
    async (mode: SidebarMode) => {
      const settings = await api.updateSettings({ sidebarMode: mode });
      update((d) => ({ ...d, settings }));
      announce(t('sb_settings_saved'));
    },
    [api, update, announce, t],
  );

  const story = ctx && pack ? { ctx, pack } : null;
  const cautions = story ? pageCautions(story.ctx, story.pack) : [];
  const known = story ? knownCoverage(story.ctx, story.pack) : null;
  const host = story ? hostnameOf(story.ctx.url) : null;

  return (
    <UiContext.Provider value={ui}>
      <SavingContext.Provider value={saving}>
        <div class="app" data-ready={data.phase === 'loading' ? undefined : 'true'}>
          <Header
            pack={pack}
            caution={cautions.length > 0 ? { id: CAUTION_ID, cautions } : null}
            onClose={embedded ? close : null}
          />
          <main>
            {data.phase === 'loading' ? <p class="muted">{t('sb_loading')}</p> : null}
            {data.phase === 'error' ? <ErrorState onRetry={() => void reload()} /> : null}
            {data.phase === 'ready' && !story ? <EmptyState /> : null}
            {data.phase === 'ready' && story ? (
              <>
                {data.storage === 'unavailable' ? (
                  <p class="notice" data-testid="storage-unavailable">
                    {t('sb_storage_unavailable')}
                  </p>
                ) : null}
                <GlanceSection ctx={story.ctx} pack={story.pack} known={known} cautions={cautions} />
                <ClaimsSection pack={story.pack} />
                <ResponsesSection pack={story.pack} />
                <VerificationSection pack={story.pack} />
                <CoverageSection pack={story.pack} opened={opened} currentId={known?.id ?? null} onOpen={openSource} />
                <TimelineSection pack={story.pack} />
                <WhySection
                  report={story.ctx.report}
                  host={host}
                  initiallyDisabled={host !== null && disabledEntryFor(data.settings?.disabledSites ?? [], host) !== null}
                  onSetEnabled={setSiteEnabled}
                  onConfirmElsewhere={api.privileged ? null : confirmSiteOff}
                />
                <SettingsSection
                  mode={data.settings?.sidebarMode ?? null}
                  onChange={setMode}
                  onOpenSettings={api.privileged ? null : openSettings}
                />
              </>
            ) : null}
            <p role="status" class="sr-only">
              {announcement}
            </p>
          </main>
          {pack ? (
            <footer class="footer small muted">
              <PackUpdatedLine pack={pack} />
            </footer>
          ) : null}
        </div>
      </SavingContext.Provider>
    </UiContext.Provider>
  );
}
