// The options page, always a tab of its own (options_ui.open_in_tab): where the extension looks,
// the sites the reader turned off, the sidebar's behaviour, and the saved data. It is also where
// the in-page sidebar sends the reader to confirm "turn off on this site" (#confirm-disable=).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarMode } from '../../protocol/messages';
import type { SiteAccessChoice } from '../settings/site-access';
import { AlertDialog } from '../components/AlertDialog';
import { RadioChoices, type RadioChoice } from '../components/RadioChoices';
import { messageOf } from '../shared/error-message';
import { plural } from '../shared/plural';
import type { OptionsApi, SavedCounts } from './api';
import { confirmDisableHost } from './confirm-disable';
import { PackUpdates } from './PackUpdates';
import { ErrorAlert } from '../components/ErrorAlert';

const MODES: readonly SidebarMode[] = ['first-open', 'always-open', 'tab-only'];

interface ConfirmProps {
  host: string;
  t: OptionsApi['t'];
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
}

function ConfirmDisable({ host, t, onConfirm, onCancel, busy }: ConfirmProps) {
  // The reader came here to answer this question: it takes the focus.
  return (
    <AlertDialog
      class="confirm"
      heading="h2"
      title={t('op_confirmDisable', host)}
      description={<p>{t('op_confirmDisableHint')}</p>}
      buttonsClass="actions"
      attributes={{ 'data-confirm-disable': host }}
    >
      <button type="button" class="danger" data-action="confirm" disabled={busy} onClick={onConfirm}>
        {t('op_turnOff')}
      </button>
      <button type="button" data-action="cancel" disabled={busy} onClick={onCancel}>
        {t('op_keepOn')}
      </button>
    </AlertDialog>
  );
}

