/** Listing entries for the file manager's tests. */
import type { FileEntry } from '../../../../../shared/types';

export function fileEntry(name: string, overrides: Partial<FileEntry> = {}): FileEntry {
  return {
    name,
    mode: '-rw-r--r--',
    modeBits: '644',
    sizeBytes: 1024,
    isFile: true,
    isSymlink: false,
    mimetype: 'text/plain; charset=utf-8',
    createdAt: '2024-05-01T10:00:00+00:00',
    modifiedAt: '2024-05-02T09:30:00+00:00',
    ...overrides,
  };
}

export function folderEntry(name: string, overrides: Partial<FileEntry> = {}): FileEntry {
  return fileEntry(name, { mode: 'drwxr-xr-x', modeBits: '755', sizeBytes: 4096, isFile: false, mimetype: 'inode/directory', ...overrides });
}

/** Names that break naive URL or shell handling; every one must work everywhere. */
export const ODD_NAMES = ['my world', 'café ☕ 日本', 'a#b', '100%', 'what?', 'this&that', 'a+b', '-rf', ' lead', 'trail '];
