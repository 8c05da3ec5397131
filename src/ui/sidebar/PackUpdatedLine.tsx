// "Story information last updated ...": the date the pack in force was last revised (its
// `updated`), which moves when an update from the pack feed brings a newer pack. Written in the
// reader's language; the machine-readable date stays in <time>.
import type { StoryPack } from '../../packs/schema';
import { useUi } from './ui-context';

function dateInLanguage(isoDate: string, lang: string): string {
  const at = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(at)) return isoDate;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
  } catch {
    return isoDate;
  }
}

export function PackUpdatedLine({ pack }: { pack: StoryPack }) {
  const { t, lang } = useUi();
  return (
    <p data-testid="pack-updated">
      <time dateTime={pack.updated}>{t('sb_pack_updated', dateInLanguage(pack.updated, lang))}</time>
    </p>
  );
}
