/** A file or folder as the panel lists it (`GET /files/list`), for core and the window. */

/** One entry of `GET /files/list`. */
export interface FileEntry {
  name: string;
  /** e.g. `-rw-r--r--`. */
  mode: string;
  /** Octal permission bits, e.g. `644`; derived from `mode` when the panel omits it. */
  modeBits: string;
  sizeBytes: number;
  isFile: boolean;
  /** Unreliable on real Wings (always false); shown, never relied on. */
  isSymlink: boolean;
  /** May carry a charset suffix; compare by prefix. */
  mimetype: string;
  createdAt: string | null;
  modifiedAt: string | null;
}
