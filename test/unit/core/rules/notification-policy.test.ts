import { describe, expect, it } from 'vitest';
import { DEDUPE_WINDOW_MS, decideNotices, type CrashEvent, type NoticeRules, type NotifiableEvent } from '../../../../src/core/rules/notification-policy';

const server = { accountId: 'a1', identifier: 'abcd1234', name: 'Survival' };
const other = { accountId: 'a2', identifier: 'ffff0000', name: 'Creative' };
const rules: NoticeRules = {
  global: { onStateChange: true, onCrash: true, onUsage: true },
  accounts: {},
  servers: {},
  pausedUntilMs: null,
  confirmOwnActions: true,
};

const crash = (atMs: number, s = server, patch: Partial<CrashEvent> = {}): NotifiableEvent => ({
  type: 'crash',
  server: s,
  atMs,
  crashId: 1,
  reaction: 'unknown',
  isRepeat: false,
  loop: null,
  ...patch,
});
const up = (atMs: number, s = server): NotifiableEvent => ({ type: 'state', server: s, from: 'starting', to: 'running', atMs, isCrash: false });

describe('decideNotices', () => {
  it('shows a crash, with a target to open', () => {
    const { notices } = decideNotices([crash(0)], rules, new Map(), 0);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: 'Survival crashed', urgency: 'critical', target: { accountId: 'a1', identifier: 'abcd1234' } });
  });

  it('drops the same crash told twice, never a second crash however soon', () => {
    const first = decideNotices([crash(0)], rules, new Map(), 0);
    const repeat = decideNotices([crash(1000)], rules, first.ledger, 1000);
    expect(repeat.notices).toHaveLength(0);
    const second = decideNotices([crash(2000, server, { crashId: 2, isRepeat: true })], rules, repeat.ledger, 2000);
    expect(second.notices.map((n) => n.title)).toEqual(['Survival crashed again']);
    const later = decideNotices([crash(DEDUPE_WINDOW_MS.crash)], rules, repeat.ledger, DEDUPE_WINDOW_MS.crash);
    expect(later.notices).toHaveLength(1);
  });

  it.each([
    { patch: { reaction: 'restarting' }, title: 'Survival crashed', body: 'Wings is restarting it. Open the console to see why it stopped.' },
    { patch: { reaction: 'not-restarted' }, title: 'Survival crashed again', body: 'Wings did not restart it: start it by hand.' },
    { patch: { reaction: 'unknown', isRepeat: true }, title: 'Survival crashed again', body: 'Wings did not restart it: start it by hand.' },
    { patch: { reaction: 'restart-failed' }, title: 'Survival crashed', body: 'Wings could not restart it: start it by hand.' },
    {
      patch: { reaction: 'detection-disabled' },
      title: 'Survival crashed',
      body: 'Crash detection is off for this server, so Wings did not restart it: start it by hand.',
    },
    { patch: { reaction: 'unknown' }, title: 'Survival crashed', body: 'It stopped without being asked to. Open the console to see why.' },
    {
      patch: { loop: 'started', reaction: 'restarting' },
      title: 'Survival keeps crashing',
      body: '3 crashes in 10 minutes. Wings is restarting it. Open the console to see why it stopped.',
    },
    { patch: { loop: 'ongoing', reaction: 'not-restarted' }, title: 'Survival crashed again', body: 'Wings did not restart it: start it by hand.' },
  ] satisfies Array<{ patch: Partial<CrashEvent>; title: string; body: string }>)(
    'words a crash by what Wings did: $title / $body',
    ({ patch, title, body }) => {
      expect(decideNotices([crash(0, server, patch)], rules, new Map(), 0).notices).toEqual([expect.objectContaining({ title, body, urgency: 'critical' })]);
    },
  );

  it('says a crash loop once: the crashes after it are quiet unless Wings gives up', () => {
    expect(decideNotices([crash(0, server, { crashId: 4, loop: 'ongoing', reaction: 'restarting' })], rules, new Map(), 0).notices).toEqual([]);
  });

  it('tells a suspension once, and again only after the server was unsuspended', () => {
    const suspended: NotifiableEvent = { type: 'suspended', server, atMs: 0 };
    const first = decideNotices([suspended, suspended], rules, new Map(), 0);
    expect(first.notices).toEqual([expect.objectContaining({ title: 'Survival was suspended by the panel', urgency: 'normal' })]);
    const again = decideNotices([{ type: 'unsuspended', server, atMs: 1 }, suspended], rules, first.ledger, 2);
    expect(again.notices).toHaveLength(1);
    const quiet: NoticeRules = { ...rules, servers: { 'a1/abcd1234': { onStateChange: false } } };
    expect(decideNotices([suspended], quiet, new Map(), 0).notices).toEqual([]);
  });

  it('does not announce "went down" for a crash, nor any change from unknown', () => {
    const events: NotifiableEvent[] = [
      { type: 'state', server, from: 'running', to: 'offline', atMs: 0, isCrash: true },
      { type: 'state', server: other, from: 'unknown', to: 'running', atMs: 0, isCrash: false },
    ];
    expect(decideNotices(events, rules, new Map(), 0).notices).toEqual([]);
  });

  it('announces up and down, but not starting or stopping', () => {
    const events: NotifiableEvent[] = [
      up(0),
      { type: 'state', server: other, from: 'stopping', to: 'offline', atMs: 0, isCrash: false },
      { type: 'state', server, from: 'offline', to: 'starting', atMs: 0, isCrash: false },
    ];
    expect(decideNotices(events, rules, new Map(), 0).notices.map((n) => n.title)).toEqual(['Survival is up', 'Creative went down']);
  });

  it('applies server over account over global rules', () => {
    const custom: NoticeRules = {
      ...rules,
      accounts: { a1: { onStateChange: false } },
      servers: { 'a2/ffff0000': { onCrash: false } },
    };
    const events = [up(0), up(0, other), crash(0), crash(0, other)];
    const titles = decideNotices(events, custom, new Map(), 0).notices.map((n) => n.title);
    expect(titles).toEqual(['Creative is up', 'Survival crashed']);
  });

  it('shows nothing while paused (for a time or until resumed), and the pause ends', () => {
    expect(decideNotices([crash(0)], { ...rules, pausedUntilMs: 10_000 }, new Map(), 5000).notices).toEqual([]);
    expect(decideNotices([crash(0)], { ...rules, pausedUntilMs: -1 }, new Map(), 5000).notices).toEqual([]);
    expect(decideNotices([crash(0)], { ...rules, pausedUntilMs: 10_000 }, new Map(), 10_000).notices).toHaveLength(1);
  });

  it('tells a revoked key once per episode', () => {
    const revoked: NotifiableEvent = { type: 'key-revoked', accountId: 'a1', accountName: 'Home', atMs: 0 };
    const first = decideNotices([revoked, revoked], rules, new Map(), 0);
    expect(first.notices).toHaveLength(1);
    const hourLater = decideNotices([revoked], rules, first.ledger, 3_600_000);
    expect(hourLater.notices).toHaveLength(0);
    const recovered = decideNotices([{ type: 'account-recovered', accountId: 'a1', atMs: 1 }, revoked], rules, hourLater.ledger, 3_600_001);
    expect(recovered.notices).toHaveLength(1);
  });

  it('tells an unreachable node once until it recovers', () => {
    const down: NotifiableEvent = { type: 'node-unreachable', accountId: 'a1', accountName: 'Home', node: 'Node 1', atMs: 0 };
    const first = decideNotices([down], rules, new Map(), 0);
    expect(first.notices[0]?.title).toBe('Node 1 is unreachable');
    expect(decideNotices([down], rules, first.ledger, 999_999).notices).toHaveLength(0);
    const back = decideNotices([{ type: 'node-recovered', accountId: 'a1', node: 'Node 1', atMs: 1 }, down], rules, first.ledger, 2);
    expect(back.notices).toHaveLength(1);
  });

  it('names the usage level', () => {
    const usage: NotifiableEvent = { type: 'usage', server, metric: 'memory', percentOfLimit: 93.4, atMs: 0 };
    expect(decideNotices([usage], rules, new Map(), 0).notices[0]).toMatchObject({
      title: 'Survival: Memory high',
      body: 'Memory has stayed at 93% of its limit.',
    });
  });
});

