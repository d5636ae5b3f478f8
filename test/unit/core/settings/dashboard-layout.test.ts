// The dashboard's sort and grouping in the settings file (issue 15): kept across a restart, repaired field by field.
import { describe, expect, it } from 'vitest';
import { sanitizeDocument } from '../../../../src/core/settings/schema';

describe('settings.dashboard', () => {
  it('a file from before it gets the old order (by name, by panel), reported as nothing repaired', () => {
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [], settings: { theme: 'dark' } });
    expect(document.settings.dashboard).toEqual({ sort: { key: 'name', direction: 'asc' }, groupBy: 'panel' });
    expect(repaired).toEqual([]);
  });

  it('keeps a saved layout as it is', () => {
    const dashboard = { sort: { key: 'state', direction: 'desc' }, groupBy: 'node' };
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [], settings: { dashboard } });
    expect(document.settings.dashboard).toEqual(dashboard);
    expect(repaired).toEqual([]);
  });

  it.each([
    [
      { sort: { key: 'ping', direction: 'desc' }, groupBy: 'node' },
      { sort: { key: 'name', direction: 'desc' }, groupBy: 'node' },
      ['settings.dashboard.sort.key'],
    ],
    [
      { sort: { key: 'cpu', direction: 'up' }, groupBy: 'egg' },
      { sort: { key: 'cpu', direction: 'asc' }, groupBy: 'panel' },
      ['settings.dashboard.sort.direction', 'settings.dashboard.groupBy'],
    ],
    ['by cpu', { sort: { key: 'name', direction: 'asc' }, groupBy: 'panel' }, ['settings.dashboard']],
  ])('repairs %j field by field', (raw, expected, paths) => {
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [], settings: { dashboard: raw } });
    expect(document.settings.dashboard).toEqual(expected);
    expect(repaired).toEqual(paths);
  });
});
