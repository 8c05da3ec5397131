// How the claims are known and what could not be verified, with the first report and what to
// expect at its address (the pack's reader text; its author notes are never shown).
import type { StoryPack } from '../../packs/schema';
import { ExternalLink } from '../components/ExternalLink';
import { Disclosure } from './Disclosure';
import { PACK_TEXT_LANG } from './language';
import { Message, PackText } from './PackText';
import { SourceLine } from './SourceLine';
import { useUi } from './ui-context';

export function VerificationSection({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  const first = pack.firstReport;
  return (
    <Disclosure id="sb-verification" title={t('sb_verification_heading')} count={pack.verification.length} testId="verification" class="verification">
      <ul class="plain-list verification-notes">
        {pack.verification.map((note) => (
          <li key={note.id}>
            <p lang={PACK_TEXT_LANG}>{note.text}</p>
            <SourceLine url={note.source.url} note={note.source.note} />
          </li>
        ))}
      </ul>
      <p class="first-report">
        <Message t={t} id="sb_first_report" parts={[<PackText key="publisher">{first.publisher}</PackText>, first.date ? <PackText key="date">{first.date}</PackText> : t('sb_date_not_shown')]} />{' '}
        <ExternalLink href={first.url} newTabHint={t('sb_new_tab')}>
          {t('sb_first_report_link')}
        </ExternalLink>
      </p>
      <p class="muted small" lang={PACK_TEXT_LANG}>
        {first.provenance}
      </p>
    </Disclosure>
  );
}
