// Filtering and sorting the coverage list, kept pure: by language, by wire and by event, in the
// pack's order or by date. Dates are kept as the source gave them ("c. 2025-11-15"), so sorting
// reads the first ISO date in them and puts undated items last.
import type { CoverageItem } from '../../packs/schema';

export type CoverageSort = 'pack' | 'newest' | 'oldest';
export const COVERAGE_SORTS: readonly CoverageSort[] = ['pack', 'newest', 'oldest'];

/** A filter value: '' is "all"; for the wire, NO_WIRE is "original reporting". */
export interface CoverageFilter {
  lang: string;
  wire: string;
  event: string;
  sort: CoverageSort;
}

export const NO_WIRE = '-';
export const ALL_COVERAGE: CoverageFilter = { lang: '', wire: '', event: '', sort: 'pack' };

function primaryLanguage(item: CoverageItem): string {
  return item.lang.split('/')[0]!;
}

/** The first YYYY-MM-DD (or YYYY-MM) in a date as given, or null; they compare as strings. */
export function sortableDate(date: string | null): string | null {
  return date ? (/\d{4}-\d{2}(?:-\d{2})?/.exec(date)?.[0] ?? null) : null;
}

export interface FilterOptions {
  /** Languages by how many items are in them, most first. */
  langs: string[];
  /** Wires by how many items carry them, most first; NO_WIRE last when some have none. */
  wires: string[];
}

export function filterOptions(coverage: readonly CoverageItem[]): FilterOptions {
  const ranked = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  };
  const wires = ranked(coverage.flatMap((item) => (item.wireOrigin ? [item.wireOrigin] : [])));
  if (coverage.some((item) => !item.wireOrigin)) wires.push(NO_WIRE);
  return { langs: ranked(coverage.map(primaryLanguage)), wires };
}

export function matchesFilter(item: CoverageItem, filter: CoverageFilter): boolean {
  if (filter.lang && primaryLanguage(item) !== filter.lang) return false;
  if (filter.wire && (item.wireOrigin ?? NO_WIRE) !== filter.wire) return false;
  if (filter.event && item.event !== filter.event) return false;
  return true;
}

/** The items that pass the filter, in the chosen order (stable: ties keep the pack's order). */
export function filteredCoverage(coverage: readonly CoverageItem[], filter: CoverageFilter): CoverageItem[] {
  const kept = coverage.filter((item) => matchesFilter(item, filter));
  if (filter.sort === 'pack') return kept;
  const sign = filter.sort === 'newest' ? -1 : 1;
  return kept
    .map((item, i) => ({ item, i, date: sortableDate(item.date) }))
    .sort((a, b) => {
      if (a.date === b.date) return a.i - b.i;
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return sign * a.date.localeCompare(b.date);
    })
    .map(({ item }) => item);
}
