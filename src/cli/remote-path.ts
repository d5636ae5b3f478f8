/**
 * Paths on a server, as the file API wants them: absolute from the server root, with names kept
 * byte for byte (spaces, `#`, `%`, `?`, `&`, `+`, trailing spaces all survive; the client encodes).
 */
import { posix } from 'node:path';
import { UsageError } from './args';

/** `plugins/a.jar` → `/plugins/a.jar`; `''` and `.` → `/`. */
export function toRemotePath(raw: string): string {
  if (raw === '' || raw === '.' || raw === '/') return '/';
  return raw.startsWith('/') ? raw : `/${raw}`;
}

/** The directory and the name of a remote path; the root has no name, so it is a usage error. */
export function splitRemotePath(raw: string, command: string): { directory: string; name: string } {
  const path = toRemotePath(raw).replace(/\/+$/, '');
  const name = posix.basename(path);
  if (path === '' || name === '' || name === '.' || name === '..') {
    throw new UsageError(`'${raw}' does not name a file or folder`, command);
  }
  return { directory: posix.dirname(path), name };
}

/** Groups paths by their directory, keeping the order of first appearance (one API call each). */
export function groupByDirectory(raws: readonly string[], command: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const raw of raws) {
    const { directory, name } = splitRemotePath(raw, command);
    const names = groups.get(directory) ?? [];
    names.push(name);
    groups.set(directory, names);
  }
  return groups;
}

/** A path relative to the root, for `files/rename`'s `from` and `to` (root `/`). */
export function relativeToRoot(raw: string): string {
  return toRemotePath(raw).replace(/^\/+/, '');
}
