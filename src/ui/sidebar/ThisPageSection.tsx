// What the article being read reports and leaves out, whether it is known coverage, and what is
// wrong with it when the pack has a caution for it.
import type { CoverageItem, StoryPack } from '../../packs/schema';
import { Chip } from '../components/Chip';
import { Section } from '../components/Section';
import type { TabContext } from './api';
import { langAttribute, PACK_TEXT_LANG } from './language';
import { denyingParty, MENTION_KEYS, type MentionKey, type PageCaution } from './pack-views';
import { articleInput } from './save-inputs';
import { SaveControl } from './SaveControl';
import { useUi } from './ui-context';

export const CAUTION_ID = 'sb-caution';

export interface ThisPageSectionProps {
  ctx: TabContext;
  pack: StoryPack;
  known: CoverageItem | null;
  cautions: PageCaution[];
}

function CautionBox({ cautions }: { cautions: PageCaution[] }) {
  const { t } = useUi();
  return (
    <div id={CAUTION_ID} class="caution" data-testid="caution" tabIndex={-1}>
      <h3>
        <span aria-hidden="true">⚠ </span>
        {t('sb_caution_heading')}
      </h3>
      {cautions.map((c) => (
        <p key={c.id ?? c.text}>
          {c.kind && c.kind !== 'note' ? (
            <>
              <Chip tone="warning" label={t(`sb_caution_${c.kind.replace(/-/g, '_')}`)} />{' '}
            </>
          ) : null}
          <span lang={PACK_TEXT_LANG}>{c.text}</span>
        </p>
      ))}
    </div>
  );
}

export function ThisPageSection({ ctx, pack, known, cautions }: ThisPageSectionProps) {
  const { t } = useUi();
  const party = denyingParty(pack) ?? t('sb_the_accused');
  const mentionText = (key: MentionKey, yes: boolean): string => {
    const suffix = yes ? 'yes' : 'no';
    if (key === 'denial') return t(`sb_page_denial_${suffix}`, party);
    if (key === 'embassy') return t(`sb_page_embassy_${suffix}`);
    return t(`sb_page_caveat_${suffix}`, pack.firstReport.publisher);
  };
  const title = ctx.report.title.trim();
  const pageLang = ctx.report.lang && ctx.report.lang !== 'und' ? langAttribute(ctx.report.lang) : undefined;
  return (
    <Section id="sb-this-page" title={t('sb_this_page_heading')} testId="this-page">
      {cautions.length > 0 ? <CautionBox cautions={cautions} /> : null}
      {title ? (
        <p id="sb-page-title" class="page-title">
          <span class="label">{t('sb_page_reading')}</span> <span lang={pageLang}>{title}</span>
        </p>
      ) : null}
      <p>{known ? t('sb_known_coverage', known.publisher) : t('sb_not_known_coverage')}</p>
      <ul class="plain-list mentions">
        {MENTION_KEYS.map((key) => {
          const yes = ctx.report.mentions[key];
          return (
            <li key={key} class={yes ? 'mention-yes' : 'mention-no'}>
              <span aria-hidden="true" class="mark">
                {yes ? '✓' : '–'}
              </span>{' '}
              {mentionText(key, yes)}
            </li>
          );
        })}
      </ul>
      <p class="small muted">{t('sb_mentions_basis')}</p>
      <SaveControl
        input={articleInput(ctx, pack, known)}
        testId="save-article"
        label={t('sb_save_article')}
        describedBy={title ? 'sb-page-title' : undefined}
      />
    </Section>
  );
}

