// "Source: <note>" with the note as the link when the source has an http(s) URL. The note is
// the pack's reader text; its `authorNote` (how the author found the source) is never shown.
import { ExternalLink } from '../components/ExternalLink';
import { PACK_TEXT_LANG } from './language';
import { useUi } from './ui-context';

export function SourceLine({ url, note }: { url: string | null; note: string }) {
  const { t } = useUi();
  return (
    <p class="source small">
      {t('sb_source_label')}{' '}
      <ExternalLink href={url} newTabHint={t('sb_new_tab')} lang={PACK_TEXT_LANG}>
        {note}
      </ExternalLink>
    </p>
  );
}
