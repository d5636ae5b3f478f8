/**
 * What a listed entry is and whether the editor may open it, by the panel's own rules
 * (pterodactyl-api.md, "File manager"): mimetypes are compared without their charset suffix.
 */
import type { FileEntry } from '../../../../../shared/types';

/** The panel's default `PTERODACTYL_FILES_MAX_EDIT_SIZE`. */
export const EDIT_LIMIT_BYTES = 4 * 1024 * 1024;

export type EntryKind = 'folder' | 'archive' | 'text' | 'image' | 'binary';

/** Why the editor will not open an entry, or `editable`. */
export type Editability = 'editable' | 'folder' | 'binary' | 'too-large';

const ARCHIVE_MIMETYPES = new Set(
  ['rar', 'x-tar', 'x-br', 'x-bzip2', 'gzip', 'x-gzip', 'x-lzip', 'x-sz', 'x-xz', 'zstd', 'zip', 'x-7z-compressed'].map((sub) => `application/${sub}`),
);

// Simplified panels may send a vague mimetype; Wings decompresses by extension too.
const ARCHIVE_EXTENSIONS = [
  '.zip',
  '.tar',
  '.tar.gz',
  '.tgz',
  '.tar.bz2',
  '.tbz2',
  '.tar.xz',
  '.txz',
  '.gz',
  '.bz2',
  '.xz',
  '.zst',
  '.7z',
  '.rar',
  '.br',
  '.lz',
  '.sz',
];

const NOT_EDITABLE_MIMETYPES = new Set(['application/jar', 'application/octet-stream', 'inode/directory']);

/** The mimetype without parameters, lower case: `text/plain; charset=utf-8` → `text/plain`. */
export function baseMimetype(mimetype: string): string {
  return (mimetype.split(';')[0] ?? '').trim().toLowerCase();
}

export function isArchive(entry: Pick<FileEntry, 'name' | 'isFile' | 'mimetype'>): boolean {
  if (!entry.isFile) return false;
  if (ARCHIVE_MIMETYPES.has(baseMimetype(entry.mimetype))) return true;
  const lower = entry.name.toLowerCase();
  return ARCHIVE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

function isBinaryMimetype(mimetype: string): boolean {
  const base = baseMimetype(mimetype);
  if (NOT_EDITABLE_MIMETYPES.has(base)) return true;
  return base.startsWith('image/') && base !== 'image/svg+xml';
}

/** The icon and label an entry gets. */
export function entryKind(entry: Pick<FileEntry, 'name' | 'isFile' | 'mimetype'>): EntryKind {
  if (!entry.isFile) return 'folder';
  if (isArchive(entry)) return 'archive';
  const base = baseMimetype(entry.mimetype);
  if (base.startsWith('image/') && base !== 'image/svg+xml') return 'image';
  return isBinaryMimetype(entry.mimetype) ? 'binary' : 'text';
}

/** Whether the editor opens `entry`: like the panel, plus the 4 MiB limit checked up front. */
export function editability(entry: Pick<FileEntry, 'name' | 'isFile' | 'mimetype' | 'sizeBytes'>): Editability {
  if (!entry.isFile) return 'folder';
  if (isArchive(entry) || isBinaryMimetype(entry.mimetype)) return 'binary';
  return entry.sizeBytes > EDIT_LIMIT_BYTES ? 'too-large' : 'editable';
}
