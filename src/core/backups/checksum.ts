/**
 * A downloaded backup checked against the checksum the panel lists. The panel stores
 * `<checksum_type>:<hex>` as Wings reported it (BackupStatusController), and Wings computes sha1
 * (pterodactyl/wings server/backup/backup.go `Checksum`: `sha1.New()`, `ChecksumType: "sha1"`);
 * pre-1.0 panels sent a bare `sha256_hash` (normalizeBackup makes it `sha256:<hex>`).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The algorithms a panel's checksum can name that this checks. */
export type ChecksumAlgorithm = 'sha1' | 'sha256';

/** A checksum split into what names it and the digest. */
export interface ParsedChecksum {
  algorithm: ChecksumAlgorithm;
  hex: string;
}

/** `sha1:<40 hex>` or `sha256:<64 hex>`; null for anything else (an S3 etag, nothing). */
export function parseChecksum(checksum: string | null): ParsedChecksum | null {
  if (checksum === null) return null;
  const m = /^(sha1|sha256):([0-9a-f]+)$/i.exec(checksum.trim());
  if (!m) return null;
  const algorithm = (m[1] as string).toLowerCase() as ChecksumAlgorithm;
  const hex = (m[2] as string).toLowerCase();
  return hex.length === (algorithm === 'sha1' ? 40 : 64) ? { algorithm, hex } : null;
}

/** The sha1 and sha256 of a file, read once in constant memory. */
export async function hashFile(path: string, signal?: AbortSignal): Promise<Record<ChecksumAlgorithm, string>> {
  const sha1 = createHash('sha1');
  const sha256 = createHash('sha256');
  for await (const chunk of createReadStream(path, { signal, highWaterMark: 1024 * 1024 })) {
    sha1.update(chunk as Buffer);
    sha256.update(chunk as Buffer);
  }
  return { sha1: sha1.digest('hex'), sha256: sha256.digest('hex') };
}

/** How a file compares with the panel's checksum. */
export interface ChecksumVerdict {
  /** `match`, `mismatch`, or `unchecked` when the panel named no checksum this can check. */
  outcome: 'match' | 'mismatch' | 'unchecked';
  /** The algorithm the panel named, when it named one this knows. */
  algorithm: ChecksumAlgorithm | null;
  /** The file's digest under that algorithm (or null), and its sha256 always. */
  actualHex: string | null;
  sha256: string;
}

/** Hashes `path` and compares it with the panel's `checksum`. */
export async function verifyFile(path: string, checksum: string | null, signal?: AbortSignal): Promise<ChecksumVerdict> {
  const digests = await hashFile(path, signal);
  const expected = parseChecksum(checksum);
  if (!expected) return { outcome: 'unchecked', algorithm: null, actualHex: null, sha256: digests.sha256 };
  const actualHex = digests[expected.algorithm];
  return { outcome: actualHex === expected.hex ? 'match' : 'mismatch', algorithm: expected.algorithm, actualHex, sha256: digests.sha256 };
}
