import { describe, expect, it } from 'vitest';
import {
  DEDUPE_WINDOW_MS,
  decideNotices,
  type NoticeRules,
  type NotifiableEvent,
} from '../../../../src/core/rules/notification-policy';

const server = { accountId: 'a1', identifier: 'abcd1234', name: 'Survival' };
const other = { accountId: 'a2', identifier: 'ffff0000', name: 'Creative' };
const rules: NoticeRules = {
  global: { onStateChange: true, onCrash: true, onUsage: true },
  accounts: {},
  servers: {},
  pausedUntilMs: null,
};

const crash = (atMs: number, s = server): NotifiableEvent => ({ type: 'crash', server: s, atMs });
const up = (atMs: number, s = server): NotifiableEvent => ({ type: 'state', server: s, from: 'starting', to: 'running', atMs, isCrash: false });

describe('decideNotices', () => {
  it('shows a crash, with a target to open', () => {
    const { notices } = decideNotices([crash(0)], rules, new Map(), 0);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: 'Survival crashed', urgency: 'critical', target: { accountId: 'a1', identifier: 'abcd1234' } });
  });

  it('drops a repeat within the window and shows it again after', () => {
    const first = decideNotices([crash(0)], rules, new Map(), 0);
    const repeat = decideNotices([crash(1000)], rules, first.ledger, 1000);
    expect(repeat.notices).toHaveLength(0);
    const later = decideNotices([crash(DEDUPE_WINDOW_MS.crash)], rules, repeat.ledger, DEDUPE_WINDOW_MS.crash);
    expect(later.notices).toHaveLength(1);
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
    expect(decideNotices([usage], rules, new Map(), 0).notices[0]).toMatchObject({ title: 'Survival: Memory high', body: 'Memory has stayed at 93% of its limit.' });
  });
});
