/**
 * Pterodactyl 1.12's realtime identifiers (panel PR #5548, app/Models/Traits/HasRealtimeIdentifier):
 * `<prefix>_` + the uuid's 16 bytes in RFC 4648 base 32, lower case, unpadded (ParagonIE's
 * Base32::encodeUnpadded), so 26 characters for a uuid.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function base32Unpadded(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function prefixedIdentifier(prefix: string, uuid: string): string {
  const hex = uuid.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`sim: not a uuid: ${uuid}`);
  return `${prefix}_${base32Unpadded(Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16)))}`;
}
