import { describe, expect, it } from 'vitest';
import type { AccountView, ServerView } from '../../shared/types';
import { accountNotice, eventText, WatchLines } from './watch-lines';

const AT = Date.parse('2030-01-01T00:00:00Z');

function view(identifier: string, patch: Partial<ServerView> = {}): ServerView {
  return {
    accountId: 'cli',
    identifier,
    uuid: null,
    name: `srv ${identifier}`,
    node: 'n',
    description: null,
    state: 'unknown',
    availability: 'ok',
    isLive: false,
    isStateCurrent: false,
    stateSeenAt: null,
    resources: null,
    limits: { memoryMib: 0, diskMib: 0, cpuPercent: 0 },
    address: null,
    sftp: null,
    liveIssue: null,
    featurePrompt: null,
    ...patch,
  };
}
const live = (identifier: string, state: ServerView['state'], patch: Partial<ServerView> = {}): ServerView =>
  view(identifier, { state, isLive: true, isStateCurrent: true, stateSeenAt: AT, ...patch });

describe('WatchLines', () => {
  it('prints a state once seen, changes, additions and removals; unknown is not a line', () => {
    const lines = new WatchLines();
    expect(lines.next([view('a'), view('b')], true, AT)).toEqual([]);
    expect(lines.next([live('a', 'offline'), view('b')], true, AT).map(eventText)).toEqual(['2030-01-01T00:00:00.000Z  a  srv a  unknown -> offline']);
    expect(lines.next([live('a', 'running'), view('b', { availability: 'suspended' }), view('c')], true, AT).map(eventText)).toEqual([
      '2030-01-01T00:00:00.000Z  a  srv a  offline -> running',
      '2030-01-01T00:00:00.000Z  b  srv b  unknown -> suspended (last known, seen never)',
      '2030-01-01T00:00:00.000Z  c  srv c  added (unknown)',
    ]);
    expect(lines.next([live('a', 'running')], true, AT).map((e) => `${e.event}:${e.identifier}`)).toEqual(['removed:b', 'removed:c']);
  });

  it('marks a state that is no longer current as last known, but not server by server while the panel is down', () => {
    const lines = new WatchLines();
    lines.next([live('a', 'running'), live('b', 'running')], true, AT);
    const stale = { isLive: false, isStateCurrent: false };
    expect(lines.next([live('a', 'running', stale), live('b', 'running')], true, AT + 1).map(eventText)).toEqual([
      '2030-01-01T00:00:00.001Z  a  srv a  running (last known, seen 2030-01-01T00:00:00.000Z): no longer followed live',
    ]);
    expect(lines.next([live('a', 'running', stale), live('b', 'running', stale)], false, AT + 2)).toEqual([]);
    expect(lines.next([live('a', 'offline'), live('b', 'stopping', stale)], false, AT + 3).map(eventText)).toEqual([
      '2030-01-01T00:00:00.003Z  a  srv a  running -> offline',
      '2030-01-01T00:00:00.003Z  b  srv b  running -> stopping (last known, seen 2030-01-01T00:00:00.000Z)',
    ]);
  });

  it('removes escape sequences (7-bit and C1) and control characters from names', () => {
    const lines = new WatchLines();
    const [event] = lines.next([live('a', 'running', { name: 'evil\u001b[2J\u009b31m\u001b]0;owned\u0007\nname' })], true, AT);
    expect(eventText(event!)).toBe('2030-01-01T00:00:00.000Z  a  evil name  unknown -> running');
  });
});

describe('accountNotice', () => {
  const account = (status: AccountView['status'], statusMessage: string | null = null): AccountView => ({
    id: 'cli',
    name: 'p',
    url: 'http://x',
    username: null,
    status,
    statusMessage,
    keyStorage: 'session',
    isDemo: false,
    allowsPlainHttp: false,
  });
  it.each([
    [null, account('checking'), null],
    ['checking', account('ok'), null],
    ['ok', account('ok'), null],
    [
      'ok',
      account('unreachable', 'Could not reach\u0007 the panel.'),
      'pterotray: the panel cannot be reached: Could not reach  the panel. Retrying; states printed before this are last known.',
    ],
    ['unreachable', account('ok'), '[pterotray] the panel answers again; states follow as they are seen.'],
  ] as const)('%s -> %j', (before, next, expected) => {
    expect(accountNotice(before, next)).toBe(expected);
  });
});
