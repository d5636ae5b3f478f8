/**
 * HS256 JWTs, as the panel signs them for Wings (`NodeJWTService`): websocket tokens and the
 * single-use signed download/upload URLs. The node's secret never leaves the sim.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Signs claims with HS256. */
export function signJwt(claims: Record<string, unknown>, secret: Buffer): string {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The claims of a well-signed token, or null (malformed or a bad signature). */
export function verifyJwt(token: string, secret: Buffer): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What the sim puts in every token besides the standard claims. */
export interface TokenOptions {
  secret: Buffer;
  panelUrl: string;
  wingsUrl: string;
  nowMs: number;
  ttlMs: number;
  claims: Record<string, unknown>;
}

/** A token with Pterodactyl's claims (§5.1) plus the sim's millisecond expiry. */
export function issueToken(options: TokenOptions): string {
  const seconds = Math.floor(options.nowMs / 1000);
  return signJwt(
    {
      iss: options.panelUrl,
      aud: [options.wingsUrl],
      iat: seconds,
      nbf: seconds - 300,
      exp: Math.ceil((options.nowMs + options.ttlMs) / 1000),
      unique_id: randomUUID(),
      ...options.claims,
      // Millisecond precision so short test lifetimes (1.5 s) behave exactly.
      sim_exp_ms: options.nowMs + options.ttlMs,
    },
    options.secret,
  );
}
