import { describe, expect, it } from 'vitest';
import { noticeRulesFromSettings, pausePatch, resumePatch } from '../../../../src/core/settings/notice-rules';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings/schema';

describe('noticeRulesFromSettings', () => {
  it('maps usage thresholds to on/off and keeps partial overrides partial', () => {
    const rules = noticeRulesFromSettings({
      ...DEFAULT_SETTINGS.notifications,
      accounts: { a1: { usage: null } },
      servers: { 'a1/abcd1234': { onCrash: false } },
      pausedUntil: 5,
    });
    expect(rules.global).toEqual({ onStateChange: true, onCrash: true, onUsage: true });
    expect(rules.accounts).toEqual({ a1: { onUsage: false } });
    expect(rules.servers).toEqual({ 'a1/abcd1234': { onCrash: false } });
    expect(rules.pausedUntilMs).toBe(5);
  });

  it('builds pause and resume patches', () => {
    const n = DEFAULT_SETTINGS.notifications;
    expect(pausePatch(n, 60, 1000).notifications?.pausedUntil).toBe(3_601_000);
    expect(pausePatch(n, null, 1000).notifications?.pausedUntil).toBe(-1);
    expect(resumePatch({ ...n, pausedUntil: -1 }).notifications?.pausedUntil).toBeNull();
  });
});
