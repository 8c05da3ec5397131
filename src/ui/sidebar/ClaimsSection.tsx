// The claims, each attributed and with its status as a text chip. Who makes them, who answered
// them and their source are said once above the list when every claim shares them, and on a
// card only where that claim differs.
import type { StoryPack } from '../../packs/schema';
import { Chip } from '../components/Chip';
import { Disclosure } from './Disclosure';
import { responderParties, sharedClaimFacts } from './glance';
import { PACK_TEXT_LANG } from './language';
import { PackList, PackText } from './PackText';
import { claimInput } from './save-inputs';
import { SaveControl } from './SaveControl';
import { SourceLine } from './SourceLine';
import { useUi } from './ui-context';

/** A claim's status in the pack's own words, coloured by the tone the pack gives it. */
function StatusChip({ pack, status }: { pack: StoryPack; status: string }) {
  const { t } = useUi();
  const def = pack.claimStatuses.find((s) => s.id === status);
  return <Chip tone={def?.tone ?? 'neutral'} label={<PackText>{def?.label ?? status}</PackText>} srPrefix={t('sb_status_prefix')} />;
}

function Attribution({ by, answered }: { by: string | null; answered: string[] | null }) {
  const { t } = useUi();
  return (
    <>
      {by ? (
        <p class="small">
          <span class="label">{t('sb_claim_by')}</span> <PackText>{by}</PackText>
        </p>
      ) : null}
      {answered && answered.length > 0 ? (
        <p class="small">
          <span class="label">{t('sb_claim_answered_by')}</span> <PackList items={answered} />
        </p>
      ) : null}
    </>
  );
}

export function ClaimsSection({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  if (pack.claims.length === 0) return null;
  const shared = sharedClaimFacts(pack);
  const several = pack.claims.length > 1;
  return (
    <Disclosure id="sb-claims" title={t('sb_claims_heading')} count={pack.claims.length} testId="claims">
      {several ? (
        <div class="shared-facts" data-testid="claims-shared">
          <Attribution by={shared.allegedBy} answered={shared.responders} />
          {shared.source ? <SourceLine url={shared.source.url} note={shared.source.note} /> : null}
        </div>
      ) : null}
      <ol class="plain-list cards">
        {pack.claims.map((claim) => {
          const textId = `claim-${claim.id}`;
          const answered = responderParties(claim, pack).map((p) => p.name);
          return (
            <li key={claim.id} class="card" data-testid="claim">
              <p class="chips">
                <StatusChip pack={pack} status={claim.status} />
              </p>
              <p id={textId} class="claim-text" lang={PACK_TEXT_LANG}>
                {claim.text}
              </p>
              <Attribution
                by={several && shared.allegedBy !== null ? null : claim.allegedBy}
                answered={several && shared.responders !== null ? null : answered}
              />
              {several && shared.source !== null ? null : <SourceLine url={claim.source.url} note={claim.source.note} />}
              <SaveControl input={claimInput(claim, pack)} testId="save-claim" label={t('sb_save_claim')} describedBy={textId} />
            </li>
          );
        })}
      </ol>
    </Disclosure>
  );
}
