import { describe, expect, it } from 'vitest';
import { accountProblemLine, panelMarks, spokenProblemLine, unheadedProblems } from './panel-problems';
import { arrangeServers } from './server-order';
import { makeAccount, makeServer } from '../../../test/view-models';
import type { DashboardLayout } from '../../../../shared/types';

describe('panel problems whatever the grouping (issue 15b)', () => {
  const down = makeAccount({ id: 'a', name: 'Alpha', status: 'unreachable', statusMessage: 'Connection refused' });
  const fine = makeAccount({ id: 'b', name: 'Beta', status: 'ok' });
  const limited = makeAccount({ id: 'c', name: 'Gamma', status: 'rate-limited', retryAtMs: 100_000 });
  const checking = makeAccount({ id: 'd', name: 'Delta', status: 'checking' });
  const accounts = [down, fine, limited, checking];
  const servers = [
    makeServer({ accountId: 'a', identifier: 'aaaa1111', name: 'One', node: 'n1' }),
    makeServer({ accountId: 'b', identifier: 'bbbb2222', name: 'Two', node: 'n1' }),
    makeServer({ accountId: 'c', identifier: 'cccc3333', name: 'Three', node: 'n2' }),
  ];
  const layout = (groupBy: DashboardLayout['groupBy']): DashboardLayout => ({ sort: { key: 'name', direction: 'asc' }, groupBy });
  const names = (list: { name: string }[]): string[] => list.map((a) => a.name);

  it('grouped by panel, the headers name them: nothing more above', () => {
    expect(unheadedProblems(accounts, arrangeServers(accounts, servers, layout('panel'), false))).toEqual([]);
  });

  it.each(['node', 'none'] as const)('grouped by %s, every panel in trouble is named, in the accounts’ order', (groupBy) => {
    expect(names(unheadedProblems(accounts, arrangeServers(accounts, servers, layout(groupBy), false)))).toEqual(['Alpha', 'Gamma']);
  });

  it('grouped by panel with a search that empties a panel’s group, that panel is named above', () => {
    const shown = servers.filter((s) => s.name === 'Two');
    expect(names(unheadedProblems(accounts, arrangeServers(accounts, shown, layout('panel'), true)))).toEqual(['Alpha', 'Gamma']);
  });

  it('says what the header says: unreachable with why, a rate limit counting down', () => {
    expect(accountProblemLine(down, () => 0)).toBe('The panel cannot be reached; Pterotray keeps checking. Connection refused');
    expect(accountProblemLine(limited, () => 58_000)).toBe('The panel asked to wait before the next request (rate limit): it answers again in 42 s.');
    expect(accountProblemLine(fine, () => 0)).toBe('');
  });

  it('tells a screen reader the same words, but a rate limit’s end as a clock time that does not tick', () => {
    expect(spokenProblemLine(down)).toBe(accountProblemLine(down, () => 0));
    const spoken = spokenProblemLine(limited);
    expect(spoken).toMatch(/^The panel asked to wait before the next request \(rate limit\): it answers again at \S.*\.$/);
    expect(spoken).not.toMatch(/ in \d+ s/);
    expect(spokenProblemLine({ ...limited, retryAtMs: null })).toBe('The panel asked to wait before the next request.');
  });

  it('reads the clock only for a rate limit', () => {
    let reads = 0;
    accountProblemLine(down, () => ++reads);
    expect(reads).toBe(0);
    accountProblemLine(limited, () => ++reads);
    expect(reads).toBe(1);
  });

  it('marks rows short, with the panel and the plain reason on hover (no countdown to redraw)', () => {
    const marks = panelMarks([down, limited]);
    expect(marks.get('a')).toEqual({ text: 'Panel unreachable', title: 'Alpha: The panel cannot be reached; Pterotray keeps checking. Connection refused' });
    expect(marks.get('c')).toEqual({ text: 'Panel rate-limited', title: 'Gamma: The panel asked to wait before the next request.' });
    expect(marks.has('b')).toBe(false);
  });
});
