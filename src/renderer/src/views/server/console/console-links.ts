/**
 * Links in the console: only those to the server's own panel (its origin) are underlined and
 * open on a click; any other URL a game prints stays plain text. A game's output is anyone's
 * text (a player's chat line, a plugin's banner), so a link elsewhere is not the app's to offer.
 * The click goes through `window.open`, which main turns into its own external-link check
 * (src/main/external-links.ts: a configured panel's origin, https or allowed http, after a press).
 */

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// The characters a URL's path may carry in a console line; it may not end in sentence punctuation.
const PATH = String.raw`[/?#][^\s"'<>\`]*[^\s"'<>\`.,;:!?)\]}]`;
// The origin must end there: `https://panel.example.com.evil.net` or `…:8443` is not the panel.
const ORIGIN_END = String.raw`(?![\w.:@-])`;
// …and start a word: inside another URL (`https://evil.net/?u=https://panel…`) it is that URL's text.
const WORD_START = String.raw`(?<![^\s([{<"'])`;
// Nothing matches: a panel URL that does not parse links nothing.
const NEVER = /(?!)/;

/** The panel's origin (`https://panel.example.com`), or null when its URL does not parse. */
export function panelOrigin(panelUrl: string): string | null {
  try {
    const url = new URL(panelUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The pattern of links to the panel at `panelUrl` (for @xterm/addon-web-links' `urlRegex`). */
export function panelLinkPattern(panelUrl: string): RegExp {
  const origin = panelOrigin(panelUrl);
  return origin === null ? NEVER : new RegExp(`${WORD_START}${escapeRegExp(origin)}(?:${PATH}|${ORIGIN_END})`, 'i');
}

/** Whether `uri` is on the panel's own origin, with no credentials in it. */
export function isPanelLink(uri: string, panelUrl: string): boolean {
  const origin = panelOrigin(panelUrl);
  try {
    const url = new URL(uri);
    return origin !== null && url.origin === origin && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** Opens a panel link in the browser (main checks it again and opens it only after a press). */
export function openPanelLink(uri: string, panelUrl: string, open: (url: string) => void = (url) => void window.open(url, '_blank', 'noopener')): boolean {
  if (!isPanelLink(uri, panelUrl)) return false;
  open(uri);
  return true;
}
