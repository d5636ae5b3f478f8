import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../../../src/core/api/client-types';
import { PanelError } from '../../../../src/core/api/errors';
import { TransferManager } from '../../../../src/core/transfer/transfer-manager';
import type { TransferProgress } from '../../../../src/shared/types';

const server = { accountId: 'a1', identifier: 'abcd1234' };
const client = {
  getDownloadUrl: async () => 'http://127.0.0.1:1/download/file?token=t',
  getUploadUrl: async () => 'http://127.0.0.1:1/upload/file?token=t',
} as unknown as ClientApi;

function setup(overrides: { download?: unknown; upload?: unknown } = {}) {
  let now = 0;
  const events: TransferProgress[] = [];
  const finished = new Map<string, (p: TransferProgress) => void>();
  const done = (id: string) => new Promise<TransferProgress>((resolve) => finished.set(id, resolve));
  const manager = new TransferManager({
    client: async () => client,
    clock: { now: () => now, setTimeout: () => 0, clearTimeout: () => {} },
    progressIntervalMs: 100,
    onProgress: (p) => {
      events.push(p);
      if (p.status !== 'running') finished.get(p.transferId)?.(p);
    },
    ...(overrides as object),
  });
  return { manager, events, done, tick: (ms: number) => (now += ms) };
}

describe('TransferManager', () => {
  it('reports start, throttled progress and done', async () => {
    let tick: (ms: number) => void = () => {};
    const s = setup({
      download: async (o: { onProgress: (d: number, t: number) => void }) => {
        for (let i = 1; i <= 10; i++) {
          tick(30);
          o.onProgress(i * 10, 100);
        }
        return { path: '/tmp/x', bytes: 100 };
      },
    });
    tick = s.tick;
    const id = s.manager.download(server, '/world/level.dat', '/tmp/level.dat');
    const last = await s.done(id);
    expect(last).toMatchObject({ status: 'done', name: 'level.dat', direction: 'download', transferredBytes: 100, totalBytes: 100 });
    const running = s.events.filter((e) => e.status === 'running');
    // 300 ms of progress at one event per 100 ms, plus the start event.
    expect(running.length).toBeGreaterThanOrEqual(3);
    expect(running.length).toBeLessThanOrEqual(5);
    expect(s.manager.active()).toEqual([]);
  });

  it('says why a transfer failed, with a typed code', async () => {
    const s = setup({
      upload: async () => {
        throw new PanelError({ kind: 'not-found', message: 'The link expired.' });
      },
    });
    const id = s.manager.upload(server, '/plugins', '/home/me/plugin.jar');
    expect(await s.done(id)).toMatchObject({ status: 'failed', name: 'plugin.jar', error: { code: 'not-found', message: 'The link expired.' } });
  });

  it('cancels a running transfer', async () => {
    const s = setup({
      download: (o: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => o.signal.addEventListener('abort', () => reject(new PanelError({ kind: 'cancelled' })))),
    });
    const id = s.manager.download(server, '/big.zip', '/tmp/big.zip');
    expect(s.manager.active().map((p) => p.transferId)).toEqual([id]);
    s.manager.cancel(id);
    expect(await s.done(id)).toMatchObject({ status: 'cancelled', error: null });
  });
});
