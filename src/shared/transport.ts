/**
 * When Pterotray may speak without encryption. The API key travels in every request's
 * `Authorization` header, so `http:` is allowed only where nothing crosses a network: loopback.
 * Any other plain-text panel needs the person's explicit choice, kept as a lasting mark on the
 * account (the app) or an environment variable (the CLI). The addresses a panel hands out (the
 * Wings websocket, signed download and upload links) follow the same rule, so a panel on https
 * cannot send the key's tokens or the user's files over a weaker channel.
 *
 * Shared by core (which enforces it), main (links, confirmations) and the renderer (which warns
 * as the address is typed). Plain functions over strings, nothing else.
 */

/** 127.0.0.0/8, ::1 and `localhost` (with its subdomains, RFC 6761 §6.3): this machine only. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return Number(v4[1]) === 127 && v4.slice(1).every((part) => Number(part) <= 255);
  // ::ffff:127.x.y.z, as URL writes it (::ffff:7f00:1)
  const mapped = /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.exec(host);
  return mapped !== null;
}

const PLAIN = new Set(['http:', 'ws:']);
const ENCRYPTED = new Set(['https:', 'wss:']);

/** How an address would travel. `unknown` for what is not a URL or not http(s)/ws(s). */
export type Transport = 'encrypted' | 'loopback' | 'plain' | 'unknown';

export function transportOf(address: string): Transport {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'unknown';
  }
  if (ENCRYPTED.has(url.protocol)) return 'encrypted';
  if (!PLAIN.has(url.protocol)) return 'unknown';
  return isLoopbackHost(url.hostname) ? 'loopback' : 'plain';
}

/** True when `address` would carry the key in clear text over a network. */
export function isPlainNetworkAddress(address: string): boolean {
  return transportOf(address) === 'plain';
}

/**
 * Whether an address may be used: encrypted or loopback always; plain text only when the person
 * chose it for this panel (`allowPlain`). The same rule for the panel and for what it hands out.
 */
export function mayUse(address: string, allowPlain: boolean): boolean {
  const transport = transportOf(address);
  return transport === 'encrypted' || transport === 'loopback' || (transport === 'plain' && allowPlain);
}

/** The one warning, word for word, wherever the choice is offered. */
export const PLAIN_HTTP_WARNING = 'This panel is not encrypted: anyone on the network can read your key.';

/** The CLI's opt-in (set to 1) for a panel on plain http that is not on this machine. */
export const ALLOW_PLAIN_HTTP_ENV = 'PTEROTRAY_ALLOW_PLAIN_HTTP';
