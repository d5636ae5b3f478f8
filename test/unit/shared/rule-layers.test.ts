/** The one merge of global → account → server settings (src/shared/rule-layers.ts). */
import { describe, expect, it } from 'vitest';
import { layered, ruleFor } from '../../../src/shared/rule-layers';

type Rule = { onCrash: boolean; onStateChange: boolean; usage: { cpu: number } | null };
const rules = {
  global: { onCrash: true, onStateChange: true, usage: { cpu: 90 } } as Rule,
  accounts: { a1: { onStateChange: false }, a2: { usage: null } } as Record<string, Partial<Rule>>,
  servers: { 'a1/s1': { onStateChange: true, onCrash: undefined }, 'a2/s2': { usage: { cpu: 50 } } } as Record<string, Partial<Rule>>,
};

describe('layered rules', () => {
  it.each([
    [
      { accountId: 'a1', identifier: 's1' },
      { onCrash: true, onStateChange: true, usage: { cpu: 90 } },
    ],
    [
      { accountId: 'a1', identifier: 'other' },
      { onCrash: true, onStateChange: false, usage: { cpu: 90 } },
    ],
    [
      { accountId: 'a2', identifier: 'x' },
      { onCrash: true, onStateChange: true, usage: null },
    ],
    [
      { accountId: 'a2', identifier: 's2' },
      { onCrash: true, onStateChange: true, usage: { cpu: 50 } },
    ],
    [
      { accountId: 'gone', identifier: 'x' },
      { onCrash: true, onStateChange: true, usage: { cpu: 90 } },
    ],
  ])('%o gets %o: the server over its account over the global; undefined inherits, null is a value', (ref, expected) => {
    expect(ruleFor(rules, ref)).toEqual(expected);
  });

  it('never changes the layers it reads', () => {
    const base = { a: 1, b: 2 };
    expect(layered(base, { a: 3 }, undefined, { b: undefined })).toEqual({ a: 3, b: 2 });
    expect(base).toEqual({ a: 1, b: 2 });
  });
});
