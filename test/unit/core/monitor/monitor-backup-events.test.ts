/** Backups tab (issue 13): Wings' `backup completed` on a followed server reaches the monitor's listeners. */
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupCompleted } from '../../../../src/core/wings';
import type { ServerRef } from '../../../../src/shared/types';
import { createHarness, type Harness } from './helpers/harness';
import { makeServers } from './helpers/fake-panel';

let h: Harness | null = null;
afterEach(() => {
  h?.monitor.dispose();
  h = null;
});

describe('ServerMonitor: backup events', () => {
  it('emits backup-completed with the server it came from, and nothing after dispose', async () => {
    h = createHarness({ servers: makeServers(2) });
    await h.start();
    const seen: Array<[ServerRef, BackupCompleted]> = [];
    h.monitor.on('backup-completed', (ref, backup) => seen.push([ref, backup]));
    const payload: BackupCompleted = { uuid: 'b-1', isSuccessful: true, checksum: 'ab'.repeat(20), checksumType: 'sha1', fileSizeBytes: 10 };
    const socket = h.socketOf('s0000001');
    socket.emit('backup-completed', payload);
    expect(seen).toEqual([[h.ref('s0000001'), payload]]);
    h.monitor.dispose();
    socket.emit('backup-completed', { ...payload, uuid: 'b-2' });
    expect(seen).toHaveLength(1);
  });
});
