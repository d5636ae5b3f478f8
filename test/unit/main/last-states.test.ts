/** The last known states on disk: what is written, when, and what a broken file gives. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CachedAccount } from '../../../src/core/monitor/state-cache';
import { LastStatesStore } from '../../../src/main/services/last-states';
import { fakeServer } from '../../helpers/fake-client';

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const NOW = Date.UTC(2026, 11, 3, 12);

function accountsWith(state: 'running' | 'offline', identifier = 'abcd1234'): Record<string, CachedAccount> {
  return { a1: { url: 'https://panel.example', servers: [{ server: fakeServer({ identifier, name: 'Survival' }), state, seenAtMs: NOW - 1000 }] } };
}

describe('LastStatesStore', () => {
  let dir: string;
  let path: string;
  let current: Record<string, CachedAccount>;
  let store: LastStatesStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pterotray-last-'));
    path = join(dir, 'sub', 'last-states.json');
    current = accountsWith('running');
    store = new LastStatesStore({ path, source: { cacheable: () => current }, logger, now: () => NOW, debounceMs: 5 });
  });

  afterEach(() => {
    store.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const written = (): Record<string, CachedAccount> => (JSON.parse(readFileSync(path, 'utf8')) as { accounts: Record<string, CachedAccount> }).accounts;
  const writeSoon = async (): Promise<void> => {
    store.changed();
    await vi.waitFor(() => expect(() => statSync(path)).not.toThrow());
    await store.settled();
  };

  it('gives nothing for a missing file, or one that is not JSON, without throwing', async () => {
    expect(await store.load()).toEqual({});
    await writeSoon();
    writeFileSync(path, '{"version": 1, "accounts": [ not json');
    expect(await store.load()).toEqual({});
  });

  it('writes after a change, readable by the owner only, with no temp file left; load gives it back', async () => {
    await writeSoon();
    expect(written().a1?.servers[0]?.state).toBe('running');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['last-states.json']);
    const loaded = await store.load();
    expect(loaded.a1?.servers.map((s) => s.server.identifier)).toEqual(['abcd1234']);
  });

  it('a change during a write is written after it, not lost', async () => {
    await writeSoon();
    current = accountsWith('offline');
    store.changed();
    await vi.waitFor(() => expect(written().a1?.servers[0]?.state).toBe('offline'));
  });

  it('writes at quit, synchronously, what the monitor holds then', async () => {
    await store.load();
    current = accountsWith('offline', 'ffff0000');
    store.dispose();
    expect(written().a1?.servers.map((s) => [s.server.identifier, s.state])).toEqual([['ffff0000', 'offline']]);
  });

  it('a file that cannot be written is logged, not thrown', async () => {
    writeFileSync(join(dir, 'sub'), 'a file where the folder should be');
    store.dispose();
    expect(logger.warn).toHaveBeenCalledWith('last states: could not write the file at quit', expect.anything());
  });
});
