/**
 * One server's file tree, in memory. Directories may be lazy (the `big/` folder builds its
 * entries on first access) so 1000 servers x 10,000 entries cost nothing until someone looks.
 */
import type { Clock } from '../../core/util/deps';
import type { BlobStore } from './blobs';
import { contentSize, releaseContent, retainContent } from './content';
import type { FileContent } from './content';
import { baseName, parentPath, splitPath } from './paths';

interface NodeBase {
  name: string;
  modeBits: number;
  createdAtMs: number;
  modifiedAtMs: number;
}

/** A regular file. */
export interface FileNode extends NodeBase {
  kind: 'file';
  content: FileContent;
}

/** A directory; its children are keyed by name. */
export interface DirNode extends NodeBase {
  kind: 'dir';
  children: Map<string, TreeNode>;
  /** Builds the children on first access, then is dropped. */
  lazyChildren?: () => TreeNode[];
}

/** Anything in the tree (the sim has no symlinks). */
export type TreeNode = FileNode | DirNode;

/** Why a tree operation failed, in Wings' categories (the routes map them to Wings' words). */
export type TreeErrorKind = 'not-found' | 'is-directory' | 'not-directory' | 'exists' | 'outside-root';

/** A failed tree operation. */
export class TreeError extends Error {
  constructor(
    readonly kind: TreeErrorKind,
    readonly path: string,
  ) {
    super(`${kind}: ${path}`);
    this.name = 'TreeError';
  }
}

/** The children of a directory, materialising a lazy one. */
export function childrenOf(dir: DirNode): Map<string, TreeNode> {
  if (dir.lazyChildren) {
    const build = dir.lazyChildren;
    delete dir.lazyChildren;
    for (const child of build()) dir.children.set(child.name, child);
  }
  return dir.children;
}

/** Makes an empty directory node. */
export function makeDir(name: string, atMs: number, modeBits = 0o755): DirNode {
  return { kind: 'dir', name, modeBits, createdAtMs: atMs, modifiedAtMs: atMs, children: new Map() };
}

