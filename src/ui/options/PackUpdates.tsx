// The options page's "Story updates" section: where the story data comes from, the last check
// and its result in words, the packs in force, "Check now", and the reader's own feed for those
// who host one. Every change goes through the background, which checks the address and the key
// again where the message arrives.
import { useEffect, useState } from 'preact/hooks';
import type { PackUpdatesView } from '../../protocol/replies';
import { messageOf } from '../shared/error-message';

export interface PackUpdatesApi {
  status(): Promise<PackUpdatesView>;
  check(): Promise<PackUpdatesView>;
  /** null: stop using the reader's own feed. */
  setFeed(feed: { url: string; publicKey: string } | null): Promise<PackUpdatesView>;
  /** Calls `cb` when the background has checked the feed (at install, daily, or from here); returns an unsubscribe. */
  onChange(cb: () => void): () => void;
  setOff(off: boolean): Promise<PackUpdatesView>;
}

interface Props {
  api: PackUpdatesApi;
  t: (key: string, ...substitutions: string[]) => string;
  locale: string;
}

const OUTCOME_KEY = {
  updated: 'op_outcomeUpdated',
  'up-to-date': 'op_outcomeUpToDate',
  refused: 'op_outcomeRefused',
  failed: 'op_outcomeFailed',
} as const;

function when(at: number, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  } catch {
    return new Date(at).toISOString();
  }
}

export function PackUpdates({ api, t, locale }: Props) {
  const [view, setView] = useState<PackUpdatesView | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');

  useEffect(() => {
    const load = () => void api.status().then(setView, (e: unknown) => setNote(messageOf(e)));
    load();
    return api.onChange(load);
  }, [api]);

  const run = (action: () => Promise<PackUpdatesView>, failKey?: string) => {
    setBusy(true);
    setNote('');
    action().then(
      (v) => {
        setView(v);
        setBusy(false);
      },
      (e: unknown) => {
        setNote(failKey ? t(failKey, messageOf(e)) : messageOf(e));
        setBusy(false);
      },
    );
  };

  const last = view?.last ?? null;
  return (
    <section aria-labelledby="op-updates" data-testid="pack-updates" data-outcome={last?.outcome ?? (view ? 'none' : undefined)} data-checked-at={last?.checkedAt}>
      <h2 id="op-updates">{t('op_updatesTitle')}</h2>
      {view && !view.feed ? <p data-testid="updates-off">{t(view.offByReader ? 'op_updatesOffByYou' : 'op_updatesOff')}</p> : null}
      {view?.feed ? (
        <p data-testid="updates-feed">
          {t('op_updatesFrom', view.feed.url)}
        </p>
      ) : null}
      {view?.feed ? (
        <p data-testid="updates-last">{last ? t('op_updatesLast', when(last.checkedAt, locale), t(OUTCOME_KEY[last.outcome])) : t('op_updatesNever')}</p>
      ) : null}
      {last && (last.error || last.refused.length) ? (
        // The reasons come from the verifier in English: exact, and the same for anyone reporting them.
        <ul class="reasons" data-testid="updates-reasons" lang="en">
          {last.error ? <li>{last.error}</li> : null}
          {last.refused.map((r) => (
            <li key={r.id}>{r.reason}</li>
          ))}
        </ul>
      ) : null}
      {view?.feed ? (
        <button type="button" data-testid="check-updates" disabled={busy} onClick={() => run(() => api.check())}>
          {t('op_updatesCheck')}
        </button>
      ) : null}
      {view?.feed ? (
        <button type="button" data-testid="updates-turn-off" disabled={busy} onClick={() => run(() => api.setOff(true))}>
          {t('op_updatesTurnOff')}
        </button>
      ) : null}
      {view?.offByReader ? (
        <button type="button" data-testid="updates-turn-on" disabled={busy} onClick={() => run(() => api.setOff(false))}>
          {t('op_updatesTurnOn')}
        </button>
      ) : null}
      {view ? (
        <>
          <h3>{t('op_updatesPacks')}</h3>
          <ul data-testid="updates-packs">
            {view.packs.map((p) => (
              <li key={p.id} data-pack={p.id} data-version={p.version}>
                {t('op_updatesPack', p.title, String(p.version), p.updated, t(p.from === 'feed' ? 'op_fromFeed' : 'op_fromBundled'))}
              </li>
            ))}
          </ul>
          <details>
            <summary>{t('op_feedOwn')}</summary>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                run(() => api.setFeed({ url: url.trim(), publicKey: key.trim() }), 'op_feedFailed');
              }}
            >
              <label for="op-feed-url">{t('op_feedUrl')}</label>
              <input id="op-feed-url" type="url" required placeholder="https://" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
              <label for="op-feed-key">{t('op_feedKey')}</label>
              <input id="op-feed-key" type="text" required spellcheck={false} autocomplete="off" value={key} onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)} />
              <div class="actions">
                <button type="submit" disabled={busy} data-testid="feed-use">
                  {t('op_feedUse')}
                </button>
                {view.feed?.chosenBy === 'reader' ? (
                  <button type="button" disabled={busy} data-testid="feed-reset" onClick={() => run(() => api.setFeed(null), 'op_feedFailed')}>
                    {t('op_feedReset')}
                  </button>
                ) : null}
              </div>
            </form>
          </details>
        </>
      ) : null}
      <p class="notice" role="status" data-testid="updates-note">
        {busy ? t('op_updatesChecking') : note}
      </p>
    </section>
  );
}
