/**
 * "Keep the newest N" backups of a server, which neither panel has (pterodactyl/panel #2536,
 * pelican-dev/panel #1112). Pure: it only says which backups would go; the app always asks before
 * deleting any.
 */
import type { Backup } from '../api/models';

/** The most a rule may keep: well above any panel's per-server limit. */
export const MAX_KEEP_NEWEST = 100;

/**
 * The backups that keeping the newest `keepNewest` completed ones would delete, oldest first.
 * Locked backups are never candidates (the panel refuses to delete them, and a lock says "keep
 * this"); pending ones are not either (still running), nor failed ones (they are not backups a
 * rule counts, and the panel lists them apart).
 */
export function retentionCandidates(backups: readonly Backup[], keepNewest: number): Backup[] {
  if (!Number.isInteger(keepNewest) || keepNewest < 1) return [];
  const completed = backups.filter((b) => b.isSuccessful && b.completedAt !== null);
  const newestFirst = [...completed].sort((a, b) => timeOf(b) - timeOf(a));
  return newestFirst
    .slice(keepNewest)
    .filter((b) => !b.isLocked)
    .sort((a, b) => timeOf(a) - timeOf(b));
}

function timeOf(backup: Backup): number {
  const ms = Date.parse(backup.createdAt ?? backup.completedAt ?? '');
  return Number.isFinite(ms) ? ms : 0;
}
