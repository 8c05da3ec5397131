// The claims, each attributed to who makes it, with its status as a text chip.
import type { ClaimStatus, StoryPack } from '../../packs/schema';
import { Chip, type ChipTone } from '../components/Chip';
import { Section } from '../components/Section';
import { PACK_TEXT_LANG } from './language';
import { respondents, statementsById } from './pack-views';
import { claimInput } from './save-inputs';
import { SaveControl } from './SaveControl';
import { SourceLine } from './SourceLine';
import { useUi } from './ui-context';

const STATUS_TONE: Record<ClaimStatus, ChipTone> = { alleged: 'alleged', denied: 'denied', unverified: 'unverified' };

export function ClaimsSection({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  const statements = statementsById(pack);
  return (
    <Section id="sb-claims" title={t('sb_claims_heading')}>
      <ol class="plain-list cards">
        {pack.claims.map((claim) => {
          const textId = `claim-${claim.id}`;
          const answered = respondents(claim, statements);
          return (
            <li key={claim.id} class="card" data-testid="claim">
              <p class="chips">
                <Chip tone={STATUS_TONE[claim.status]} label={t(`sb_status_${claim.status}`)} srPrefix={t('sb_status_prefix')} />
              </p>
              <p id={textId} class="claim-text" lang={PACK_TEXT_LANG}>
                {claim.text}
              </p>
              <p class="small">
                <span class="label">{t('sb_claim_by')}</span> <span lang={PACK_TEXT_LANG}>{claim.allegedBy}</span>
              </p>
              {answered.length > 0 ? (
                <p class="small">
                  <span class="label">{t('sb_claim_answered_by')}</span> <span lang={PACK_TEXT_LANG}>{answered.join('; ')}</span>
                </p>
              ) : null}
              <SourceLine url={claim.source.url} note={claim.source.note} />
              <SaveControl input={claimInput(claim, pack)} testId="save-claim" label={t('sb_save_claim')} describedBy={textId} />
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
