// Search box, the four filters (story, kind, tag, site) and the sort order.
import type { RefObject } from 'preact';
import { ITEM_KINDS } from '../../storage/model';
import type { Facet, Facets } from '../../storage/search';
import { NO_STORY, SORT_CHOICES, type SortChoice, type ViewFilters } from './model';

interface Props {
  filters: ViewFilters;
  facets: Facets | null;
  /** Items with no story, for the "Not in a story" option. */
  storylessCount: number;
  onChange: (patch: Partial<ViewFilters>) => void;
  storyTitle: (storyId: string) => string | null;
  t: (key: string, ...subs: string[]) => string;
  searchRef: RefObject<HTMLInputElement | null>;
}

type FilterKey = 'story' | 'kind' | 'tag' | 'site';

interface Option {
  value: string;
  label: string;
}

/** Keeps the current value in the menu even when no item has it any more. */
function withCurrent(options: Option[], current: string, label: string): Option[] {
  return current === '' || options.some((o) => o.value === current) ? options : [...options, { value: current, label }];
}

function facetOptions(facets: Facet[] | undefined, label: (value: string) => string): Option[] {
  return (facets ?? []).map((f) => ({ value: f.value, label: `${label(f.value)} (${f.count})` }));
}

function Select(props: {
  id: string;
  testid: string;
  label: string;
  allLabel?: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label class="sr-only" for={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        data-testid={props.testid}
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.allLabel !== undefined ? <option value="">{props.allLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SearchAndFilters({ filters, facets, storylessCount, onChange, storyTitle, t, searchRef }: Props) {
  const storyOptions = facetOptions(facets?.storyIds, (id) => storyTitle(id) ?? id);
  if (storylessCount > 0) storyOptions.push({ value: NO_STORY, label: `${t('pp_noStoryItems')} (${storylessCount})` });
  const kindCounts = new Map((facets?.kinds ?? []).map((f) => [f.value, f.count]));
  const kindOptions = ITEM_KINDS.map((kind) => ({
    value: kind,
    label: `${t(`pp_kind_${kind}`)} (${kindCounts.get(kind) ?? 0})`,
  }));
  const tagOptions = facetOptions(facets?.tags, (tag) => tag);
  const siteOptions = facetOptions(facets?.sites, (site) => site);
  // Each menu keeps its current value listed even when no item has it any more.
  const filterMenus: Array<[FilterKey, string, string, Option[]]> = [
    ['story', 'pp_filterStory', 'pp_allStories', withCurrent(storyOptions, filters.story, storyTitle(filters.story) ?? filters.story)],
    ['kind', 'pp_filterKind', 'pp_allKinds', kindOptions],
    ['tag', 'pp_filterTag', 'pp_allTags', withCurrent(tagOptions, filters.tag, filters.tag)],
    ['site', 'pp_filterSite', 'pp_allSites', withCurrent(siteOptions, filters.site, filters.site)],
  ];

  return (
    <div class="filters" role="search">
      <div class="search-row">
        <label class="sr-only" for="pp-search">
          {t('pp_searchLabel')}
        </label>
        <input
          id="pp-search"
          ref={searchRef}
          type="search"
          data-testid="search"
          autocomplete="off"
          spellcheck={false}
          maxLength={500}
          placeholder={t('pp_searchPlaceholder')}
          value={filters.text}
          onInput={(e) => onChange({ text: (e.currentTarget as HTMLInputElement).value })}
        />
        <Select
          id="pp-sort"
          testid="sort"
          label={t('pp_sortLabel')}
          value={filters.sort}
          options={SORT_CHOICES.map((s) => ({ value: s, label: t(`pp_sort_${s}`) }))}
          onChange={(v) => onChange({ sort: v as SortChoice })}
        />
      </div>
      <div class="filter-row">
        {filterMenus.map(([key, labelKey, allKey, options]) => (
          <Select
            key={key}
            id={`pp-${key}`}
            testid={`filter-${key}`}
            label={t(labelKey)}
            allLabel={t(allKey)}
            value={filters[key]}
            options={options}
            onChange={(v) => onChange({ [key]: v })}
          />
        ))}
      </div>
    </div>
  );
}
