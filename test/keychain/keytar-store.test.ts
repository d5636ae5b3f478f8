import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore, SecretStoreUnavailableError } from '../../src/core/secrets';

// These tests use the real keychain. They run under test/keychain/with-secret-service.sh, which
// starts a private D-Bus session with an unlocked GNOME Keyring. Never mock keytar here.
const secretService = process.env.PTEROTRAY_SECRET_SERVICE;
const hasSecretService = secretService === 'gnome-keyring';
if (!hasSecretService) {
  console.warn('\n!!! SKIPPED: keychain tests need a Secret Service. Run them through ' + 'test/keychain/with-secret-service.sh (npm test does).\n');
}

describe.skipIf(!hasSecretService)('KeytarSecretStore on a real Secret Service', () => {
  const service = `pterotray-test-${randomUUID()}`;
  const store = new KeytarSecretStore({ service });

  afterAll(async () => {
    for (const id of await store.list()) await store.delete(id);
  });

  it('probes successfully', async () => {
    await expect(store.probe()).resolves.toBeUndefined();
  });

  it('stores, reads, lists and deletes a key', async () => {
    const key = `ptlc_${randomUUID().replaceAll('-', '').slice(0, 43)}`;
    await store.set('panel-a', key);
    await store.set('panel-b', 'pacc_ünïcödé-secret');
    expect(await store.get('panel-a')).toBe(key);
    expect(await store.get('panel-b')).toBe('pacc_ünïcödé-secret');
    expect((await store.list()).sort()).toEqual(['panel-a', 'panel-b']);
    expect(await store.delete('panel-a')).toBe(true);
    expect(await store.delete('panel-a')).toBe(false);
    expect(await store.get('panel-a')).toBeNull();
  });

  it('keeps keys of another service apart', async () => {
    const other = new KeytarSecretStore({ service: `${service}-other` });
    await store.set('shared-id', 'mine');
    expect(await other.get('shared-id')).toBeNull();
  });

  it('is visible to a second process (it really is in the keychain)', async () => {
    await store.set('cross-process', 'persisted-secret');
    const script = "const k=require('keytar');k.getPassword(process.argv[1],'cross-process')" + '.then(v=>process.stdout.write(String(v)))';
    const child = spawnSync(process.execPath, ['-e', script, service], { encoding: 'utf8' });
    expect(child.stdout).toBe('persisted-secret');
  });
});

describe('KeytarSecretStore with a keytar that cannot load', () => {
  it('reports it as unavailable', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: () => Promise.reject(new Error('native module missing')),
    });
    await expect(store.get('x')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
  });
});
