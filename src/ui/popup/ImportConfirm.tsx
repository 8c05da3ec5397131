// Asks before an import changes settings: a shared file could otherwise turn the extension off
// on many sites, or change when the sidebar opens, without the reader noticing. Inline rather
// than modal (the popup is small), and Escape cancels.
import type { SettingsChanges } from '../../formats/import-json';
import type { SidebarMode } from '../../storage/model';
import { AlertDialog } from '../components/AlertDialog';
import { plural } from '../shared/plural';

export type ImportConfirmChoice = 'apply' | 'ignore' | 'cancel';

interface Props {
  t: (key: string, ...subs: string[]) => string;
  locale: string;
  changes: SettingsChanges;
  onChoose: (choice: ImportConfirmChoice) => void;
}

/** Sites named in full before the rest are counted: a list of hundreds helps nobody. */
export const SITES_NAMED = 10;

// The sidebar's own names for the modes, so the reader recognises them from its settings.
const MODE_KEYS: Record<SidebarMode, string> = {
  'first-open': 'sb_mode_first_open',
  'always-open': 'sb_mode_always_open',
  'tab-only': 'sb_mode_tab_only',
};

function joinList(locale: string, parts: string[]): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
  } catch {
    return parts.join(', ');
  }
}

/** The changes in plain sentences, one per kind of setting. */
export function describeChanges(t: Props['t'], locale: string, changes: SettingsChanges): string[] {
  const lines: string[] = [];
  const sites = changes.sitesOff;
  if (sites.length > 0) {
    const named = sites.slice(0, SITES_NAMED);
    const parts = sites.length > named.length ? [...named, t('pp_importSitesMore', String(sites.length - named.length))] : named;
    lines.push(plural(t, 'pp_importSitesOff', sites.length, String(sites.length), joinList(locale, parts)));
  }
  if (changes.sidebarMode) {
    lines.push(t('pp_importModeChange', t(MODE_KEYS[changes.sidebarMode.from]), t(MODE_KEYS[changes.sidebarMode.to])));
  }
  return lines;
}

export function ImportConfirm({ t, locale, changes, onChoose }: Props) {
  return (
    <AlertDialog
      class="import-confirm"
      heading="h3"
      title={t('pp_importSettingsTitle')}
      description={
        <ul data-testid="import-changes">
          {describeChanges(t, locale, changes).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
      buttonsClass="import-confirm-buttons"
      onEscape={() => onChoose('cancel')}
      attributes={{ 'data-testid': 'import-confirm' }}
    >
      <button type="button" data-testid="import-apply" onClick={() => onChoose('apply')}>
        {t('pp_importApply')}
      </button>
      <button type="button" class="primary" data-testid="import-items-only" onClick={() => onChoose('ignore')}>
        {t('pp_importItemsOnly')}
      </button>
      <button type="button" data-testid="import-cancel" onClick={() => onChoose('cancel')}>
        {t('pp_importCancel')}
      </button>
    </AlertDialog>
  );
}
