/**
 * The renderer's own scheme. The window loads app://pterotray/index.html instead of a file://
 * URL, as Electron's security checklist asks ("Use a custom protocol instead of file://",
 * docs/tutorial/security.md): a file:// page may read every file on the machine, an app:// page
 * only what this handler serves — the built renderer (out/renderer), nothing above it.
 *
 * The scheme is registered as privileged before ready (docs/api/protocol.md,
 * `protocol.registerSchemesAsPrivileged`): `standard` gives it an origin (app://pterotray) so
 * relative URLs, module scripts and the CSP's 'self' work; `secure` makes it a secure context
 * like https; `supportFetchAPI` lets the page fetch its own assets. `corsEnabled` stays off, so
 * no other origin can read from it. The handler is installed with `protocol.handle`, which
 * registers on the default session — the session the window uses (it sets no partition).
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pterotray';
/** The renderer's origin, as Electron reports it in `senderFrame.origin`. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

// Set explicitly rather than left to Chromium's guess from the platform's MIME database (what
// `net.fetch(pathToFileURL(…))` would do): module scripts are refused without a JavaScript type.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type the handler answers a file with. */
export function mimeTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that `url` names, or null when it names nothing the scheme may serve:
 * another scheme or host, a path that leaves `root` (`..`, encoded or not), a NUL byte.
 */
export function fileForAppUrl(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(join(base, pathname === '/' || pathname === '' ? 'index.html' : pathname));
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** True when `url` is on the app's own origin (the IPC sender check and navigation guard). */
export function isAppOriginUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * True when `url` is the app's own page (the sender check of every IPC call relies on it): on
 * the app:// origin, or on the dev server's origin in `electron-vite dev`. A file:// page, any
 * other scheme or origin is not.
 */
export function appUrlMatcher(pageUrl: string): (url: string) => boolean {
  if (isAppOriginUrl(pageUrl)) return isAppOriginUrl;
  const origin = new URL(pageUrl).origin;
  return (url) => {
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
}

const answer = (status: number, text: string): Response => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * The `protocol.handle` handler: GET/HEAD of files under `root`, with their MIME type; 403 for a
 * path that leaves `root`, 404 for a missing file, 405 for other methods. `fs` is asar-aware in
 * Electron's main process, so `root` may be inside app.asar.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'method not allowed');
    const file = fileForAppUrl(request.url, root);
    if (!file) return answer(403, 'forbidden');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return answer(404, 'not found');
    }
    const type = mimeTypeOf(file);
    const headers: Record<string, string> = { 'content-type': type, 'content-length': String(body.byteLength), 'x-content-type-options': 'nosniff' };
    // The page's <meta> CSP cannot carry frame-ancestors (Chromium ignores it there); a response
    // header can, and adds to the meta policy rather than replacing it.
    if (type.startsWith('text/html')) headers['content-security-policy'] = "frame-ancestors 'none'";
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
