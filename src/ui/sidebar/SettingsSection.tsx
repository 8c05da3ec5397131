// When the sidebar opens by itself: on the first story page of a session, always, or never
// (only the small tab at the page edge).
import { useState } from 'preact/hooks';
import type { SidebarMode } from '../../protocol/messages';
import { Disclosure } from './Disclosure';
import { useUi } from './ui-context';

const MODES: readonly SidebarMode[] = ['first-open', 'always-open', 'tab-only'];

export interface SettingsSectionProps {
  mode: SidebarMode | null;
  onChange: (mode: SidebarMode) => Promise<void>;
  /** Set inside a web page, where settings are not changed: a way to the options page instead. */
  onOpenSettings?: (() => Promise<void>) | null;
}

export function SettingsSection({ mode, onChange, onOpenSettings }: SettingsSectionProps) {
  if (onOpenSettings) return <SettingsElsewhere onOpen={onOpenSettings} />;
  return <SettingsForm mode={mode} onChange={onChange} />;
}

function SettingsElsewhere({ onOpen }: { onOpen: () => Promise<void> }) {
  const { t } = useUi();
  const [failed, setFailed] = useState(false);
  return (
    <Disclosure id="sb-settings" title={t('sb_settings_heading')} testId="settings">
      <p class="small muted">{t('sb_settings_elsewhere')}</p>
      <button type="button" class="button" data-testid="open-settings" onClick={() => void onOpen().then(() => setFailed(false), () => setFailed(true))}>
        {t('sb_settings_open')}
      </button>
      {failed ? <p class="error">{t('sb_settings_failed')}</p> : null}
    </Disclosure>
  );
}

function SettingsForm({ mode, onChange }: Omit<SettingsSectionProps, 'onOpenSettings'>) {
  const { t } = useUi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (next: SidebarMode) => {
    setBusy(true);
    setError(null);
    try {
      await onChange(next);
    } catch {
      setError(t('sb_settings_failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Disclosure id="sb-settings" title={t('sb_settings_heading')} testId="settings">
      {mode === null ? (
        <p class="muted">{t('sb_settings_unavailable')}</p>
      ) : (
        <fieldset class="modes" aria-busy={busy}>
          <legend>{t('sb_mode_legend')}</legend>
          {MODES.map((m) => {
            const key = m.replace(/-/g, '_');
            return (
              <div key={m} class="mode">
                <input
                  type="radio"
                  id={`sb-mode-${m}`}
                  name="sb-mode"
                  value={m}
                  checked={mode === m}
                  aria-describedby={`sb-mode-${m}-desc`}
                  onChange={() => {
                    if (!busy) void choose(m);
                  }}
                />
                <label for={`sb-mode-${m}`}>{t(`sb_mode_${key}`)}</label>
                <p id={`sb-mode-${m}-desc`} class="small muted">
                  {t(`sb_mode_${key}_desc`)}
                </p>
              </div>
            );
          })}
        </fieldset>
      )}
      {error ? <p class="error">{error}</p> : null}
    </Disclosure>
  );
}
