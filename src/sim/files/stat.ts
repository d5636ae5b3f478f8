/** A tree node as Wings' stat (`server/filesystem/stat.go`) and the panel's file_object (§4.3) show it. */
import { atom } from '../util/time';
import { contentSize, headContent } from './content';
import { DIRECTORY_MIME, MIME_SNIFF_BYTES, sniffMime } from './mime';
import type { TreeNode } from './tree';

const PERMISSION_LETTERS = 'rwxrwxrwx';

/** Go's `FileMode.String()`: `drwxr-xr-x`, `-rw-r--r--`. */
export function modeString(node: TreeNode): string {
  let out = node.kind === 'dir' ? 'd' : '-';
  for (let bit = 8; bit >= 0; bit--) out += node.modeBits & (1 << bit) ? PERMISSION_LETTERS[8 - bit] : '-';
  return out;
}

/** Octal permission bits as a string, e.g. `644`. */
export function modeBitsString(node: TreeNode): string {
  return (node.modeBits & 0o777).toString(8);
}

/** The sniffed mimetype; a directory is `inode/directory`. */
export function nodeMime(node: TreeNode): string {
  if (node.kind === 'dir') return DIRECTORY_MIME;
  return sniffMime(node.name, headContent(node.content, MIME_SNIFF_BYTES));
}

/** Size in bytes; a directory reports its inode size like Wings. */
export function nodeSize(node: TreeNode): number {
  return node.kind === 'dir' ? 4096 : contentSize(node.content);
}

/** `file_object` attributes with the panel's key names (`mimetype`, `is_file`, `created_at`). */
export function fileObjectAttributes(node: TreeNode): Record<string, unknown> {
  return {
    name: node.name,
    mode: modeString(node),
    mode_bits: modeBitsString(node),
    size: nodeSize(node),
    is_file: node.kind === 'file',
    // Wings computes this as Perm() & ModeSymlink, always false (§4.3); the sim has no links anyway.
    is_symlink: false,
    mimetype: nodeMime(node),
    created_at: atom(node.createdAtMs),
    modified_at: atom(node.modifiedAtMs),
  };
}
