/** Own actions (issue 15, item 5): a tray Restart is one "… restarted" or nothing, never "It was stopping.". */
import { describe, expect, it } from 'vitest';
import { NoticeCenter } from '../../../../src/core/rules/notice-center';
import { stateChangeBody, type NotifiableEvent } from '../../../../src/core/rules/notification-policy';
import { OWN_ACTION_TIMEOUT_MS, expectOwnAction, judgeStateChange } from '../../../../src/core/rules/own-actions';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings/schema';
import type { PowerSignal, PowerState, Settings } from '../../../../src/shared/types';

const server = { accountId: 'a1', identifier: 'abcd1234', name: 'Survival 1' };
const change = (from: PowerState, to: PowerState, isCrash = false): NotifiableEvent => ({ type: 'state', server, from, to, atMs: 0, isCrash });
/** What Wings reports through each signal, from the state it starts in (Wings' server/power.go). */
const WALKS: Record<PowerSignal, [PowerState, PowerState][]> = {
  restart: [
    ['running', 'stopping'],
    ['stopping', 'offline'],
    ['offline', 'starting'],
    ['starting', 'running'],
  ],
  start: [
    ['offline', 'starting'],
    ['starting', 'running'],
  ],
  stop: [
    ['running', 'stopping'],
    ['stopping', 'offline'],
  ],
  kill: [['running', 'offline']],
};

function center(patch: Partial<Settings['notifications']> = {}) {
  const clock = { now: 1_000_000 };
  const notifications: Settings['notifications'] = { ...structuredClone(DEFAULT_SETTINGS.notifications), ...patch };
  return { c: new NoticeCenter({ settings: () => notifications, now: () => clock.now }), clock };
}

const told = (c: NoticeCenter, walk: [PowerState, PowerState][]): [string, string][] =>
  walk.flatMap(([from, to]) => c.take([change(from, to)])).map((n) => [n.title, n.body]);

describe('a power action the person asked for', () => {
  it.each([
    ['restart', 'Survival 1 restarted'],
    ['start', 'Survival 1 started'],
    ['stop', 'Survival 1 stopped'],
    ['kill', 'Survival 1 was killed'],
  ] as const)('a %s from the tray is one "%s" notice, once it lands', (signal, title) => {
    const { c } = center();
    c.expectOwnAction(server, { signal, shouldConfirm: true });
    const notices = told(c, WALKS[signal]);
    expect(notices).toEqual([[title, expect.stringContaining('Settings')]]);
  });

  it.each(['restart', 'start', 'stop', 'kill'] as const)('a %s is quiet with confirmations off, and from the window', (signal) => {
    const off = center({ confirmOwnActions: false });
    off.c.expectOwnAction(server, { signal, shouldConfirm: true });
    expect(told(off.c, WALKS[signal])).toEqual([]);
    const fromWindow = center();
    fromWindow.c.expectOwnAction(server, { signal, shouldConfirm: false });
    expect(told(fromWindow.c, WALKS[signal])).toEqual([]);
  });

  it('never words a state as "It was …", whether asked for or not', () => {
    const asked = center();
    asked.c.expectOwnAction(server, { signal: 'restart', shouldConfirm: true });
    const notices = [...told(asked.c, WALKS.restart), ...told(center().c, WALKS.restart)];
    expect(notices.length).toBeGreaterThan(0);
    for (const [, body] of notices) expect(body).not.toMatch(/^It was /);
  });

  it('leaves the state changes nobody asked the app for as they were, with bodies that say what happened', () => {
    expect(told(center().c, WALKS.restart)).toEqual([
      ['Survival 1 went down', 'It finished stopping.'],
      ['Survival 1 is up', 'It finished starting.'],
    ]);
    expect(stateChangeBody('offline', 'running')).toBe('It started.');
    expect(stateChangeBody('running', 'offline')).toBe('It stopped.');
  });

  it('keeps a crash during a restart worded as before, and ends the ask', () => {
    const { c } = center();
    c.expectOwnAction(server, { signal: 'restart', shouldConfirm: true });
    expect(told(c, WALKS.restart.slice(0, 3))).toEqual([]);
    const crash = c.take([{ type: 'crash', server, atMs: 0, crashId: 1, reaction: 'restarting', isRepeat: false, loop: null }]);
    expect(crash.map((n) => n.title)).toEqual(['Survival 1 crashed']);
    // Wings' own restart after it is not the person's: told as anyone's.
    expect(told(c, [['starting', 'running']])).toEqual([['Survival 1 is up', 'It finished starting.']]);
  });

  it('forgets an ask the panel refused, and one that never landed in time', () => {
    const refused = center();
    refused.c.expectOwnAction(server, { signal: 'stop', shouldConfirm: true });
    refused.c.forgetOwnAction(server);
    expect(told(refused.c, WALKS.stop)).toEqual([['Survival 1 went down', 'It finished stopping.']]);

    const ledger = expectOwnAction(new Map(), server, { signal: 'start', shouldConfirm: true }, 0);
    expect(judgeStateChange(ledger, { server, to: 'running', atMs: OWN_ACTION_TIMEOUT_MS + 1 }).verdict).toEqual({ kind: 'not-own' });
    expect(judgeStateChange(ledger, { server, to: 'running', atMs: OWN_ACTION_TIMEOUT_MS }).verdict).toMatchObject({ kind: 'landed' });
  });

  it('is per server: another server’s changes keep their notices', () => {
    const { c } = center();
    c.expectOwnAction(server, { signal: 'stop', shouldConfirm: true });
    const other = { ...server, identifier: 'ffff0000', name: 'Creative' };
    const notices = c.take([{ type: 'state', server: other, from: 'stopping', to: 'offline', atMs: 0, isCrash: false }]);
    expect(notices.map((n) => n.title)).toEqual(['Creative went down']);
  });
});
