// The first-run page: what the extension does and reads, in plain words, and one question:
// where may it look? Any site (the browser then asks for access to all sites) or only the
// listed news sites. Asked once; the answer can be changed later in the options page.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteAccessChoice } from '../settings/site-access';
import { plural } from '../shared/plural';
import { ErrorAlert } from '../components/ErrorAlert';

export interface WelcomeApi {
  t(key: string, ...substitutions: string[]): string;
  readonly listedSites: readonly string[];
  /** The answer given earlier, or null when the reader has not answered yet. */
  previousChoice(): Promise<SiteAccessChoice | null>;
  /** Call straight from the click: the browser asks the reader only inside it. */
  chooseAnySite(): Promise<SiteAccessChoice>;
  chooseListedOnly(): Promise<SiteAccessChoice>;
  openOptions(): void;
}

type Outcome = { asked: SiteAccessChoice; now: SiteAccessChoice } | null;

export function Welcome({ api }: { api: WelcomeApi }) {
  const t = api.t;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    api.previousChoice().then(
      (c) => {
        if (c) setOutcome({ asked: c, now: c });
        setLoaded(true);
      },
      () => setLoaded(true),
    );
  }, [api]);

  const answer = (asked: SiteAccessChoice) => {
    setError('');
    // No await before the request: the browser shows it only inside the reader's click.
    const done = asked === 'any' ? api.chooseAnySite() : api.chooseListedOnly();
    done.then(
      (now) => {
        setOutcome({ asked, now });
        setTimeout(() => doneRef.current?.focus(), 0);
      },
      (e: unknown) => setError(t('op_changeFailed', e instanceof Error ? e.message : String(e))),
    );
  };

  let doneText = '';
  if (outcome) {
    if (outcome.now === 'any') doneText = t('wl_doneAny');
    else if (outcome.asked === 'any') doneText = t('wl_refused');
    else doneText = t('wl_doneListed');
  }

  return (
    <main class="page welcome" data-ready={loaded ? '' : undefined} data-choice={outcome?.now ?? undefined}>
      <h1>{t('wl_title')}</h1>
      <p>{t('wl_what')}</p>
      <h2>{t('wl_readsTitle')}</h2>
      <p>{t('wl_reads')}</p>
      <p>
        <strong>{t('wl_nothingLeaves')}</strong>
      </p>
      <section aria-labelledby="wl-question" class="question">
        <h2 id="wl-question">{t('wl_question')}</h2>
        <div class="answers">
          <div class="answer">
            <button type="button" class="primary" data-choice="any" aria-describedby="wl-any-desc" onClick={() => answer('any')}>
              {t('wl_anySite')}
            </button>
            <p id="wl-any-desc" class="hint">
              {t('wl_anySiteHint')}
            </p>
          </div>
          <div class="answer">
            <button type="button" data-choice="listed" aria-describedby="wl-listed-desc" onClick={() => answer('listed')}>
              {t('wl_listed')}
            </button>
            <p id="wl-listed-desc" class="hint">
              {plural(t, 'wl_listedHint', api.listedSites.length)}
            </p>
          </div>
        </div>
        <details>
          <summary>{t('op_listedSites', String(api.listedSites.length))}</summary>
          <ul class="sites">
            {api.listedSites.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </details>
      </section>
      <p ref={doneRef} class="notice" role="status" tabIndex={-1} data-testid="welcome-done">
        {doneText}
      </p>
      <ErrorAlert text={error} />
      {outcome ? (
        <p>
          {t('wl_change')}{' '}
          <button type="button" class="link" data-testid="open-options" onClick={() => api.openOptions()}>
            {t('wl_openSettings')}
          </button>
        </p>
      ) : null}
    </main>
  );
}
