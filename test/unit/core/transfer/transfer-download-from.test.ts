/** Backups tab (issue 13): TransferManager.downloadFrom fetches its link when it runs and checks the file before done. */
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../../../src/core/api/client-types';
import { PanelError } from '../../../../src/core/api/errors';
import { TransferManager } from '../../../../src/core/transfer/transfer-manager';
import type { TransferProgress } from '../../../../src/shared/types';

const server = { accountId: 'a1', identifier: 'abcd1234' };

function setup() {
  const events: TransferProgress[] = [];
  const finished = new Map<string, (p: TransferProgress) => void>();
  const urls: string[] = [];
  const manager = new TransferManager({
    client: async () => ({}) as ClientApi,
    clock: { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} },
    onProgress: (p) => {
      events.push(p);
      if (p.status !== 'running') finished.get(p.transferId)?.(p);
    },
    download: async (o) => {
      urls.push(o.url);
      o.onProgress?.(10, 10);
      return { path: o.destinationPath, bytes: 10 };
    },
  });
  const done = (id: string) => new Promise<TransferProgress>((resolve) => finished.set(id, resolve));
  return { manager, events, done, urls };
}

describe('TransferManager.downloadFrom', () => {
  it('runs the check on the finished file before it reports done', async () => {
    const s = setup();
    const order: string[] = [];
    const id = s.manager.downloadFrom(server, {
      name: 'nightly.tar.gz',
      destinationPath: '/tmp/nightly.tar.gz',
      urlOf: async () => 'https://node.example/download/backup?token=t',
      afterward: async (path, _signal, transferId) => {
        order.push(`checked ${path} ${transferId === id}`);
      },
    });
    const last = await s.done(id);
    order.push(last.status);
    expect(order).toEqual(['checked /tmp/nightly.tar.gz true', 'done']);
    expect(s.urls).toEqual(['https://node.example/download/backup?token=t']);
    expect(last).toMatchObject({ name: 'nightly.tar.gz', direction: 'download', transferredBytes: 10 });
  });

  it('a failed check fails the transfer with its kind', async () => {
    const s = setup();
    const id = s.manager.downloadFrom(server, {
      name: 'x.tar.gz',
      destinationPath: '/tmp/x.tar.gz',
      urlOf: async () => 'https://node.example/d',
      afterward: async () => {
        throw new PanelError({ kind: 'local-file', message: 'The file could not be read back.' });
      },
    });
    await expect(s.done(id)).resolves.toMatchObject({ status: 'failed', error: { code: 'local-file', message: 'The file could not be read back.' } });
  });
});