/** Wings' order: directories first, then by name (byte order, like Go's string compare). */
export function compareEntries(a: TreeNode, b: TreeNode): number {
  if (a.kind !== b.kind) return a.kind === 'dir' ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The tree plus the bookkeeping that must follow every change (spill refs, disk usage). */
export class FileTree {
  /** Bytes added (or removed, negative) since the seed, for `disk_bytes`. */
  bytesDelta = 0;

  constructor(
    readonly root: DirNode,
    private readonly clock: Clock,
    private readonly blobs: BlobStore,
  ) {}

  private segments(path: string): string[] {
    const segments = splitPath(path);
    if (segments === null) throw new TreeError('outside-root', path);
    return segments;
  }

  /** The node at `path`, or null. */
  get(path: string): TreeNode | null {
    let node: TreeNode = this.root;
    for (const segment of this.segments(path)) {
      if (node.kind !== 'dir') return null;
      const next = childrenOf(node).get(segment);
      if (!next) return null;
      node = next;
    }
    return node;
  }

  /** The directory at `path`; throws not-found / not-directory. */
  dir(path: string): DirNode {
    const node = this.get(path);
    if (!node) throw new TreeError('not-found', path);
    if (node.kind !== 'dir') throw new TreeError('not-directory', path);
    return node;
  }

  /** The file at `path`; throws not-found / is-directory. */
  file(path: string): FileNode {
    const node = this.get(path);
    if (!node) throw new TreeError('not-found', path);
    if (node.kind !== 'file') throw new TreeError('is-directory', path);
    return node;
  }

  /** A directory's entries in Wings' order. */
  list(path: string): TreeNode[] {
    return [...childrenOf(this.dir(path)).values()].sort(compareEntries);
  }

  /** `mkdir -p`; throws not-directory when a file is in the way. */
  ensureDir(path: string): DirNode {
    let dir = this.root;
    for (const segment of this.segments(path)) {
      const children = childrenOf(dir);
      const next = children.get(segment);
      if (next && next.kind !== 'dir') throw new TreeError('not-directory', path);
      if (next) {
        dir = next;
        continue;
      }
      const created = makeDir(segment, this.clock.now());
      children.set(segment, created);
      dir.modifiedAtMs = this.clock.now();
      dir = created;
    }
    return dir;
  }

  /** Creates or replaces a file (parents created); takes ownership of `content`'s references. */
  writeFile(path: string, content: FileContent, modeBits?: number): FileNode {
    const name = baseName(path);
    if (name === '') throw new TreeError('is-directory', path);
    const parent = this.ensureDir(parentPath(path));
    const children = childrenOf(parent);
    const existing = children.get(name);
    if (existing?.kind === 'dir') throw new TreeError('is-directory', path);
    const now = this.clock.now();
    if (existing) this.forget(existing);
    const node: FileNode = {
      kind: 'file',
      name,
      modeBits: modeBits ?? existing?.modeBits ?? 0o644,
      createdAtMs: existing?.createdAtMs ?? now,
      modifiedAtMs: now,
      content,
    };
    children.set(name, node);
    parent.modifiedAtMs = now;
    this.bytesDelta += contentSize(content);
    return node;
  }

  /** Puts an existing node (a moved one, or an extracted tree) at `path`, replacing a file there. */
  place(path: string, node: TreeNode): void {
    const parent = this.ensureDir(parentPath(path));
    const children = childrenOf(parent);
    const name = baseName(path);
    const existing = children.get(name);
    if (existing) this.forget(existing);
    node.name = name;
    children.set(name, node);
    parent.modifiedAtMs = this.clock.now();
    this.bytesDelta += treeBytes(node);
  }

  /** Removes a file or a directory tree; false when nothing was there. */
  remove(path: string): boolean {
    const name = baseName(path);
    if (name === '') return false;
    const parent = this.get(parentPath(path));
    if (!parent || parent.kind !== 'dir') return false;
    const node = childrenOf(parent).get(name);
    if (!node) return false;
    childrenOf(parent).delete(name);
    parent.modifiedAtMs = this.clock.now();
    this.forget(node);
    return true;
  }

  /** Detaches a node without releasing its content (a move). */
  detach(path: string): TreeNode {
    const node = this.get(path);
    const parent = this.get(parentPath(path));
    if (!node || !parent || parent.kind !== 'dir' || path === '/') throw new TreeError('not-found', path);
    childrenOf(parent).delete(node.name);
    parent.modifiedAtMs = this.clock.now();
    this.bytesDelta -= treeBytes(node);
    return node;
  }

  /** Adds references for a content that is about to live in a second place (copy, archive). */
  share(content: FileContent): FileContent {
    retainContent(content, this.blobs);
    return content;
  }

  private forget(node: TreeNode): void {
    this.bytesDelta -= treeBytes(node);
    walk(node, (child) => {
      if (child.kind === 'file') releaseContent(child.content, this.blobs);
    });
  }

  /** Releases every spill file the tree holds (the sim is closing). */
  dispose(): void {
    this.forget(this.root);
  }
}

/** Visits a node and everything under it (materialising lazy directories). */
export function walk(node: TreeNode, visit: (node: TreeNode, relPath: string) => void, relPath = ''): void {
  visit(node, relPath);
  if (node.kind !== 'dir') return;
  for (const child of childrenOf(node).values()) walk(child, visit, relPath ? `${relPath}/${child.name}` : child.name);
}

/** Bytes of the files under a node. Lazy directories count as their seeded size, i.e. zero delta. */
function treeBytes(node: TreeNode): number {
  if (node.kind === 'file') return contentSize(node.content);
  if (node.lazyChildren) return 0;
  let total = 0;
  for (const child of node.children.values()) total += treeBytes(child);
  return total;
}
