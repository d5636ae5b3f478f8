/**
 * A server's identifier is whatever the panel sends: 8 hex characters on Pterodactyl 1.11 and
 * Pelican, `serv_` + the uuid in unpadded lower-case base 32 (26 characters) on Pterodactyl 1.12
 * with PTERODACTYL_USE_SERVER_IDENTIFIERS (panel PR #5548, the HasRealtimeIdentifier trait), or a
 * uuid, all accepted in routes. Nothing may assume one shape; what is taken is bounded: URL-safe
 * characters only (it goes into every /servers/{server} path) and at most 64 of them.
 */
export const MAX_SERVER_IDENTIFIER_LENGTH = 64;

const SHAPE = /^[A-Za-z0-9_-]+$/;

export function isServerIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_SERVER_IDENTIFIER_LENGTH && SHAPE.test(value);
}

/** Why `value` is not an identifier, for error messages (never echoes the value itself). */
export function serverIdentifierProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty string';
  if (value.length > MAX_SERVER_IDENTIFIER_LENGTH) return `must be at most ${MAX_SERVER_IDENTIFIER_LENGTH} characters`;
  if (!SHAPE.test(value)) return 'may hold only letters, digits, "_" and "-"';
  return null;
}
