/**
 * Deterministic large-file bytes made on the fly: a seeded 64 KiB block, stamped with its block
 * index so the file is not periodic (a shifted or reordered download changes the hash).
 */
import { SeededRandom } from '../util/random';

const BLOCK_BYTES = 64 * 1024;
const LINE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
const baseBlocks = new Map<string, Buffer>();

function baseBlock(seed: number, text: boolean): Buffer {
  const key = `${seed}:${text}`;
  let block = baseBlocks.get(key);
  if (block) return block;
  block = Buffer.alloc(BLOCK_BYTES);
  const random = new SeededRandom(seed);
  for (let i = 0; i < BLOCK_BYTES; i++) {
    if (text) block[i] = i % 64 === 63 ? 0x0a : LINE_CHARS.charCodeAt(Math.floor(random.next() * LINE_CHARS.length));
    else block[i] = Math.floor(random.next() * 256);
  }
  if (baseBlocks.size > 16) baseBlocks.clear(); // a handful of seeds in practice; never grows unbounded
  baseBlocks.set(key, block);
  return block;
}

function stampedBlock(seed: number, text: boolean, index: number): Buffer {
  const block = Buffer.from(baseBlock(seed, text));
  if (text) block.write(index.toString(16).padStart(16, '0'), 0, 'latin1');
  else block.writeBigUInt64LE(BigInt(index), 0);
  return block;
}

/** The bytes [start, end) of a pattern file, in chunks of at most 64 KiB. */
export function* patternChunks(seed: number, text: boolean, start: number, end: number): Generator<Buffer> {
  let offset = start;
  while (offset < end) {
    const index = Math.floor(offset / BLOCK_BYTES);
    const blockStart = index * BLOCK_BYTES;
    const block = stampedBlock(seed, text, index);
    const from = offset - blockStart;
    const to = Math.min(BLOCK_BYTES, end - blockStart);
    yield block.subarray(from, to);
    offset = blockStart + to;
  }
}

/** The bytes [start, end) as one buffer (for small reads: sniffing, the editor). */
export function patternSlice(seed: number, text: boolean, start: number, end: number): Buffer {
  return Buffer.concat([...patternChunks(seed, text, start, end)]);
}
