/**
 * Keeps the API key out of anything we build from text we did not write: a hostile or buggy
 * panel may echo the Authorization header back in an error detail or a redirect URL.
 */

const REDACTED = '[redacted]';

/** Longest piece of panel-supplied text kept in an error message. */
export const MAX_ERROR_TEXT = 2000;

/**
 * The strings to scrub for one API key: the whole key and, for a standard 48-character key,
 * its 32-character secret half (the 16-character identifier alone is not secret).
 */
export function secretsOf(apiKey: string): string[] {
  const secrets = [apiKey];
  if (apiKey.length >= 32) secrets.push(apiKey.slice(16));
  return secrets.filter((s) => s.length >= 8);
}

/** `text` with every secret replaced, cut to MAX_ERROR_TEXT. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out.length > MAX_ERROR_TEXT ? `${out.slice(0, MAX_ERROR_TEXT)}…` : out;
}
