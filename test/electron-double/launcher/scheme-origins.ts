/**
 * Pages of the app's own schemes (`protocol.handle`, e.g. app://pterotray/index.html). Chromium
 * cannot navigate to a scheme it was not built to know, so each scheme://host gets an http origin
 * of its own, http://<host>.<scheme>.localhost, that never reaches the network: the window's
 * route sends every request for it to the app's handler in the child and answers with what the
 * handler returned. `*.localhost` is a secure context in Chromium, like a scheme registered with
 * `secure: true`; the page's `location.origin` is that http origin, while the app sees the
 * scheme's URL everywhere (getURL(), senderFrame.url, will-navigate), as it would in Electron.
 */

// Schemes Chromium loads itself; anything else a window loads is the app's own.
const CHROMIUM_SCHEMES = new Set(['http:', 'https:', 'file:', 'data:', 'about:', 'blob:', 'javascript:', 'chrome:', 'devtools:', 'ws:', 'wss:']);

const label = (text: string): string => text.toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'no-host';

/** The mapping of one launched app. */
export class SchemeOrigins {
  private readonly appByPage = new Map<string, string>();

  /** True when the URL is of a scheme the app must handle (not one Chromium knows). */
  static isAppScheme(url: string): boolean {
    try {
      return !CHROMIUM_SCHEMES.has(new URL(url).protocol);
    } catch {
      return false;
    }
  }

  /** The http URL the page loads for an app-scheme URL. */
  pageUrl(appUrl: string): string {
    const url = new URL(appUrl);
    const pageOrigin = `http://${label(url.hostname)}.${label(url.protocol.slice(0, -1))}.localhost`;
    this.appByPage.set(pageOrigin, `${url.protocol}//${url.host}`);
    return `${pageOrigin}${url.pathname || '/'}${url.search}${url.hash}`;
  }

  /** The app-scheme URL behind a page URL, or undefined when the page URL is not one of ours. */
  appUrl(pageUrl: string): string | undefined {
    let url: URL;
    try {
      url = new URL(pageUrl);
    } catch {
      return undefined;
    }
    const appOrigin = this.appByPage.get(url.origin);
    return appOrigin === undefined ? undefined : `${appOrigin}${url.pathname}${url.search}${url.hash}`;
  }
}
