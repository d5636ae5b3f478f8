import { describe, expect, it } from 'vitest';
import type { NotifiableEvent } from '../../core/rules/notification-policy';
import type { AccountView } from '../../shared/types';
import { accountEntry, formatJson, formatText, monitorEntry, serverEntry } from './daemon-log';

const AT = Date.UTC(2026, 11, 4, 1, 12, 0);
const server = { accountId: 'acc-1', identifier: '1a2b3c4d', name: 'Survival' };
const names = (id: string): string => (id === 'acc-1' ? 'main' : id);

describe('formatText / formatJson', () => {
  const entry = {
    atMs: AT,
    level: 'info' as const,
    event: 'state',
    account: 'main',
    server: '1a2b3c4d',
    name: 'Sur\u001b]0;x\u0007vival',
    message: 'offline -> running',
    fields: { from: 'offline', to: 'running' },
  };

  it('one plain line: time, level, event, panel, server, name, message; an escape sequence removed whole', () => {
    expect(formatText(entry)).toBe('2026-12-04T01:12:00.000Z  info  state  main  1a2b3c4d  Survival  offline -> running');
  });

  it('one JSON object with the fields, control characters escaped', () => {
    const line = formatJson(entry);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('\u001b');
    expect(JSON.parse(line)).toEqual({
      at: '2026-12-04T01:12:00.000Z',
      level: 'info',
      event: 'state',
      account: 'main',
      server: '1a2b3c4d',
      name: 'Sur\u001b]0;x\u0007vival',
      message: 'offline -> running',
      from: 'offline',
      to: 'running',
    });
  });

  it('leaves out what an entry does not concern', () => {
    expect(formatText({ atMs: AT, level: 'warn', event: 'config', message: 'm' })).toBe('2026-12-04T01:12:00.000Z  warn  config  m');
    expect(JSON.parse(formatJson({ atMs: AT, level: 'warn', event: 'config', message: 'm' }))).toEqual({
      at: '2026-12-04T01:12:00.000Z',
      level: 'warn',
      event: 'config',
      message: 'm',
    });
  });
});

describe('serverEntry', () => {
  it('a state seen, with the watch line words', () => {
    const entry = serverEntry('main', {
      event: 'state',
      identifier: '1a2b3c4d',
      name: 'Survival',
      from: 'offline',
      to: 'running',
      isCurrent: true,
      seenAtMs: AT,
      atMs: AT,
    });
    expect(entry).toMatchObject({
      event: 'state',
      account: 'main',
      server: '1a2b3c4d',
      message: 'offline -> running',
      fields: { from: 'offline', to: 'running', is_current: true },
    });
  });
});

describe('monitorEntry', () => {
  const crash = { type: 'crash', server, atMs: AT, crashId: 1, reaction: 'restarting', isRepeat: false, loop: null } as const;
  it.each<[string, NotifiableEvent, Record<string, unknown> | null]>([
    ['a crash', crash, { level: 'error', event: 'crash', account: 'main', server: '1a2b3c4d', message: 'crashed: Wings is restarting it' }],
    ['a repeat', { ...crash, reaction: 'not-restarted', isRepeat: true }, { message: 'crashed: Wings did not restart it, again within a minute' }],
    ['a loop', { ...crash, loop: 'started' }, { message: 'crashed: Wings is restarting it, a crash loop (3 in 10 minutes)' }],
    ['suspended', { type: 'suspended', server, atMs: AT }, { level: 'warn', event: 'suspended', message: 'the panel suspended it' }],
    [
      'usage',
      { type: 'usage', server, metric: 'memory', percentOfLimit: 93.4, atMs: AT },
      { level: 'warn', message: 'memory at 93% of its limit', fields: { metric: 'memory', percent_of_limit: 93.4 } },
    ],
    [
      'a node down',
      { type: 'node-unreachable', accountId: 'acc-1', accountName: 'main', node: 'n1', atMs: AT },
      { account: 'main', message: 'node n1 cannot be reached' },
    ],
    ['a node back', { type: 'node-recovered', accountId: 'acc-1', node: 'n1', atMs: AT }, { account: 'main', message: 'node n1 answers again' }],
    // Told by the server lines and the account's status line instead: one line per event.
    ['a state', { type: 'state', server, from: 'offline', to: 'running', atMs: AT, isCrash: false }, null],
    ['a key revoked', { type: 'key-revoked', accountId: 'acc-1', accountName: 'main', atMs: AT }, null],
  ])('%s', (_what, event, expected) => {
    const entry = monitorEntry(event, names);
    if (expected === null) expect(entry).toBeNull();
    else expect(entry).toMatchObject(expected);
  });
});

describe('accountEntry', () => {
  const view = (status: AccountView['status'], statusMessage: string | null = null): AccountView =>
    ({ id: 'acc-1', name: 'main', url: 'https://p', username: null, status, statusMessage, keyStorage: 'session' }) as AccountView;

  it.each<[AccountView['status'] | null, AccountView, string | null]>([
    [null, view('checking'), null],
    [null, view('ok'), 'the panel answers'],
    ['ok', view('ok'), null],
    [
      'ok',
      view('unreachable', 'The panel refused the connection (ECONNREFUSED).'),
      'the panel cannot be reached: The panel refused the connection (ECONNREFUSED); retrying',
    ],
    ['unreachable', view('ok'), 'the panel answers again; states follow as they are seen'],
    ['ok', view('rate-limited'), 'the panel asked to wait (rate limit); carrying on when it allows'],
    ['ok', view('key-revoked', 'The panel refused the API key.'), 'The panel refused the API key: give the account a new key, then reload (SIGHUP)'],
  ])('%s -> %j', (before, account, message) => {
    const entry = accountEntry(before, account, AT);
    expect(entry?.message ?? null).toBe(message);
    if (entry !== null) expect(entry).toMatchObject({ event: 'account', account: 'main', fields: { status: account.status } });
  });
});
