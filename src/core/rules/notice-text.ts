/**
 * Plain text for notifications, pure. A notification is read at a glance and seems to come from
 * Pterotray, so nothing a panel (or a paste) put into a name may restyle or reorder the sentence
 * around it: control characters and line breaks become spaces, Unicode's bidi embeddings,
 * overrides and isolates are dropped, and a name is kept short. Markup is the desktop's concern
 * and is handled where the text is handed to it (src/main/notifications/desktop-text.ts).
 */

/**
 * C0 and C1 controls, DEL, and the line and paragraph separators. A line break in a title would
 * fake a second line; the rest have no business in a sentence.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is being removed
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069): they reorder
 * the text after them, so "crashed" could read backwards or a name seem to be another
 * (CVE-2021-42574, "Trojan Source"). The marks LRM/RLM only hint a direction and stay.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** A name in a notice is at most this many characters (code points); longer ones end in "…". */
export const NOTICE_NAME_MAX_CHARS = 64;

/** `text` on one line: controls as spaces, bidi controls gone, runs of white space as one, trimmed. */
export function plainLine(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** `text` cut to `maxChars` code points (never half a surrogate pair), ending in "…" when cut. */
export function capChars(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return `${chars
    .slice(0, Math.max(0, maxChars - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * A server, node or panel name as a notice may show it: on one line, without bidi controls, at
 * most NOTICE_NAME_MAX_CHARS long. `fallback` (cleaned the same way) stands in for a name that
 * is nothing once cleaned, so a title never reads " crashed".
 */
export function noticeName(name: string, fallback: string): string {
  const cleaned = plainLine(name);
  return capChars(cleaned.length > 0 ? cleaned : plainLine(fallback), NOTICE_NAME_MAX_CHARS);
}
