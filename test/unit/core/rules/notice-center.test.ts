/** NoticeCenter: the policy with its ledger and pause, on a fake clock and settings. */
import { describe, expect, it } from 'vitest';
import { NoticeCenter } from '../../../../src/core/rules/notice-center';
import type { NotifiableEvent } from '../../../../src/core/rules/notification-policy';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings/schema';
import type { Settings } from '../../../../src/shared/types';

const server = { accountId: 'a1', identifier: 'abcd1234', name: 'Survival' };
const crash = (crashId: number): NotifiableEvent => ({ type: 'crash', server, atMs: 0, crashId, reaction: 'restarting', isRepeat: false, loop: null });
const down = (): NotifiableEvent => ({ type: 'state', server, from: 'running', to: 'offline', atMs: 0, isCrash: false });

function center() {
  const clock = { now: 1_000_000 };
  let notifications: Settings['notifications'] = structuredClone(DEFAULT_SETTINGS.notifications);
  const c = new NoticeCenter({ settings: () => notifications, now: () => clock.now });
  const apply = (patch: Partial<Settings>): void => {
    notifications = patch.notifications ?? notifications;
  };
  return { c, clock, apply, set: (n: Settings['notifications']) => (notifications = n) };
}

describe('NoticeCenter', () => {
  it('carries each notice’s kind and remembers what it showed', () => {
    const { c, clock } = center();
    expect(c.take([crash(1)]).map((n) => [n.kind, n.title])).toEqual([['crash', 'Survival crashed']]);
    expect(c.take([crash(1)])).toEqual([]); // the same crash again, within its window
    clock.now += 15_000;
    expect(c.take([down()]).map((n) => n.kind)).toEqual(['state']);
    expect(c.take([down()])).toEqual([]);
    clock.now += 15_000;
    expect(c.take([down()]).map((n) => n.kind)).toEqual(['state']);
  });

  it('shows nothing while paused and again after the pause ends; the pause is its patch', () => {
    const { c, clock, apply } = center();
    apply(c.pausePatch(60));
    expect(c.isPaused()).toBe(true);
    expect(c.take([crash(1)])).toEqual([]);
    clock.now += 60 * 60_000 + 1;
    expect(c.isPaused()).toBe(false);
    expect(c.take([crash(2)]).map((n) => n.kind)).toEqual(['crash']);
    apply(c.pausePatch(null));
    expect(c.isPaused()).toBe(true);
    apply(c.resumePatch());
    expect(c.isPaused()).toBe(false);
  });

  it('reads the rules at each event: a crash rule turned off takes effect at once', () => {
    const { c, set } = center();
    set({ ...DEFAULT_SETTINGS.notifications, global: { ...DEFAULT_SETTINGS.notifications.global, onCrash: false } });
    expect(c.take([crash(1)])).toEqual([]);
  });
});
