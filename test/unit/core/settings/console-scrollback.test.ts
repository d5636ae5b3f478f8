/** Console (issue 15): the scrollback length in the settings file, and in a settings change. */
import { describe, expect, it } from 'vitest';
import { sanitizeDocument } from '../../../../src/core/settings/schema';
import { ARG_SCHEMAS } from '../../../../src/main/ipc/arg-schemas';

describe('settings.consoleScrollback', () => {
  it('a file from before it gets 10,000 lines, and nothing is reported as repaired', () => {
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [], settings: { theme: 'dark' } });
    expect(document.settings.consoleScrollback).toBe(10_000);
    expect(repaired).toEqual([]);
  });

  it.each([
    [1_000, 1_000, false],
    [100_000, 100_000, false],
    [7, 10_000, true],
    [1_000_000, 10_000, true],
    ['5000', 10_000, true],
    [null, 10_000, true],
  ])('a file saying %j gets %j (repaired: %j)', (value, kept, isRepaired) => {
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [], settings: { consoleScrollback: value } });
    expect(document.settings.consoleScrollback).toBe(kept);
    expect(repaired.includes('settings.consoleScrollback')).toBe(isRepaired);
  });

  it('a settings change takes only an offered length', () => {
    const schema = ARG_SCHEMAS['settings:update'];
    expect(schema.safeParse([{ consoleScrollback: 50_000 }]).success).toBe(true);
    for (const bad of [0, 12_345, 1e9, '10000', -1]) expect(schema.safeParse([{ consoleScrollback: bad }]).success).toBe(false);
  });
});
