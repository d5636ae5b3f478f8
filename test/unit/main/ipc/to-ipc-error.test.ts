/** One vocabulary from core's errors to the window's IpcError (issue 12: one error base with a kind). */
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { AccountServiceError } from '../../../../src/core/accounts/account-service';
import { AccountCheckError } from '../../../../src/core/accounts/check-key';
import { PanelError } from '../../../../src/core/api/errors';
import { SecretStoreUnavailableError } from '../../../../src/core/secrets/secret-store';
import { CoreError } from '../../../../src/core/util/core-error';
import { HandlerError, toIpcError } from '../../../../src/main/ipc/to-ipc-error';

describe('toIpcError', () => {
  it.each([
    [
      new PanelError({ kind: 'conflict', conflictReason: 'installing', message: 'Installing.' }),
      { code: 'conflict', message: 'Installing.', reason: 'installing' },
    ],
    [new PanelError({ kind: 'rate-limited', retryAfterMs: 5_000, message: 'Wait.' }), { code: 'rate-limited', message: 'Wait.', retryAfterMs: 5_000 }],
    [new AccountCheckError('key-rejected', 'Wrong key.'), { code: 'validation', message: 'Wrong key.', reason: 'key-rejected' }],
    [new AccountServiceError('key-missing', 'No key.'), { code: 'auth', message: 'No key.', reason: 'key-missing' }],
    [new AccountServiceError('invalid-name', 'Too long.'), { code: 'invalid-argument', message: 'Too long.', reason: 'invalid-name' }],
    [new SecretStoreUnavailableError('No keychain.'), { code: 'keychain-unavailable', message: 'No keychain.' }],
    [new HandlerError('unknown-server', 'Gone.'), { code: 'unknown-server', message: 'Gone.' }],
  ])('%s', (error, expected) => {
    expect(toIpcError(error)).toEqual(expected);
  });

  it('gives every core error its kind through one base, and hides anything else', () => {
    for (const error of [
      new PanelError({ kind: 'auth' }),
      new AccountCheckError('tls', 'x'),
      new AccountServiceError('unknown-account', 'x'),
      new SecretStoreUnavailableError('x'),
    ]) {
      expect(error).toBeInstanceOf(CoreError);
    }
    expect(toIpcError(new ZodError([]))).toMatchObject({ code: 'invalid-argument' });
    expect(toIpcError(new Error('/home/me/.ssh/id_rsa: EACCES'))).toEqual({ code: 'internal', message: expect.not.stringContaining('id_rsa') });
  });
});
