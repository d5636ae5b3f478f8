/**
 * When a websocket token dies, on this machine's clock. Wings checks `exp` against its own clock
 * and, once it has passed, answers every event with `jwt error` and replaces every event it would
 * send with one (`SendJson` in wings `router/websocket/websocket.go`): the socket looks open and
 * says nothing true. Wings' own "token expired" notice rarely gets through, because it goes
 * through that same `SendJson` (`listenForExpiration` in `router/websocket/listeners.go`). So the
 * client works out the moment itself from the token's claims.
 *
 * The claims are read, not verified (only the node holds the secret). `iat` is the panel's clock
 * when it signed the token, which was moments before it arrived, so `exp - iat` is the lifetime
 * whatever this machine's clock says.
 */

/** Lifetimes outside this range are not believed (a garbled or hostile token). */
const MAX_LIFETIME_MS = 24 * 60 * 60_000;

/** The token's death on the local clock, or null when its claims do not say (not a JWT, no `exp`). */
export function tokenExpiresAtMs(token: string, receivedAtMs: number): number | null {
  const claims = readClaims(token);
  if (!claims) return null;
  const exp = claims['exp'];
  const iat = claims['iat'];
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  const lifetimeMs = typeof iat === 'number' && Number.isFinite(iat) ? (exp - iat) * 1000 : exp * 1000 - receivedAtMs;
  if (!(lifetimeMs > 0) || lifetimeMs > MAX_LIFETIME_MS) return null;
  return receivedAtMs + lifetimeMs;
}

function readClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
