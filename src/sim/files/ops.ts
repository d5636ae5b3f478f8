/**
 * The file operations Wings performs behind the panel's files routes (§3.3), with Wings' own
 * quirks: copies named "name copy.ext", renames that may move with `../`, missing rename sources
 * ignored, a tar for compress, octal mode strings for chmod.
 */
import type { Clock } from '../../core/util/deps';
import { archiveContent, memoryContent, readContent } from './content';
import type { ArchiveEntry } from './content';
import { parseTar } from './archive';
import { baseName, joinPath, parentPath } from './paths';
import { TreeError, walk } from './tree';
import type { FileNode, FileTree, TreeNode } from './tree';

function resolve(root: string, name: string): string {
  const path = joinPath(root, name);
  if (path === null) throw new TreeError('outside-root', `${root}/${name}`);
  return path;
}

/** Wings' `findCopySuffix`: "a copy.txt", "a copy 1.txt", ... (`.tar.x` kept as one extension). */
export function copyName(name: string, exists: (candidate: string) => boolean, nowMs: number): string {
  const dot = name.lastIndexOf('.');
  let extension = dot >= 0 ? name.slice(dot) : '';
  let stem = dot >= 0 ? name.slice(0, dot) : name;
  if (stem.endsWith('.tar')) {
    extension = `.tar${extension}`;
    stem = stem.slice(0, -4);
  }
  for (let i = 0; i <= 50; i++) {
    const candidate = `${stem}${i === 0 ? ' copy' : ` copy ${i}`}${extension}`;
    if (!exists(candidate)) return candidate;
  }
  return `${stem}copy.${new Date(nowMs).toISOString()}${extension}`;
}

/** `POST files/copy`: copies one file next to itself; returns the new path. */
export function copyFile(tree: FileTree, location: string, nowMs: number): string {
  const source = tree.file(resolve('/', location));
  const dir = parentPath(resolve('/', location));
  const name = copyName(source.name, (candidate) => tree.get(`${dir}/${candidate}`) !== null, nowMs);
  const target = resolve(dir, name);
  tree.writeFile(target, tree.share(source.content), source.modeBits);
  return target;
}

/** `PUT files/rename`: one from/to pair relative to `root`; a missing source is ignored like Wings. */
export function renameFile(tree: FileTree, root: string, from: string, to: string): void {
  const source = resolve(root, from);
  const target = resolve(root, to);
  if (source === target || tree.get(source) === null) return;
  if (tree.get(target) !== null) throw new TreeError('exists', target);
  if (target.startsWith(`${source}/`)) throw new TreeError('outside-root', target);
  const node = tree.detach(source);
  tree.place(target, node);
}

/** `POST files/delete`; the root itself cannot be deleted. */
export function deleteFiles(tree: FileTree, root: string, files: string[]): void {
  for (const file of files) {
    const path = resolve(root, file);
    if (path === '/') throw new TreeError('outside-root', path);
    tree.remove(path);
  }
}

/** `POST files/chmod`: Wings parses the mode as an octal string; anything else is refused. */
export function chmodFile(tree: FileTree, root: string, file: string, mode: unknown): void {
  if (typeof mode !== 'string' || !/^[0-7]{1,4}$/.test(mode)) throw new TypeError('mode must be an octal string');
  const node = tree.get(resolve(root, file));
  if (!node) throw new TreeError('not-found', file);
  node.modeBits = parseInt(mode, 8) & 0o777;
}

function snapshot(tree: FileTree, node: TreeNode, relPath: string, entries: ArchiveEntry[]): void {
  walk(
    node,
    (child, childRel) => {
      const path = childRel ? `${relPath}/${childRel}` : relPath;
      const content = child.kind === 'file' ? tree.share(child.content) : null;
      entries.push({ path, kind: child.kind, modeBits: child.modeBits, mtimeMs: child.modifiedAtMs, content });
    },
    '',
  );
}

/** `POST files/compress`: a tar of `files` (relative to `root`) placed in `root`. */
export function compressFiles(tree: FileTree, clock: Clock, root: string, files: string[]): FileNode {
  const entries: ArchiveEntry[] = [];
  for (const file of files) {
    const path = resolve(root, file);
    const node = tree.get(path);
    if (!node) throw new TreeError('not-found', path);
    snapshot(tree, node, baseName(path), entries);
  }
  const stamp = new Date(clock.now())
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '');
  let name = `archive-${stamp}.tar`;
  // Wings would overwrite an archive made in the same second; the sim keeps both so tests can count.
  for (let i = 1; tree.get(resolve(root, name)) !== null; i++) name = `archive-${stamp}-${i}.tar`;
  return tree.writeFile(resolve(root, name), archiveContent(entries));
}

function entriesOf(node: FileNode): ArchiveEntry[] | null {
  if (node.content.type === 'archive') return node.content.entries;
  let bytes: Buffer;
  try {
    bytes = readContent(node.content);
  } catch {
    return null;
  }
  const parsed = parseTar(bytes);
  if (!parsed) return null;
  return parsed.map((entry) => ({
    path: entry.path,
    kind: entry.kind,
    modeBits: entry.modeBits,
    mtimeMs: entry.mtimeMs,
    content: entry.data ? memoryContent(entry.data) : null,
  }));
}

/** `POST files/decompress`: extracts into `root`, overwriting. False for an unknown format. */
export function decompressFile(tree: FileTree, root: string, file: string, nowMs: number): boolean {
  const archive = tree.file(resolve(root, file));
  const entries = entriesOf(archive);
  if (!entries) return false;
  const shareFromArchive = archive.content.type === 'archive';
  for (const entry of entries) {
    const path = resolve(root, entry.path);
    if (entry.kind === 'dir') {
      const existing = tree.get(path);
      if (existing?.kind === 'file') tree.remove(path);
      const dir = existing?.kind === 'dir' ? existing : tree.ensureDir(path);
      dir.modeBits = entry.modeBits;
      continue;
    }
    if (tree.get(path)?.kind === 'dir') tree.remove(path);
    const content = entry.content ?? memoryContent('');
    const node = tree.writeFile(path, shareFromArchive ? tree.share(content) : content, entry.modeBits);
    node.modifiedAtMs = entry.mtimeMs || nowMs;
  }
  return true;
}

/** `POST files/create-folder`. */
export function createFolder(tree: FileTree, root: string, name: string): void {
  const path = resolve(root, name);
  const existing = tree.get(path);
  if (existing?.kind === 'file') throw new TreeError('exists', path);
  if (!existing) tree.ensureDir(path);
}
