/**
 * A session's `protocol`: the handlers the app gives `protocol.handle`, called for every request
 * a window of that session makes to the scheme (the launcher routes them here over the RPC pipe),
 * following Electron 45's lib/browser/api/protocol.ts: the handler gets a fetch `Request` with the
 * app's URL, method, headers and body; a second `handle` of a scheme throws "Failed to register
 * protocol: <scheme>", `unhandle` of an unhandled one "Failed to unhandle protocol: <scheme>"; a
 * handler that throws (logged with console.error) or returns no valid Response fails the request
 * with ERR_UNEXPECTED (-9), `Response.error()` with ERR_FAILED (-2). A scheme nobody handles
 * fails with Chromium's ERR_UNKNOWN_URL_SCHEME (-302, net/base/net_error_list.h).
 */
import { doubleContext } from './context';

type Handler = (request: Request) => Response | Promise<Response>;

/** A request for the scheme as the launcher saw it in the page (URL already mapped back). */
export interface ProtocolRequestParams {
  windowId: number;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array | null;
}

/** What goes back to the launcher: a response to fulfil, or the net error the load fails with. */
export type ProtocolAnswer =
  | { ok: true; status: number; statusText: string; headers: Record<string, string>; body: Uint8Array }
  | { ok: false; errorCode: number; errorDescription: string };

const privileges = new Map<string, Record<string, boolean>>();

/** protocol.registerSchemesAsPrivileged's record (global, like Electron's). */
export function registerPrivileges(scheme: string, granted: Record<string, boolean>): void {
  privileges.set(scheme, { ...granted });
}

export function privilegedSchemes(): string[] {
  return [...privileges.keys()];
}

/** True for schemes registered with `standard: true` (they get a host and an origin). */
export function isStandardScheme(scheme: string): boolean {
  return privileges.get(scheme)?.standard === true;
}

const BUILT_IN = new Set(['http', 'https', 'file']);
const UNEXPECTED = { ok: false, errorCode: -9, errorDescription: 'ERR_UNEXPECTED' } as const;

function isValidResponse(value: unknown): value is Response {
  return value instanceof Response;
}

/** The protocol object of one session. */
export class SessionProtocol {
  private readonly handlers = new Map<string, Handler>();

  handle(scheme: string, handler: Handler): void {
    // Built-in schemes would be intercepted in Electron; the double's pages load them itself.
    if (BUILT_IN.has(scheme)) throw new Error(`electron-double: protocol.handle('${scheme}') (intercepting a built-in scheme) is not supported`);
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
    doubleContext().recorder.touch();
  }

  unhandle(scheme: string): void {
    if (!this.handlers.delete(scheme)) throw new Error(`Failed to unhandle protocol: ${scheme}`);
    doubleContext().recorder.touch();
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  handledSchemes(): string[] {
    return [...this.handlers.keys()];
  }

  /** Runs the app's handler for one request. */
  async serve(params: ProtocolRequestParams): Promise<ProtocolAnswer> {
    const scheme = new URL(params.url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) return { ok: false, errorCode: -302, errorDescription: 'ERR_UNKNOWN_URL_SCHEME' };
    let response: unknown;
    try {
      const headers = new Headers(params.headers);
      if (headers.get('origin') === 'null') headers.delete('origin');
      const body = params.body && params.body.byteLength > 0 && params.method !== 'GET' && params.method !== 'HEAD' ? params.body : null;
      response = await handler(new Request(params.url, { method: params.method, headers, body }));
    } catch (error) {
      console.error(error);
      return UNEXPECTED;
    }
    if (!isValidResponse(response)) return UNEXPECTED;
    if (response.type === 'error') return { ok: false, errorCode: -2, errorDescription: 'ERR_FAILED' };
    const body = new Uint8Array(await response.arrayBuffer());
    return { ok: true, status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers), body };
  }
}
