/**
 * `backups restore` and `backups rm` ask on a terminal: only "y"/"yes" goes on; anything else, or
 * the end of input, leaves the backup alone (exit 1). Off a terminal they refuse without --yes.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Backup } from '../../core/api/models';
import { runInProcess } from '../../../test/helpers/cli-harness';
import { createFakeClient, fakeServer } from '../../../test/helpers/fake-client';

const BACKUP: Backup = {
  uuid: '5b3b2b63-0000-4000-8000-000000000001',
  name: 'nightly',
  isSuccessful: true,
  isLocked: false,
  isScheduled: null,
  ignoredFiles: [],
  checksum: `sha1:${'a'.repeat(40)}`,
  bytes: 10,
  createdAt: '2026-12-01T00:00:00+00:00',
  completedAt: '2026-12-01T00:01:00+00:00',
};

function setup(answer: string | null) {
  const done: string[] = [];
  const client = createFakeClient({
    listServers: async () => [fakeServer({ identifier: 'abcd1234', name: 'Lobby' })],
    getBackup: async () => BACKUP,
    restoreBackup: async (_s, _u, options) => void done.push(`restore truncate=${options.truncate}`),
    deleteBackup: async () => void done.push('delete'),
  });
  const stdin = Object.assign(Readable.from(answer === null ? [] : [`${answer}\n`]), { isTTY: true });
  return { client, stdin, done };
}

describe('backups on a terminal', () => {
  it.each([
    ['y', true],
    ['YES', true],
    ['n', false],
    ['', false],
    [null, false],
  ])('restore answered %j goes on: %s', async (answer, goesOn) => {
    const { client, stdin, done } = setup(answer);
    const result = await runInProcess(['backups', 'restore', 'abcd1234', BACKUP.uuid, '--truncate'], { client, stdin });
    expect(result.stderr).toContain('Restore "nightly" onto Lobby? It is stopped and every file on it is deleted first. [y/N]');
    expect(done).toEqual(goesOn ? ['restore truncate=true'] : []);
    expect(result.code).toBe(goesOn ? 0 : 1);
  });

  it('rm asks too, and --yes skips the question', async () => {
    const asked = setup('no');
    expect((await runInProcess(['backups', 'rm', 'abcd1234', BACKUP.uuid], { client: asked.client, stdin: asked.stdin })).stderr).toContain('Not deleted.');
    expect(asked.done).toEqual([]);
    const forced = setup(null);
    const result = await runInProcess(['backups', 'rm', 'abcd1234', BACKUP.uuid, '--yes'], { client: forced.client, stdin: forced.stdin });
    expect([result.code, forced.done]).toEqual([0, ['delete']]);
    expect(result.stderr).not.toContain('[y/N]');
  });

  it('off a terminal, refuses without --yes before anything is sent (usage, exit 2)', async () => {
    const { client, done } = setup(null);
    const result = await runInProcess(['backups', 'restore', 'abcd1234', BACKUP.uuid], { client, stdin: Readable.from([]) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('stdin is not a terminal. Pass --yes to go ahead.');
    expect(done).toEqual([]);
  });
});
