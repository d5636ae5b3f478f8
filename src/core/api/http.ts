/**
 * The transport: one axios call per attempt, with the panel's headers, our own timeout on the
 * injected clock, abort support and no redirects. Every status comes back as a RawResponse; the
 * requester maps non-2xx answers to PanelErrors. The key is only ever put in request headers.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { AxiosHeaders, type AxiosAdapter, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import type { Clock, Logger } from '../util/deps';
import type { RawResponse } from './raw-response';
import { cancelledError, errorFromTransport, timeoutError } from './transport-errors';

/** The app version in the User-Agent; kept here so core does not read package.json at run time. */
export const PTEROTRAY_VERSION = '0.1.0';

/** Default User-Agent: panels and their proxies see who is calling. */
export const DEFAULT_USER_AGENT = `Pterotray/${PTEROTRAY_VERSION}`;

/** Largest body accepted from a panel (files/contents is capped at 4 MiB by the panel itself). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** How a PanelHttp is built. */
export interface PanelHttpOptions {
  /** Normalised panel URL (see base-url.ts), without `/api/client`. */
  panelUrl: string;
  apiKey: string;
  secrets: readonly string[];
  userAgent: string;
  clock: Clock;
  logger: Logger;
  /** Injected instance (tests, proxies); defaults to a fresh `axios.create()`. */
  axiosInstance?: AxiosInstance;
  /** Injected adapter (tests). */
  adapter?: AxiosAdapter;
}

/** One HTTP attempt. `path` is relative to `/api/client`, with its segments already encoded. */
export interface HttpAttempt {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Query values, encoded by axios (`filter[*]`, file paths with `#`, `%`, `&`, spaces…). */
  params?: Record<string, string | number | undefined>;
  json?: unknown;
  text?: string;
  timeoutMs: number;
}

function bodyOf(attempt: HttpAttempt): { data?: string; contentType?: string } {
  if (attempt.text !== undefined) return { data: attempt.text, contentType: 'text/plain; charset=utf-8' };
  if (attempt.json !== undefined) return { data: JSON.stringify(attempt.json), contentType: 'application/json' };
  return {};
}

function headersOf(res: AxiosResponse): Record<string, string> {
  const source: Record<string, unknown> = res.headers instanceof AxiosHeaders ? res.headers.toJSON() : ((res.headers ?? {}) as Record<string, unknown>);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (Array.isArray(value)) out[name.toLowerCase()] = value.join(', ');
    else if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}

function textOf(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data === undefined || data === null) return '';
  if (data instanceof Uint8Array) return Buffer.from(data).toString('utf8');
  return JSON.stringify(data); // an injected adapter may hand back parsed JSON
}

/** Sends single attempts to one panel. Stateless apart from its configuration. */
export class PanelHttp {
  private readonly axios: AxiosInstance;
  // Own keep-alive pools, so dispose() can close this panel's idle sockets instead of leaving
  // them in Node's global agent.
  private readonly httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 8 });
  private readonly httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 8 });

  constructor(private readonly options: PanelHttpOptions) {
    this.axios = options.axiosInstance ?? axios.create();
  }

  /** Closes this panel's pooled sockets. Requests in flight are aborted by the scheduler. */
  dispose(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** Sends once. Resolves with any status; rejects with a PanelError when no answer came. */
  async send(attempt: HttpAttempt, signal: AbortSignal): Promise<RawResponse> {
    const controller = new AbortController();
    let isTimedOut = false;
    const timer = this.options.clock.setTimeout(() => {
      isTimedOut = true;
      controller.abort();
    }, attempt.timeoutMs);
    const onAbort = (): void => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) controller.abort();
    const startedMs = this.options.clock.now();
    try {
      const res = await this.axios.request<unknown>(this.configFor(attempt, controller.signal));
      this.log(attempt, res.status, startedMs);
      return { status: res.status, headers: headersOf(res), body: textOf(res.data) };
    } catch (err) {
      if (isTimedOut) throw timeoutError(attempt.timeoutMs);
      if (signal.aborted) throw cancelledError();
      const mapped = errorFromTransport(err, this.options.secrets);
      this.log(attempt, mapped.kind, startedMs);
      throw mapped;
    } finally {
      this.options.clock.clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  private configFor(attempt: HttpAttempt, signal: AbortSignal): AxiosRequestConfig {
    const { data, contentType } = bodyOf(attempt);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.options.apiKey}`,
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
    };
    if (contentType !== undefined) headers['Content-Type'] = contentType;
    return {
      baseURL: `${this.options.panelUrl}/api/client`,
      url: attempt.path,
      // Never let a path become absolute: the Authorization header must not go anywhere else.
      allowAbsoluteUrls: false,
      method: attempt.method,
      params: attempt.params,
      data,
      headers,
      signal,
      // Our clock-driven timer bounds the whole request; axios' own only bounds socket idleness.
      timeout: 0,
      // A redirect would carry the key elsewhere; a 302 to /auth/login means "not an API call".
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'text',
      transformRequest: [(body: unknown) => body],
      transformResponse: [(body: unknown) => body],
      maxContentLength: MAX_BODY_BYTES,
      maxBodyLength: MAX_BODY_BYTES,
      adapter: this.options.adapter ?? this.axios.defaults.adapter,
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
    };
  }

  private log(attempt: HttpAttempt, outcome: number | string, startedMs: number): void {
    this.options.logger.debug('panel request', {
      method: attempt.method,
      path: attempt.path,
      outcome,
      durationMs: this.options.clock.now() - startedMs,
    });
  }
}
