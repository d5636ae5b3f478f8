import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, filterEntries, sortEntries, toggleSort } from './sorting';
import { fileEntry, folderEntry } from './test-entries';

const entries = [
  fileEntry('b.txt', { sizeBytes: 10, modifiedAt: '2024-01-03T00:00:00Z' }),
  folderEntry('world10'),
  fileEntry('A.txt', { sizeBytes: 30, modifiedAt: '2024-01-01T00:00:00Z' }),
  folderEntry('world2'),
  fileEntry('c.log', { sizeBytes: 20, modifiedAt: null }),
];
const names = (list: readonly { name: string }[]): string[] => list.map((e) => e.name);

describe('sortEntries', () => {
  it('puts folders first, then names in natural, case-insensitive order', () => {
    expect(names(sortEntries(entries, DEFAULT_SORT))).toEqual(['world2', 'world10', 'A.txt', 'b.txt', 'c.log']);
  });

  it('sorts by size and by date, both ways, folders still first', () => {
    expect(names(sortEntries(entries, { key: 'size', direction: 'ascending' }))).toEqual(['world2', 'world10', 'b.txt', 'c.log', 'A.txt']);
    expect(names(sortEntries(entries, { key: 'size', direction: 'descending' }))).toEqual(['world10', 'world2', 'A.txt', 'c.log', 'b.txt']);
    expect(names(sortEntries(entries, { key: 'modified', direction: 'descending' }))).toEqual(['world10', 'world2', 'b.txt', 'A.txt', 'c.log']);
  });

  it('does not change its input', () => {
    const before = names(entries);
    sortEntries(entries, { key: 'size', direction: 'descending' });
    expect(names(entries)).toEqual(before);
  });

  it('toggles the direction of the same column and starts another ascending', () => {
    expect(toggleSort(DEFAULT_SORT, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(toggleSort({ key: 'name', direction: 'descending' }, 'size')).toEqual({ key: 'size', direction: 'ascending' });
  });
});

describe('filterEntries', () => {
  const odd = [fileEntry('Café.txt'), fileEntry('a+b#1'), fileEntry('100%'), folderEntry('-rf')];

  it.each([
    ['café', ['Café.txt']],
    ['+B#', ['a+b#1']],
    ['%', ['100%']],
    ['-r', ['-rf']],
    ['  ', ['Café.txt', 'a+b#1', '100%', '-rf']],
    ['zzz', []],
  ])('%j keeps %j', (query, kept) => {
    expect(names(filterEntries(odd, query))).toEqual(kept);
  });
});
