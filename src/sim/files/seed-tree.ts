/**
 * The files every server starts with: game config, logs, a binary, awkward names (spaces,
 * unicode, `#`, `%`, `?`, `&`, `+`, a leading dash) and a `big/` folder built only when opened.
 */
import { gzipSync } from 'node:zlib';
import type { EggProfile } from '../state/eggs';
import { SeededRandom } from '../util/random';
import { SEED_EPOCH_MS } from '../util/time';
import { memoryContent } from './content';
import type { FileContent } from './content';
import { makeDir } from './tree';
import type { DirNode, FileNode, TreeNode } from './tree';

/** What the seed tree depends on. */
export interface SeedTreeOptions {
  seed: number;
  egg: EggProfile;
  serverName: string;
  bigFolderEntries: number;
}

/** Names the tests rely on; listed once so tests and seed cannot drift. */
export const ODD_FILE_NAMES = ['notes with spaces.txt', 'ünïcödé 文件.txt', '-dash.txt', '100% #1 & more?.txt', 'a+b.txt'] as const;

/** A text file over the panel's 4 MiB editor limit, for `FileSizeTooLargeException`. */
export const HUGE_LOG_PATH = '/logs/huge.log';
const HUGE_LOG_BYTES = 5 * 1024 * 1024;

function fileNode(name: string, content: FileContent, atMs: number, modeBits = 0o644): FileNode {
  return { kind: 'file', name, modeBits, createdAtMs: atMs, modifiedAtMs: atMs, content };
}

function binaryJar(random: SeededRandom): Buffer {
  const bytes = Buffer.alloc(8192);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random.next() * 256);
  bytes.writeUInt32BE(0x504b0304, 0);
  return bytes;
}

function latestLog(options: SeedTreeOptions): string {
  const lines = [...options.egg.bootLines, options.egg.readyLine, ...options.egg.stopLines];
  return `${lines.join('\n')}\n`;
}

function addFile(root: DirNode, path: string, node: FileNode, atMs: number): void {
  const segments = path.split('/').filter(Boolean);
  let dir = root;
  for (const segment of segments.slice(0, -1)) {
    let next = dir.children.get(segment);
    if (!next) {
      next = makeDir(segment, atMs);
      dir.children.set(segment, next);
    }
    if (next.kind !== 'dir') throw new Error(`seed tree: ${segment} is a file`);
    dir = next;
  }
  dir.children.set(node.name, node);
}

function bigFolder(count: number, atMs: number): DirNode {
  const dir = makeDir('big', atMs);
  const width = Math.max(5, String(count).length);
  dir.lazyChildren = (): TreeNode[] =>
    Array.from({ length: count }, (_, i) => {
      const name = `entry-${String(i + 1).padStart(width, '0')}.txt`;
      return fileNode(name, memoryContent(`entry ${i + 1}\n`), atMs);
    });
  return dir;
}

/** Builds a server's initial tree. */
export function buildSeedTree(options: SeedTreeOptions): DirNode {
  const random = new SeededRandom(options.seed);
  const atMs = SEED_EPOCH_MS + random.int(0, 30 * 86_400) * 1000;
  const root = makeDir('', atMs);
  const text = (path: string, body: string, modeBits?: number): void =>
    addFile(root, path, fileNode(path.split('/').pop() ?? path, memoryContent(body), atMs, modeBits), atMs);

  for (const [path, body] of Object.entries(options.egg.files)) text(path, body);
  text('logs/latest.log', latestLog(options));
  text('start.sh', '#!/bin/bash\ncd /home/container\nexec "$@"\n', 0o755);
  text('config/settings.json', `${JSON.stringify({ name: options.serverName, autosave: true }, null, 2)}\n`);
  for (const name of ODD_FILE_NAMES) text(name, `This file is called "${name}".\n`);
  addFile(root, 'server.jar', fileNode('server.jar', memoryContent(binaryJar(random)), atMs), atMs);
  addFile(root, 'world/level.dat', fileNode('level.dat', memoryContent(gzipSync(Buffer.from(`level ${options.seed}`))), atMs), atMs);
  const huge: FileContent = { type: 'pattern', size: HUGE_LOG_BYTES, seed: options.seed, text: true };
  addFile(root, HUGE_LOG_PATH, fileNode('huge.log', huge, atMs), atMs);
  root.children.set('big', bigFolder(options.bigFolderEntries, atMs));
  return root;
}
