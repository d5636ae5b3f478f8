/**
 * Glue between the client's calls and the wire: each call goes through the scheduler, non-2xx
 * answers become PanelErrors, and bodies are decoded as the call expects (JSON, text or nothing).
 */
import type { CallOptions } from './client-types';
import { PanelError } from './errors';
import { errorFromResponse } from './http-errors';
import type { HttpAttempt, PanelHttp } from './http';
import { parseJson } from './normalize/envelope';
import { header, type RawResponse } from './raw-response';
import { matchRouteLimit } from './route-limits';
import type { RequestScheduler } from './scheduler';
import type { Clock } from '../util/deps';

/** One API call as the client describes it. */
export interface CallSpec extends Omit<HttpAttempt, 'timeoutMs'> {
  /** Retry on 429/5xx/reset. Defaults to true for GET only: a POST is never repeated blindly. */
  idempotent?: boolean;
  /** Passed to the error mapper (`command` turns a 502 into `server-offline`). */
  operation?: string;
  /** Used when the caller gives no `timeoutMs` (compress and decompress take minutes). */
  defaultTimeoutMs?: number;
  opts?: CallOptions;
}

/** What a PanelRequester is built from. */
export interface PanelRequesterOptions {
  http: PanelHttp;
  scheduler: RequestScheduler;
  clock: Clock;
  secrets: readonly string[];
  timeoutMs: number;
}

function badResponse(message: string): PanelError {
  return new PanelError({ kind: 'bad-response', message });
}

/** Runs calls for one panel. */
export class PanelRequester {
  constructor(private readonly options: PanelRequesterOptions) {}

  /** The 2xx answer of a call; anything else rejects with its PanelError. */
  async raw(spec: CallSpec): Promise<RawResponse> {
    const timeoutMs = spec.opts?.timeoutMs ?? spec.defaultTimeoutMs ?? this.options.timeoutMs;
    const attempt: HttpAttempt = { ...spec, timeoutMs };
    const res = await this.options.scheduler.run({
      send: (signal) => this.options.http.send(attempt, signal),
      idempotent: spec.idempotent ?? spec.method === 'GET',
      priority: spec.opts?.priority,
      signal: spec.opts?.signal,
      route: matchRouteLimit(spec.method, spec.path) ?? undefined,
    });
    if (res.status >= 200 && res.status < 300) return res;
    throw errorFromResponse(res, { operation: spec.operation, secrets: this.options.secrets, nowMs: this.options.clock.now() });
  }

  /** A JSON answer, run through `decode`. Non-PanelErrors from `decode` become `bad-response`. */
  async json<T>(spec: CallSpec, decode: (body: unknown) => T): Promise<T> {
    const res = await this.raw(spec);
    if (isHtml(res)) throw badResponse('The panel answered with an HTML page instead of JSON. Check the panel URL.');
    if (res.body.trim() === '') throw badResponse(`The panel sent an empty answer (${res.status}) where data was expected.`);
    try {
      return decode(parseJson(res.body));
    } catch (err) {
      if (err instanceof PanelError) throw err;
      throw badResponse('The panel sent data Pterotray could not read.');
    }
  }

  /** A raw text answer (`files/contents`). */
  async text(spec: CallSpec): Promise<string> {
    const res = await this.raw(spec);
    // The panel always answers text/plain here, even for .html files; HTML means a login page.
    if (isHtml(res)) throw badResponse('The panel answered with an HTML page instead of the file. Check the panel URL.');
    return res.body;
  }

  /** Any 2xx is success; a body (the seed guide's `{object:"task"}`) is accepted and ignored. */
  async none(spec: CallSpec): Promise<void> {
    await this.raw(spec);
  }
}

function isHtml(res: RawResponse): boolean {
  return (header(res, 'content-type') ?? '').toLowerCase().startsWith('text/html');
}
