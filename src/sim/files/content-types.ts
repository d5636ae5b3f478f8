/** The shapes of a simulated file's content, apart from the code that streams them. */
import type { Blob } from './blobs';

/** A file's bytes: where they live decides how they are streamed, hashed and released. */
export type FileContent =
  | { type: 'memory'; data: Buffer }
  | { type: 'pattern'; size: number; seed: number; text: boolean }
  | { type: 'blob'; blob: Blob }
  | { type: 'archive'; entries: ArchiveEntry[]; size: number };

/** One entry of an archive snapshot; `path` is relative, `/`-separated. */
export interface ArchiveEntry {
  path: string;
  kind: 'dir' | 'file';
  modeBits: number;
  mtimeMs: number;
  content: FileContent | null;
}
