/** Sorting and filtering of a folder's entries: folders first, like the panel. Pure. */
import type { FileEntry } from '../../../../../shared/types';

export type SortKey = 'name' | 'size' | 'modified';
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortState = { key: 'name', direction: 'ascending' };

// Numeric so `world2` sorts before `world10`; base sensitivity so case does not split names apart.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function byName(a: FileEntry, b: FileEntry): number {
  // The code-point tie-break keeps the order stable for names equal to the collator (`A` and `a`).
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function modifiedMs(entry: FileEntry): number {
  const ms = entry.modifiedAt ? Date.parse(entry.modifiedAt) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

const COMPARE: Record<SortKey, (a: FileEntry, b: FileEntry) => number> = {
  name: byName,
  size: (a, b) => a.sizeBytes - b.sizeBytes,
  modified: (a, b) => modifiedMs(a) - modifiedMs(b),
};

/** A sorted copy: folders first, then by `sort`, then by name. */
export function sortEntries(entries: readonly FileEntry[], sort: SortState): FileEntry[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = COMPARE[sort.key];
  return [...entries].sort((a, b) => {
    if (a.isFile !== b.isFile) return a.isFile ? 1 : -1;
    return sign * compare(a, b) || sign * byName(a, b);
  });
}

/** Clicking a column: the same column flips direction; another starts ascending. */
export function toggleSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase();
}

/** Entries whose name contains `query`, ignoring case; all of them for an empty query. */
export function filterEntries(entries: readonly FileEntry[], query: string): readonly FileEntry[] {
  const needle = fold(query.trim());
  if (needle === '') return entries;
  return entries.filter((entry) => fold(entry.name).includes(needle));
}
