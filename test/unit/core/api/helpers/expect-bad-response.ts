import { expect } from 'vitest';
import { PanelError } from '../../../../../src/core/api/errors';

/** Asserts `fn` throws a bad-response PanelError (never a TypeError) and returns it. */
export function expectBadResponse(fn: () => unknown): PanelError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PanelError);
    expect((err as PanelError).kind).toBe('bad-response');
    return err as PanelError;
  }
  throw new Error('expected a bad-response PanelError');
}