describe('names in notices (issue 11, item 2)', () => {
  // A panel names servers and nodes; what it names them is shown, cleaned of what could reorder
  // or break the sentence. Markup is left to the desktop layer (desktop-text.ts), per platform.
  const hostile = { ...server, name: 'Lobby\u202E dehsarc\u0007\nx' };
  const long = { ...server, name: 'n'.repeat(200) };
  const empty = { ...server, name: '\u2066\u2069\n' };

  it.each([
    ['a crash', crash(0, hostile), 'Lobby dehsarc x crashed', ''],
    ['a state change', up(0, hostile), 'Lobby dehsarc x is up', 'It finished starting.'],
    ['a suspension', { type: 'suspended', server: hostile, atMs: 0 }, 'Lobby dehsarc x was suspended by the panel', ''],
    ['a usage alert', { type: 'usage', server: hostile, metric: 'cpu', percentOfLimit: 99, atMs: 0 }, 'Lobby dehsarc x: CPU high', ''],
    [
      'a node',
      { type: 'node-unreachable', accountId: 'a1', accountName: 'Home\u202E', node: 'node\u2066-1\n', atMs: 0 },
      'node-1 is unreachable',
      'Home: the panel has not reached this node for over a minute.',
    ],
    ['a key', { type: 'key-revoked', accountId: 'a1', accountName: '\u202EHome\r\n', atMs: 0 }, 'Home: API key rejected', ''],
    ['a name of nothing but controls: the identifier', crash(0, empty), 'abcd1234 crashed', ''],
    ['a node of nothing: "A node"', { type: 'node-unreachable', accountId: 'a1', accountName: 'Home', node: '\u202E', atMs: 0 }, 'A node is unreachable', ''],
    ['a long name, cut', crash(0, long), `${'n'.repeat(63)}… crashed`, ''],
  ] satisfies Array<[string, NotifiableEvent, string, string]>)('%s', (_what, event, title, body) => {
    const [notice] = decideNotices([event], rules, new Map(), 0).notices;
    expect(notice?.title).toBe(title);
    if (body) expect(notice?.body).toBe(body);
  });

  it('keeps the raw node name in the key, so its recovery still clears it', () => {
    const node = 'node\u2066-1';
    const first = decideNotices([{ type: 'node-unreachable', accountId: 'a1', accountName: 'Home', node, atMs: 0 }], rules, new Map(), 0);
    const recovered = decideNotices([{ type: 'node-recovered', accountId: 'a1', node, atMs: 1 }], rules, first.ledger, 1);
    expect(decideNotices([{ type: 'node-unreachable', accountId: 'a1', accountName: 'Home', node, atMs: 2 }], rules, recovered.ledger, 2).notices).toHaveLength(
      1,
    );
  });
});
