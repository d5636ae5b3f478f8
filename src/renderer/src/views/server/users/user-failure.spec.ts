import { describe, expect, it } from 'vitest';
import { IpcFailure } from '../../../../../shared/ipc-failure';
import { userFailureText } from './user-failure';

describe('a refused invite in words', () => {
  it("gives the panel's reason when it refused the permissions asked for", () => {
    const said = 'Cannot assign permissions to a subuser that your account does not actively possess.';
    const text = userFailureText(new IpcFailure({ code: 'forbidden', message: said }), 'invite this user', 'user.create');
    expect(text).toContain(`“${said}”`);
    expect(text).not.toContain('user.create');
  });

  it('names the missing permission for a bare 403, and keeps the panel’s words for a refusal', () => {
    expect(userFailureText(new IpcFailure({ code: 'forbidden', message: 'This action is unauthorized.' }), 'invite this user', 'user.create')).toContain(
      '“user.create” permission is missing',
    );
    const owner = 'You cannot add the server owner as a subuser for this server.';
    expect(userFailureText(new IpcFailure({ code: 'validation', message: owner }), 'invite this user', 'user.create')).toBe(owner);
  });
});
