import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore, SecretStoreUnavailableError } from '../../src/core/secrets';

// A Linux session without a Secret Service: point D-Bus nowhere before keytar first connects
// (libsecret keeps its connection for the life of the process, and vitest runs each file in its
// own process). The real keytar is used; nothing is mocked.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/pterotray-bus';

describe('KeytarSecretStore without a Secret Service', () => {
  it('rejects probe, get and set with an error that says what to do', async () => {
    const store = new KeytarSecretStore({ service: `pterotray-test-${randomUUID()}` });
    for (const attempt of [() => store.probe(), () => store.get('a'), () => store.set('a', 'secret-value')]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SecretStoreUnavailableError);
      expect((error as Error).message).toMatch(/No Secret Service is running/);
      expect((error as Error).message).not.toContain('secret-value');
    }
  });
});
