import { describe, expect, it } from 'vitest';
import type { AccountService } from '../../../src/core/accounts/account-service';
import { ClientPool } from '../../../src/main/services/client-pool';

/** The one method ClientPool asks of the AccountService; counts how often the key is read. */
function accountsWithKeys(keys: string[]): { accounts: AccountService; reads: () => number } {
  let reads = 0;
  const accounts = {
    connection: async () => ({ url: 'http://127.0.0.1:1', apiKey: keys[Math.min(reads++, keys.length - 1)] ?? 'none' }),
  } as unknown as AccountService;
  return { accounts, reads: () => reads };
}

const account = { id: 'a1', name: 'Panel', url: 'http://127.0.0.1:1' };

describe('ClientPool', () => {
  it('hands every caller of an account the same client, reading the key once', async () => {
    const { accounts, reads } = accountsWithKeys(['ptlc_one']);
    const pool = new ClientPool(accounts);
    const [first, second] = await Promise.all([pool.get('a1'), pool.get('a1')]);
    expect(first).toBe(second);
    expect(reads()).toBe(1);
    pool.dispose();
  });

  it('lets the monitor give a refused client back without closing it under the other callers', async () => {
    const { accounts, reads } = accountsWithKeys(['ptlc_old', 'ptlc_new']);
    const pool = new ClientPool(accounts);
    const hooks = pool.forMonitor();
    const refused = await hooks.createClient(account);
    hooks.releaseClient?.(account, refused);
    // The next client is a new one, built with the key read again from the store.
    const fresh = await pool.get('a1');
    expect(fresh).not.toBe(refused);
    expect(reads()).toBe(2);
    expect(await hooks.createClient(account)).toBe(fresh);
    pool.dispose();
  });

  it('ignores the release of a client it already replaced', async () => {
    const { accounts } = accountsWithKeys(['ptlc_old', 'ptlc_new', 'ptlc_third']);
    const pool = new ClientPool(accounts);
    const old = await pool.get('a1');
    pool.release('a1', old);
    const current = await pool.get('a1');
    pool.release('a1', old); // a second, late caller giving back the same refused client
    expect(await pool.get('a1')).toBe(current);
    pool.dispose();
  });

  it('does not keep a failed creation: the next call tries again', async () => {
    let calls = 0;
    const accounts = {
      connection: async () => {
        calls += 1;
        if (calls === 1) throw new Error('no key in the keychain');
        return { url: 'http://127.0.0.1:1', apiKey: 'ptlc_later' };
      },
    } as unknown as AccountService;
    const pool = new ClientPool(accounts);
    await expect(pool.get('a1')).rejects.toThrow(/no key/);
    await expect(pool.get('a1')).resolves.toBeDefined();
    expect(calls).toBe(2);
    pool.dispose();
  });
});
