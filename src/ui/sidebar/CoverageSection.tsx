// Other outlets' articles: who published them, from which wire, in which language and when,
// what their excerpts were seen to mention, and which of them the reader has opened.
import type { CoverageItem, StoryPack } from '../../packs/schema';
import { Chip } from '../components/Chip';
import { ExternalLink } from '../components/ExternalLink';
import { Section } from '../components/Section';
import { plural } from '../shared/plural';
import { displayHost } from '../components/safe-url';
import { langAttribute, languageName, PACK_TEXT_LANG } from './language';
import {
  coverageByEvent,
  coverageCounts,
  denyingParty,
  flagView,
  isOpened,
  MENTION_KEYS,
  type MentionKey,
} from './pack-views';
import { sourceInput } from './save-inputs';
import { SaveControl } from './SaveControl';
import { useUi } from './ui-context';

export interface CoverageSectionProps {
  pack: StoryPack;
  opened: ReadonlySet<string>;
  /** The coverage item that is the page being read, if any. */
  currentId: string | null;
  onOpen: (url: string) => void;
}

const FLAG_LABEL: Record<MentionKey, string> = {
  denial: 'sb_flag_denial',
  embassy: 'sb_flag_embassy',
  ftCaveat: 'sb_flag_caveat',
};

function Counts({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  const counts = coverageCounts(pack.coverage);
  const party = denyingParty(pack) ?? t('sb_the_accused');
  return (
    <div class="counts" data-testid="coverage-counts">
      <ul class="plain-list">
        <li>{plural(t, 'sb_count_denial', counts.denial.of, String(counts.denial.yes), String(counts.denial.of), party)}</li>
        <li>{plural(t, 'sb_count_embassy', counts.embassy.of, String(counts.embassy.yes), String(counts.embassy.of))}</li>
        <li>{plural(t, 'sb_count_caveat', counts.ftCaveat.of, String(counts.ftCaveat.yes), String(counts.ftCaveat.of), pack.firstReport.publisher)}</li>
      </ul>
      <p class="small muted">{t('sb_count_basis')}</p>
    </div>
  );
}

function Flags({ item }: { item: CoverageItem }) {
  const { t } = useUi();
  if (MENTION_KEYS.every((key) => item.mentions[key] === 'n/a')) return null;
  return (
    <dl class="flags small">
      {MENTION_KEYS.map((key) => {
        const view = flagView(item.mentions[key]);
        return (
          <div key={key} class={`flag flag-${view.kind}`}>
            <dt>{t(FLAG_LABEL[key])}</dt>
            <dd>
              {view.kind === 'other' ? (
                <span lang={PACK_TEXT_LANG}>{view.text}</span>
              ) : (
                t(`sb_flag_${view.kind.replace(/[^a-z]/g, '_')}`)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function CoverageEntry({ item, pack, opened, current, onOpen }: { item: CoverageItem; pack: StoryPack; opened: boolean; current: boolean; onOpen: (url: string) => void }) {
  const { t, lang } = useUi();
  const headlineId = `coverage-${item.id}`;
  return (
    <li class="coverage-item" data-testid="coverage-item" data-coverage-id={item.id} data-opened={opened ? 'true' : undefined}>
      <p class="headline" id={headlineId}>
        <ExternalLink href={item.url} newTabHint={t('sb_new_tab')} onOpen={onOpen} lang={item.title ? langAttribute(item.lang) : undefined}>
          {item.title ?? t('sb_no_headline', displayHost(item.url))}
        </ExternalLink>
      </p>
      {opened || current ? (
        <p class="chips">
          {opened ? <Chip tone="positive" label={t('sb_opened')} /> : null}
          {current ? <Chip tone="neutral" label={t('sb_this_page_badge')} /> : null}
        </p>
      ) : null}
      <p class="meta small">
        <span lang={PACK_TEXT_LANG}>{item.publisher}</span>
        {item.wireOrigin ? (
          <>
            {' · '}
            {t('sb_wire', item.wireOrigin)}
          </>
        ) : null}
        {' · '}
        {languageName(item.lang, lang)}
        {' · '}
        {item.date ?? t('sb_date_not_shown')}
      </p>
      <Flags item={item} />
      <SaveControl input={sourceInput(item, pack)} testId="save-source" label={t('sb_save_source')} describedBy={headlineId} compact />
    </li>
  );
}

export function CoverageSection({ pack, opened, currentId, onOpen }: CoverageSectionProps) {
  const { t } = useUi();
  if (pack.coverage.length === 0) return null;
  return (
    <Section id="sb-coverage" title={t('sb_coverage_heading')}>
      <Counts pack={pack} />
      {coverageByEvent(pack).map((group) => (
        <div key={group.event.id} class="coverage-group">
          <h3 lang={PACK_TEXT_LANG}>{group.event.label}</h3>
          <ul class="plain-list coverage-list">
            {group.items.map((item) => (
              <CoverageEntry
                key={item.id}
                item={item}
                pack={pack}
                opened={isOpened(opened, item.url)}
                current={item.id === currentId}
                onOpen={onOpen}
              />
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
