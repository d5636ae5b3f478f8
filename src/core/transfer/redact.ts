/** Signed Wings URLs carry a JWT in `token=`: anything logged or put in an error is scrubbed. */

const TOKEN_PARAM = /([?&]token=)[^&#\s"']*/gi;
const JWT_LIKE = /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g;

/** `text` with every `token=` value and anything shaped like a JWT replaced. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_PARAM, '$1[redacted]').replace(JWT_LIKE, '[redacted]');
}

/** `scheme://host[:port]/path` of a URL: enough to tell nodes apart in a log, nothing secret. */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