export function App({ api, hash }: { api: OptionsApi; hash: string }) {
  const t = api.t;
  const [confirmHost, setConfirmHost] = useState<string | null>(() => confirmDisableHost(hash));
  const [confirmBusy, setConfirmBusy] = useState(false);
  const [notice, setNotice] = useState<string>('');
  const [access, setAccess] = useState<SiteAccessChoice | null>(null);
  const [accessNote, setAccessNote] = useState('');
  const [disabled, setDisabled] = useState<string[] | null>(null);
  const [mode, setMode] = useState<SidebarMode | null>(null);
  const [counts, setCounts] = useState<SavedCounts | null>(null);
  const [dataNote, setDataNote] = useState('');
  const [askDelete, setAskDelete] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const deleteConfirmRef = useRef<HTMLDivElement>(null);
  const offHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let alive = true;
    const load = () => {
      Promise.all([api.siteAccess(), api.disabledSites(), api.sidebarMode()]).then(
        ([a, d, m]) => {
          if (!alive) return;
          setAccess(a);
          setDisabled(d);
          setMode(m);
        },
        (e) => alive && setLoadError(t('op_loadFailed', messageOf(e))),
      );
      api.counts().then(
        (c) => alive && setCounts(c),
        () => alive && setCounts(null),
      );
    };
    load();
    const unwatch = api.watch(load);
    return () => {
      alive = false;
      unwatch();
    };
  }, [api]);

  useEffect(() => {
    if (askDelete) deleteConfirmRef.current?.focus();
  }, [askDelete]);

  const finishConfirm = (text: string) => {
    setConfirmHost(null);
    setNotice(text);
    // Answered: a reload must not ask again.
    if (typeof history !== 'undefined' && location.hash) history.replaceState(null, '', location.pathname + location.search);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };

  const turnOff = (host: string) => {
    setConfirmBusy(true);
    api
      .setSiteEnabled(host, false)
      .then(
        () => {
          setDisabled((d) => (d && !d.includes(host) ? [...d, host].sort() : d));
          finishConfirm(t('op_turnedOff', host));
        },
        (e) => setNotice(t('op_changeFailed', messageOf(e))),
      )
      .finally(() => setConfirmBusy(false));
  };

  const turnOn = (site: string) => {
    api.setSiteEnabled(site, true).then(
      () => {
        setDisabled((d) => (d ? d.filter((s) => s !== site) : d));
        setNotice(t('op_turnedOn', site));
        offHeadingRef.current?.focus();
      },
      (e) => setNotice(t('op_changeFailed', messageOf(e))),
    );
  };

  const pickAccess = (choice: SiteAccessChoice) => {
    if (choice === access) return;
    setAccessNote('');
    // No await before the request: the browser asks the reader only inside the click.
    const done = choice === 'any' ? api.chooseAnySite() : api.chooseListedOnly();
    done.then(
      (now) => {
        setAccess(now);
        if (choice === 'any' && now !== 'any') setAccessNote(t('op_accessRefused'));
        else setAccessNote(now === 'any' ? t('op_accessNowAny') : t('op_accessNowListed'));
      },
      (e) => setAccessNote(t('op_changeFailed', messageOf(e))),
    );
  };

  const pickMode = (m: SidebarMode) => {
    const before = mode;
    setMode(m);
    api.setSidebarMode(m).then(
      () => setNotice(t('op_modeSaved')),
      (e) => {
        setMode(before);
        setNotice(t('op_changeFailed', messageOf(e)));
      },
    );
  };

  const exportAll = () => {
    setDataNote(t('op_exporting'));
    api.exportAll().then(
      ({ name, count }) => setDataNote(plural(t, 'op_exported', count, String(count), name)),
      (e) => setDataNote(t('op_exportFailed', messageOf(e))),
    );
  };

  const deleteAll = () => {
    setAskDelete(false);
    api.deleteAll().then(
      (n) => {
        setDataNote(plural(t, 'op_deleted', n));
        setCounts((c) => (c ? { ...c, items: 0 } : c));
        deleteRef.current?.focus();
      },
      (e) => setDataNote(t('op_deleteFailed', messageOf(e))),
    );
  };

  const forget = () => {
    api.forgetVisits().then(
      () => {
        setDataNote(t('op_forgotten'));
        setCounts((c) => (c ? { ...c, visits: 0 } : c));
      },
      (e) => setDataNote(t('op_changeFailed', messageOf(e))),
    );
  };

  const ready = access !== null && disabled !== null && mode !== null;

  const accessChoices: RadioChoice<SiteAccessChoice>[] = [
    { value: 'any', label: t('wl_anySite'), hint: t('op_accessAnyHint') },
    { value: 'listed', label: t('wl_listed'), hint: plural(t, 'op_accessListedHint', api.listedSites.length) },
  ];
  const modeChoices: RadioChoice<SidebarMode>[] = MODES.map((m) => {
    const key = m.replace(/-/g, '_');
    return { value: m, label: t(`sb_mode_${key}`), hint: t(`sb_mode_${key}_desc`) };
  });

  return (
    <main class="page" data-ready={ready || loadError ? '' : undefined} data-access={access ?? undefined}>
      <h1>{t('op_title')}</h1>
      {confirmHost ? (
        <ConfirmDisable
          host={confirmHost}
          t={t}
          busy={confirmBusy}
          onConfirm={() => turnOff(confirmHost)}
          onCancel={() => finishConfirm(t('op_keptOn', confirmHost))}
        />
      ) : null}
      <p ref={noticeRef} class="notice" role="status" tabIndex={-1} data-testid="notice">
        {notice}
      </p>
      <ErrorAlert text={loadError} />

      <section aria-labelledby="op-access">
        <h2 id="op-access">{t('op_accessTitle')}</h2>
        <RadioChoices name="op-access" legend={t('op_accessLegend')} testid="site-access" choices={accessChoices} value={access} onPick={pickAccess} />
        <p class="notice" role="status" data-testid="access-note">
          {accessNote}
        </p>
        <details>
          <summary>{t('op_listedSites', String(api.listedSites.length))}</summary>
          <ul class="sites" data-testid="listed-sites">
            {api.listedSites.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      </section>

      <section aria-labelledby="op-off">
        <h2 id="op-off" ref={offHeadingRef} tabIndex={-1}>
          {t('op_offTitle')}
        </h2>
        {disabled && disabled.length === 0 ? <p class="hint">{t('op_offNone')}</p> : null}
        <ul class="off-sites" data-testid="disabled-sites">
          {(disabled ?? []).map((site) => (
            <li key={site} data-site={site}>
              <span>{site}</span>
              <button type="button" aria-label={t('op_turnOnLabel', site)} onClick={() => turnOn(site)}>
                {t('op_turnOn')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="op-sidebar">
        <h2 id="op-sidebar">{t('op_sidebarTitle')}</h2>
        <RadioChoices name="op-mode" legend={t('sb_mode_legend')} testid="sidebar-mode" choices={modeChoices} value={mode} onPick={pickMode} />
      </section>

      {api.packUpdates ? <PackUpdates api={api.packUpdates} t={t} locale={api.locale} /> : null}

      <section aria-labelledby="op-data">
        <h2 id="op-data">{t('op_dataTitle')}</h2>
        <p data-testid="counts">{counts ? t('op_counts', plural(t, 'op_countItems', counts.items), plural(t, 'op_countVisits', counts.visits)) : t('op_countsUnknown')}</p>
        <div class="actions">
          <button type="button" data-testid="export" onClick={exportAll}>
            {t('op_export')}
          </button>
          <button
            type="button"
            class="danger"
            ref={deleteRef}
            data-testid="delete-all"
            disabled={!counts || counts.items === 0}
            onClick={() => setAskDelete(true)}
          >
            {t('op_deleteAll')}
          </button>
        </div>
        {askDelete && counts ? (
          <div ref={deleteConfirmRef} class="confirm" role="group" aria-labelledby="op-delete-q" tabIndex={-1} data-testid="delete-confirm">
            <p id="op-delete-q">{plural(t, 'op_deleteConfirm', counts.items)}</p>
            <div class="actions">
              <button type="button" class="danger" data-action="confirm-delete" onClick={deleteAll}>
                {t('op_deleteYes')}
              </button>
              <button
                type="button"
                data-action="cancel-delete"
                onClick={() => {
                  setAskDelete(false);
                  deleteRef.current?.focus();
                }}
              >
                {t('op_cancel')}
              </button>
            </div>
          </div>
        ) : null}
        <h3>{t('op_visitsTitle')}</h3>
        <p class="hint">{t('op_visitsHint')}</p>
        <button type="button" data-testid="forget-visits" onClick={forget}>
          {t('op_forget')}
        </button>
        <p class="notice" role="status" data-testid="data-note">
          {dataNote}
        </p>
      </section>
    </main>
  );
}
