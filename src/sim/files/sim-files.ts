/** The `control.files(server)` view of a tree, for assertions and for staging test data. */
import type { SimFiles } from '../types';
import { contentSha256, memoryContent, openContent, readContent } from './content';
import { modeBitsString, nodeMime, nodeSize } from './stat';
import type { FileTree } from './tree';

/** Wraps a server's tree as `SimFiles`. */
export function simFiles(tree: FileTree, seed: number): SimFiles {
  const safeGet = (path: string) => {
    try {
      return tree.get(path);
    } catch {
      return null;
    }
  };
  return {
    exists: (path) => safeGet(path) !== null,
    stat: (path) => {
      const node = safeGet(path);
      if (!node) return null;
      return {
        name: node.name,
        isFile: node.kind === 'file',
        sizeBytes: nodeSize(node),
        modeBits: modeBitsString(node),
        mimetype: nodeMime(node),
        modifiedAtMs: node.modifiedAtMs,
      };
    },
    list: (directory) => tree.list(directory).map((node) => node.name),
    read: (path) => Buffer.from(readContent(tree.file(path).content)),
    readText: (path) => readContent(tree.file(path).content).toString('utf8'),
    write: (path, data) => void tree.writeFile(path, memoryContent(typeof data === 'string' ? data : Buffer.from(data))),
    mkdir: (path) => void tree.ensureDir(path),
    remove: (path) => tree.remove(path),
    createLarge: (path, bytes, options = {}) => {
      if (!Number.isSafeInteger(bytes) || bytes < 0) throw new RangeError('bytes must be a whole number >= 0');
      tree.writeFile(path, { type: 'pattern', size: bytes, seed: options.seed ?? seed, text: options.text ?? false });
    },
    sha256: (path) => contentSha256(tree.file(path).content),
    createReadStream: (path) => openContent(tree.file(path).content),
  };
}
