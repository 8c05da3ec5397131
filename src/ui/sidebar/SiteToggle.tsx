// "Turn off on this site", and the way back. The content script reads the setting on its next
// run, so the sidebar stays until the page is loaded again; the text says so. Inside a web
// page the sidebar only asks: the options page opens and the reader confirms there, where the
// page cannot steer the click.
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useUi } from './ui-context';

interface SiteOffButtonProps {
  description: string;
  label: string;
  button?: RefObject<HTMLButtonElement | null>;
  disabled: boolean;
  onClick: () => void;
}

/** The "turn off" button with the sentence that says what it does. */
function SiteOffButton({ description, label, button, disabled, onClick }: SiteOffButtonProps) {
  return (
    <>
      <p class="small muted" id="sb-site-off-desc">
        {description}
      </p>
      <button
        type="button"
        class="button"
        ref={button}
        data-testid="site-off"
        aria-describedby="sb-site-off-desc"
        disabled={disabled}
        onClick={onClick}
      >
        {label}
      </button>
    </>
  );
}

export function SiteOffElsewhere({ host, onConfirmElsewhere }: { host: string; onConfirmElsewhere: () => Promise<void> }) {
  const { t } = useUi();
  const [state, setState] = useState<'idle' | 'busy' | 'opened' | 'failed'>('idle');
  const ask = async () => {
    setState('busy');
    try {
      await onConfirmElsewhere();
      setState('opened');
    } catch {
      setState('failed');
    }
  };
  return (
    <div class="site-toggle">
      <SiteOffButton
        description={t('sb_site_off_confirm_desc', host)}
        label={t('sb_site_off_confirm')}
        disabled={state === 'busy'}
        onClick={() => void ask()}
      />
      <p role="status" class="small">
        {state === 'opened' ? t('sb_site_off_confirm_opened') : ''}
      </p>
      {state === 'failed' ? <p class="error">{t('sb_site_failed')}</p> : null}
    </div>
  );
}

export interface SiteToggleProps {
  host: string;
  initiallyDisabled: boolean;
  onSetEnabled: (site: string, enabled: boolean) => Promise<void>;
}

export function SiteToggle({ host, initiallyDisabled, onSetEnabled }: SiteToggleProps) {
  const { t } = useUi();
  const [disabled, setDisabled] = useState(initiallyDisabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);

  useEffect(() => setDisabled(initiallyDisabled), [initiallyDisabled, host]);
  useEffect(() => {
    if (moveFocus.current && button.current) {
      button.current.focus();
      moveFocus.current = false;
    }
  });

  const change = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await onSetEnabled(host, enabled);
      setDisabled(!enabled);
      moveFocus.current = true;
    } catch {
      setError(t('sb_site_failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="site-toggle">
      {disabled ? (
        <>
          <p class="site-off-note">{t('sb_site_is_off', host)}</p>
          <button type="button" class="button" ref={button} disabled={busy} onClick={() => void change(true)}>
            {t('sb_site_on')}
          </button>
        </>
      ) : (
        <>
          <SiteOffButton
            description={t('sb_site_off_desc', host)}
            label={t('sb_site_off')}
            button={button}
            disabled={busy}
            onClick={() => void change(false)}
          />
        </>
      )}
      {error ? <p class="error">{error}</p> : null}
    </div>
  );
}
