// The first screen: what is claimed and by whom (the claim's own attributed words), the status
// in words, the response quoted short with its speaker, what this page mentions and leaves
// out, and coverage at a glance. Everything else is one action away in the disclosures below.
import type { CoverageItem, StoryPack } from '../../packs/schema';
import { Chip, type ChipTone } from '../components/Chip';
import { plural } from '../shared/plural';
import type { TabContext } from './api';
import { CautionBox } from './CautionBox';
import { CoverageChart } from './CoverageChart';
import { pageMentions, statusLines, topResponse, type StatusLine } from './glance';
import { PACK_TEXT_LANG } from './language';
import { type PageCaution } from './pack-views';
import { Message, PackList, PackText } from './PackText';
import { articleInput } from './save-inputs';
import { SaveControl } from './SaveControl';
import { useUi } from './ui-context';

export interface GlanceSectionProps {
  ctx: TabContext;
  pack: StoryPack;
  known: CoverageItem | null;
  cautions: PageCaution[];
}

function StatusItem({ line }: { line: StatusLine }) {
  const { t } = useUi();
  if (line.kind === 'not-verified') {
    return (
      <li class="status-line" data-testid="status-chip" data-tone="unverified">
        <Chip tone="unverified" label={t('sb_glance_not_verified')} srPrefix={t('sb_status_prefix')} /> <PackText>{line.text}</PackText>
      </li>
    );
  }
  const tone: ChipTone = line.tone;
  const count = line.claims < line.of ? plural(t, 'sb_glance_claims_of', line.of, String(line.claims), String(line.of)) : null;
  return (
    <li class="status-line" data-testid="status-chip" data-tone={line.tone}>
      <Chip tone={tone} label={<PackText>{line.label}</PackText>} srPrefix={t('sb_status_prefix')} />
      {line.by.length > 0 ? (
        <span data-testid="denied-by">
          {' '}
          <Message t={t} id="sb_glance_denied_by" parts={[<PackList key="by" items={line.by} />]} />
        </span>
      ) : null}
      {count ? <span class="muted"> ({count})</span> : null}
      {line.detail ? (
        <span class="status-detail">
          {' '}
          <PackText>{line.detail}</PackText>
        </span>
      ) : null}
    </li>
  );
}

function TopResponse({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  const top = topResponse(pack);
  if (!top) return null;
  return (
    <figure class="glance-quote" data-testid="top-response">
      <blockquote lang={PACK_TEXT_LANG}>
        <p>
          <PackText>“{top.short}”</PackText>
        </p>
      </blockquote>
      <figcaption class="small">
        <span aria-hidden="true">— </span>
        <PackText testId="top-response-speaker">{top.statement.speaker}</PackText>
        {' · '}
        {t(`sb_kind_${top.statement.kind}`)}
      </figcaption>
    </figure>
  );
}

function ThisPageGlance({ ctx, pack, known, cautions }: GlanceSectionProps) {
  const { t } = useUi();
  const { found, missing } = pageMentions(ctx.report.mentions, pack.detection.mentionKinds);
  const title = ctx.report.title.trim();
  return (
    <section class="glance-page" data-testid="this-page" aria-labelledby="sb-this-page-heading">
      <div class="glance-page-head">
        <h2 id="sb-this-page-heading" class="glance-label" tabIndex={-1}>
          {t('sb_this_page_heading')}
        </h2>
        <SaveControl input={articleInput(ctx, pack, known)} testId="save-article" label={t('sb_save_article')} describedBy={title ? 'sb-page-title' : undefined} compact />
      </div>
      {cautions.length > 0 ? <CautionBox cautions={cautions} /> : null}
      {title ? (
        <p id="sb-page-title" class="sr-only">
          {title}
        </p>
      ) : null}
      <ul class="plain-list page-mentions">
        {[...found.map((kind) => ({ kind, yes: true })), ...missing.map((kind) => ({ kind, yes: false }))].map(({ kind, yes }) => (
          <li key={kind.id} class={yes ? 'mention-yes' : 'mention-no'} data-testid={yes ? 'page-mentions' : 'page-leaves-out'}>
            <span class="mark" aria-hidden="true">
              {yes ? '✓' : '✗'}
            </span>
            {/* The flex item is the span, so the lines keep the page's alignment. */}
            <span>
              <PackText>{yes ? kind.yes : kind.no}</PackText>
            </span>
          </li>
        ))}
      </ul>
      <p class="basis muted">
        {known ? (
          <>
            <Message t={t} id="sb_known_coverage" parts={[<PackText key="publisher">{known.publisher}</PackText>]} />{' '}
          </>
        ) : null}
        {t('sb_mentions_basis')}
      </p>
    </section>
  );
}

export function GlanceSection(props: GlanceSectionProps) {
  const { t } = useUi();
  const { pack } = props;
  const first = pack.claims[0];
  return (
    <div class="glance" data-testid="glance">
      {first ? (
        <section class="glance-claim" aria-labelledby="sb-glance-claim-heading">
          <h2 id="sb-glance-claim-heading" class="sr-only">
            {t('sb_glance_claim_heading')}
          </h2>
          <p class="claim-line" data-testid="glance-claim">
            <PackText>{first.text}</PackText>
          </p>
        </section>
      ) : null}
      <section class="glance-status" aria-labelledby="sb-glance-status-heading">
        <h2 id="sb-glance-status-heading" class="sr-only">
          {t('sb_verification_heading')}
        </h2>
        <ul class="plain-list status-lines" data-testid="status-chips">
          {statusLines(pack).map((line) => (
            <StatusItem key={line.kind === 'status' ? line.id : line.kind} line={line} />
          ))}
        </ul>
        <TopResponse pack={pack} />
      </section>
      <ThisPageGlance {...props} />
      <CoverageChart pack={pack} />
    </div>
  );
}
