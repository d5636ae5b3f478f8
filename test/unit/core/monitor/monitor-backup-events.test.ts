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

// ── incidents (issue 14) ──
describe('ServerMonitor: what the incident timeline hears', () => {
  it('emits backup-restored for Wings’ `backup restore completed`, and power-asked once a power action was taken', async () => {
    h = createHarness({ servers: makeServers(2) });
    await h.start();
    const restored: ServerRef[] = [];
    const asked: Array<[ServerRef, string]> = [];
    h.monitor.on('backup-restored', (ref) => restored.push(ref));
    h.monitor.on('power-asked', (ref, signal) => asked.push([ref, signal]));
    h.socketOf('s0000001').emit('backup-restore-completed', undefined);
    expect(restored).toEqual([h.ref('s0000001')]);
    await h.monitor.power(h.ref('s0000001'), 'restart');
    expect(asked).toEqual([[h.ref('s0000001'), 'restart']]);
    // A power action on a panel the monitor does not know is refused, and is no incident.
    await expect(h.monitor.power({ accountId: 'nope', identifier: 's0000001' }, 'stop')).rejects.toThrow();
    expect(asked).toHaveLength(1);
  });
});
