// Other outlets' articles: who published them, from which wire, in which language and when,
// what their excerpts were seen to mention, and which of them the reader has opened; filtered
// by language, wire and event, in the pack's order or by date.
import type { CoverageItem, StoryPack } from '../../packs/schema';
import { Chip } from '../components/Chip';
import { ExternalLink } from '../components/ExternalLink';
import { useState } from 'preact/hooks';
import { plural } from '../shared/plural';
import { displayHost } from '../components/safe-url';
import { ALL_COVERAGE, COVERAGE_SORTS, filteredCoverage, filterOptions, NO_WIRE, type CoverageFilter } from './coverage-view';
import { Disclosure } from './Disclosure';
import { mentionShares } from './glance';
import { langAttribute, languageName, PACK_TEXT_LANG } from './language';
import { coverageByEvent, flagView, isOpened } from './pack-views';
import { MentionShareText, Message, PackText } from './PackText';
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


function Counts({ pack }: { pack: StoryPack }) {
  const { t } = useUi();
  return (
    <div class="counts" data-testid="coverage-counts">
      <ul class="plain-list">
        {mentionShares(pack).map((share) => (
          <li key={share.kind.id}>
            <MentionShareText t={t} share={share} />
          </li>
        ))}
      </ul>
      <p class="small muted">{t('sb_count_basis')}</p>
    </div>
  );
}

function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: Array<[string, string]>; onChange: (v: string) => void }) {
  return (
    <div class="choice">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ pack, filter, onChange }: { pack: StoryPack; filter: CoverageFilter; onChange: (f: CoverageFilter) => void }) {
  const { t, lang } = useUi();
  const options = filterOptions(pack.coverage);
  const all: [string, string] = ['', t('sb_filter_all')];
  return (
    <div class="filters" role="group" aria-label={t('sb_filter_group')} data-testid="coverage-filters">
      <Choice id="sb-filter-lang" label={t('sb_filter_lang')} value={filter.lang} options={[all, ...options.langs.map((l): [string, string] => [l, languageName(l, lang)])]} onChange={(v) => onChange({ ...filter, lang: v })} />
      <Choice
        id="sb-filter-wire"
        label={t('sb_filter_wire')}
        value={filter.wire}
        options={[all, ...options.wires.map((w): [string, string] => [w, w === NO_WIRE ? t('sb_filter_no_wire') : w])]}
        onChange={(v) => onChange({ ...filter, wire: v })}
      />
      {pack.events.length > 1 ? (
        <Choice id="sb-filter-event" label={t('sb_filter_event')} value={filter.event} options={[all, ...pack.events.map((e): [string, string] => [e.id, e.label])]} onChange={(v) => onChange({ ...filter, event: v })} />
      ) : null}
      <Choice
        id="sb-sort"
        label={t('sb_sort')}
        value={filter.sort}
        options={COVERAGE_SORTS.map((s): [string, string] => [s, t(`sb_sort_${s}`)])}
        onChange={(v) => onChange({ ...filter, sort: COVERAGE_SORTS.find((s) => s === v) ?? 'pack' })}
      />
    </div>
  );
}

function Flags({ item, pack }: { item: CoverageItem; pack: StoryPack }) {
  const { t } = useUi();
  const kinds = pack.detection.mentionKinds.filter((kind) => item.mentions[kind.id] !== undefined && item.mentions[kind.id] !== 'n/a');
  if (kinds.length === 0) return null;
  return (
    <dl class="flags small">
      {kinds.map((kind) => {
        const view = flagView(item.mentions[kind.id]!);
        return (
          <div key={kind.id} class={`flag flag-${view.kind}`}>
            <dt lang={PACK_TEXT_LANG}>{kind.label}</dt>
            <dd>{view.kind === 'other' ? <span lang={PACK_TEXT_LANG}>{view.text}</span> : t(`sb_flag_${view.kind.replace(/[^a-z]/g, '_')}`)}</dd>
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
        <PackText>{item.publisher}</PackText>
        {item.wireOrigin ? (
          <>
            {' · '}
            <Message t={t} id="sb_wire" parts={[<PackText key="wire">{item.wireOrigin}</PackText>]} />
          </>
        ) : null}
        {' · '}
        {languageName(item.lang, lang)}
        {' · '}
        {item.date ?? t('sb_date_not_shown')}
      </p>
      <Flags item={item} pack={pack} />
      <SaveControl input={sourceInput(item, pack)} testId="save-source" label={t('sb_save_source')} describedBy={headlineId} compact />
    </li>
  );
}

export function CoverageSection({ pack, opened, currentId, onOpen }: CoverageSectionProps) {
  const { t } = useUi();
  const [filter, setFilter] = useState<CoverageFilter>(ALL_COVERAGE);
  if (pack.coverage.length === 0) return null;
  const shown = filteredCoverage(pack.coverage, filter);
  // In the pack's order the list stays grouped by event; sorted by date it is one list.
  const groups = filter.sort === 'pack' ? coverageByEvent(pack).map((g) => ({ label: g.event.label, id: g.event.id, items: g.items.filter((i) => shown.includes(i)) })) : [{ label: null, id: 'all', items: shown }];
  return (
    <Disclosure id="sb-coverage" title={t('sb_coverage_heading')} count={pack.coverage.length} testId="coverage">
      <Counts pack={pack} />
      <Filters pack={pack} filter={filter} onChange={setFilter} />
      <p class="small muted" aria-live="polite" data-testid="coverage-shown">
        {shown.length === 0 ? t('sb_filter_none') : plural(t, 'sb_filter_showing', pack.coverage.length, String(shown.length), String(pack.coverage.length))}
      </p>
      {groups
        .filter((g) => g.items.length > 0)
        .map((group) => (
          <div key={group.id} class="coverage-group">
            {group.label ? <h3 lang={PACK_TEXT_LANG}>{group.label}</h3> : null}
            <ul class="plain-list coverage-list">
              {group.items.map((item) => (
                <CoverageEntry key={item.id} item={item} pack={pack} opened={isOpened(opened, item.url)} current={item.id === currentId} onOpen={onOpen} />
              ))}
            </ul>
          </div>
        ))}
    </Disclosure>
  );
}
