/**
 * Keeps secrets out of alert bodies (issue 14: "the API key, tokens and signed URLs never appear
 * in any alert body"). An incident's text comes partly from places we do not write: a console's
 * last lines, a panel's activity entry. Before anything leaves the machine it goes through here:
 * the known secrets are cut out by value, and what looks like a panel key, a JWT (Wings' socket and
 * download tokens), a bearer credential or a signed URL's query is cut out by shape.
 */

const REDACTED = '[redacted]';

/**
 * Shapes of secrets: Pterodactyl's client and application keys (`ptlc_`/`ptla_` + 43 characters,
 * panel app/Models/ApiKey.php KEY_LENGTH 32 + identifier 16), Pelican's (`pacc_`/`papp_`), an ntfy
 * token (`tk_` + 29), a JWT (three base64url parts, the first starting `eyJ`, as Wings' tokens do),
 * and an Authorization value.
 */
const SECRET_SHAPES: readonly RegExp[] = [
  /\b(?:ptlc|ptla|pacc|papp)_[A-Za-z0-9]{20,}/g,
  /\btk_[A-Za-z0-9]{20,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** A URL with a query: the query (signatures, tokens, expiry) goes, the address stays. */
const URL_WITH_QUERY = /\bhttps?:\/\/[^\s?#"'<>]+\?[^\s"'<>]*/gi;

/** Longest piece of text of one field sent to a channel. */
export const MAX_FIELD_CHARS = 1_500;

/** `text` with every known secret and every secret-shaped piece replaced. */
export function scrub(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  for (const shape of SECRET_SHAPES)
    out = out.replace(shape, (match, scheme?: string) => (typeof scheme === 'string' && /^(bearer|basic)$/i.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED));
  out = out.replace(URL_WITH_QUERY, (url) => `${url.slice(0, url.indexOf('?'))}?${REDACTED}`);
  return out;
}

/** `scrub`, then cut to `max` characters with an ellipsis. */
export function scrubField(text: string, knownSecrets: readonly string[] = [], max = MAX_FIELD_CHARS): string {
  const out = scrub(text, knownSecrets);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
