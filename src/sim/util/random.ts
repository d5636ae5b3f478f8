/**
 * Deterministic randomness: everything the sim makes up (names, uuids, stats wobble, file bytes)
 * derives from the seed, so a test or a screenshot sees the same panel every time.
 */
import { randomBytes } from 'node:crypto';

/** A small, fast seeded PRNG (mulberry32): good enough for plausible data, not for secrets. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** `count` lowercase hex characters. */
  hex(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** A version-4 shaped uuid. */
  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/** Mixes integers into one 32-bit seed (for per-server, per-bucket sub-streams). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h ^= part >>> 0;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/** A deterministic float in [0, 1) for a pair of integers. */
export function noise(seed: number, step: number): number {
  return new SeededRandom(mixSeed(seed, step)).next();
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random (crypto) characters from the key alphabet. */
export function randomKeyChars(count: number): string {
  const bytes = randomBytes(count);
  let out = '';
  for (const byte of bytes) out += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return out;
}

/** A client API key: prefix + 11 characters (the identifier) + a 32-character secret. */
export function generateApiKey(prefix: 'ptlc_' | 'pacc_'): string {
  return `${prefix}${randomKeyChars(11)}${randomKeyChars(32)}`;
}
