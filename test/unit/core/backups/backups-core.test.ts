/** Retention's choice of old backups (pure) and the checksum check of a downloaded archive. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backup } from '../../../../src/core/api/models';
import { parseChecksum, retentionCandidates, verifyFile } from '../../../../src/core/backups';

function backup(uuid: string, day: number, patch: Partial<Backup> = {}): Backup {
  const createdAt = `2026-12-${String(day).padStart(2, '0')}T10:00:00+00:00`;
  return {
    uuid,
    name: uuid,
    isSuccessful: true,
    isLocked: false,
    isScheduled: null,
    ignoredFiles: [],
    checksum: null,
    bytes: 1,
    createdAt,
    completedAt: createdAt,
    ...patch,
  };
}

describe('retentionCandidates', () => {
  const list = [
    backup('d1', 1),
    backup('d2', 2, { isLocked: true }),
    backup('d3', 3),
    backup('d4', 4),
    backup('d5', 5, { completedAt: null, isSuccessful: false }),
    backup('d6', 6, { isSuccessful: false }),
  ];

  it.each([
    [1, ['d1', 'd3']],
    [2, ['d1']],
    [3, ['d1']],
    [4, []],
    [0, []],
    [1.5, []],
  ])('keeping the newest %s completed ones deletes %j (locked, pending and failed never)', (keep, expected) => {
    expect(retentionCandidates(list, keep).map((b) => b.uuid)).toEqual(expected);
  });

  it('orders by creation, not by the list’s order, and returns oldest first', () => {
    const shuffled = [backup('c', 3), backup('a', 1), backup('b', 2)];
    expect(retentionCandidates(shuffled, 1).map((b) => b.uuid)).toEqual(['a', 'b']);
  });
});

describe('verifyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pterotray-checksum-'));
  const path = join(dir, 'a.tar.gz');
  const bytes = Buffer.from('a backup archive');
  writeFileSync(path, bytes);
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('matches the sha1 Wings reports and gives the sha256 too', async () => {
    await expect(verifyFile(path, `sha1:${sha1}`)).resolves.toEqual({ outcome: 'match', algorithm: 'sha1', actualHex: sha1, sha256 });
    await expect(verifyFile(path, `SHA1:${sha1.toUpperCase()}`)).resolves.toMatchObject({ outcome: 'match' });
  });

  it('says mismatch for another digest, and a pre-1.0 sha256 is checked as sha256', async () => {
    await expect(verifyFile(path, `sha1:${'0'.repeat(40)}`)).resolves.toMatchObject({ outcome: 'mismatch', actualHex: sha1 });
    await expect(verifyFile(path, `sha256:${sha256}`)).resolves.toMatchObject({ outcome: 'match', algorithm: 'sha256' });
  });

  it('leaves unchecked what names no known digest', async () => {
    for (const checksum of [null, '', 'md5:abc', `sha1:${sha1.slice(1)}`, 'etag-123']) {
      expect(parseChecksum(checksum)).toBeNull();
      await expect(verifyFile(path, checksum)).resolves.toMatchObject({ outcome: 'unchecked', sha256 });
    }
  });
});
