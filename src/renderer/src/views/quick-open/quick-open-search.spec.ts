import { describe, expect, it } from 'vitest';
import { quickOpenMatches } from './quick-open-search';
import type { AccountView, ServerView } from '../../../../shared/types';

const accounts = [
  { id: 'a1', name: 'Home panel' },
  { id: 'a2', name: 'Friends' },
] as AccountView[];
const server = (accountId: string, identifier: string, name: string, node = 'Node 1') => ({ accountId, identifier, name, node }) as ServerView;
const servers = [
  server('a1', 'aaaa0001', 'Vanilla Survival'),
  server('a1', 'aaaa0002', 'Survival 1'),
  server('a1', 'aaaa0003', 'Survival 10'),
  server('a1', 'aaaa0004', 'Survival 2'),
  server('a2', 'bbbb0001', 'Modded Skyblock', 'Frankfurt'),
  server('a2', 'bbbb0002', 'Café Lobby'),
];
const names = (query: string, limit?: number) => quickOpenMatches(servers, accounts, query, limit).map((m) => m.server.name);

describe('quickOpenMatches', () => {
  it.each([
    // A name that starts with the query first (numbers in order), then a word of a name.
    ['surv', ['Survival 1', 'Survival 2', 'Survival 10', 'Vanilla Survival']],
    // "1" is also in "Node 1": those come after the names that hold the whole query.
    ['SURVIVAL 1', ['Survival 1', 'Survival 10', 'Survival 2', 'Vanilla Survival']],
    // Accents and case aside.
    ['cafe', ['Café Lobby']],
    // By identifier, node or panel when the name does not say it.
    ['bbbb0001', ['Modded Skyblock']],
    ['frankfurt', ['Modded Skyblock']],
    ['friends lobby', ['Café Lobby']],
    ['nothing like it', []],
  ])('%j', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it('lists every server by name for an empty query, up to the limit, with its panel', () => {
    expect(names('')).toHaveLength(servers.length);
    expect(names('', 2)).toEqual(['Café Lobby', 'Modded Skyblock']);
    expect(quickOpenMatches(servers, accounts, 'sky')[0]?.panelName).toBe('Friends');
  });
});
