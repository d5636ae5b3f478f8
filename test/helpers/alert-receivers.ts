/**
 * Local receivers on 127.0.0.1 that answer as the real services do, for the alerts' and the
 * daemon's tests. Each records what it accepted (and what it turned away), can be taken down (a
 * reset connection or a 503) and brought back, and waits on arrivals by event, never by sleeping.
 *
 * - Discord, Execute Webhook (discord.com/developers/docs/resources/webhook#execute-webhook):
 *   `POST /api/webhooks/{id}/{token}`, JSON with `content` or `embeds`; 204 No Content; an empty
 *   message is 400 `{"message":"Cannot send an empty message","code":50006}`; a 429 carries
 *   `{"message":"You are being rate limited.","retry_after":<seconds, float>,"global":false}` and
 *   `Retry-After` (whole seconds), as in discord.com/developers/docs/topics/rate-limits.
 * - Slack incoming webhook (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks):
 *   `POST /services/T…/B…/…`, JSON with `text` and/or `blocks`; 200 `ok`; 400 `no_text` /
 *   `invalid_payload`.
 * - ntfy (docs.ntfy.sh/publish): `POST /{topic}`, the body is the message, `Title` (RFC 2047
 *   encoded-words decoded), `Priority`, `Tags`; `Authorization: Bearer`/`Basic` checked when the
 *   receiver has credentials (401 `{"code":40101,"http":401,"error":"unauthorized"}`); 200 with the
 *   message as JSON; 429 with `{"code":42901,...}`.
 * - Generic: any path, JSON; checks `X-Pterotray-Signature` when given a key (401 when wrong).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ReceiverKind = 'discord' | 'slack' | 'ntfy' | 'webhook';

export interface ReceivedRequest {
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  /** The body parsed, for the JSON services. */
  json: unknown;
  /** ntfy: the Title header decoded. */
  title?: string;
  /** Generic webhook with a key: whether the signature was right. */
  isSignatureValid?: boolean;
}

type Down = null | 'reset' | 'hang' | 503;

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ReceiverOptions {
  /** ntfy: the credentials it requires. */
  ntfy?: { token?: string; username?: string; password?: string };
  /** Generic webhook: the signing key it checks. */
  signingKey?: string;
}

export class AlertReceiver {
  /** Requests accepted (answered 2xx). */
  readonly received: ReceivedRequest[] = [];
  /** Requests turned away (down, rate limited, refused), in order. */
  readonly turnedAway: Array<{ path: string; status: number | 'reset' | 'hang' }> = [];
  readonly #events = new EventEmitter();
  readonly #sockets = new Set<Socket>();
  #down: Down = null;
  #rateLimits: number[] = [];

  private constructor(
    readonly kind: ReceiverKind,
    readonly server: Server,
    readonly options: ReceiverOptions,
  ) {
    server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(kind: ReceiverKind, options: ReceiverOptions = {}): Promise<AlertReceiver> {
    let receiver: AlertReceiver | null = null;
    const server = createServer((req, res) => void receiver!.#handle(req, res));
    receiver = new AlertReceiver(kind, server, options);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The URL a channel of this kind is given (Discord's and Slack's carry their token in the path). */
  get url(): string {
    switch (this.kind) {
      case 'discord':
        return `${this.origin}/api/webhooks/1187/discord-token-SECRET`;
      case 'slack':
        return `${this.origin}/services/T0001/B0001/slack-token-SECRET`;
      case 'ntfy':
        return this.origin;
      case 'webhook':
        return `${this.origin}/hooks/pterotray-SECRET`;
    }
  }

  /** Down until `up()`: connections reset with no answer, requests held unanswered, or every request answered 503. */
  down(how: 'reset' | 'hang' | 503 = 'reset'): void {
    this.#down = how;
  }

  up(): void {
    this.#down = null;
  }

  /** The next requests get a 429, each asking to wait `retryAfterS` seconds (Discord: a float). */
  rateLimitNext(count: number, retryAfterS: number): void {
    this.#rateLimits.push(...Array<number>(count).fill(retryAfterS));
  }

  /** Resolves once `count` requests were accepted in all. */
  waitFor(count: number, timeoutMs = 10_000): Promise<ReceivedRequest[]> {
    if (this.received.length >= count) return Promise.resolve(this.received);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.kind}: ${this.received.length} of ${count} requests arrived`)), timeoutMs);
      const check = (): void => {
        if (this.received.length < count) return;
        clearTimeout(timer);
        this.#events.off('received', check);
        resolve(this.received);
      };
      this.#events.on('received', check);
    });
  }

  /** Resolves once `count` requests were turned away in all (down, rate limited, refused). */
  waitForTurnedAway(count: number, timeoutMs = 10_000): Promise<void> {
    if (this.turnedAway.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.kind}: ${this.turnedAway.length} of ${count} requests turned away`)), timeoutMs);
      const check = (): void => {
        if (this.turnedAway.length < count) return;
        clearTimeout(timer);
        this.#events.off('turned-away', check);
        resolve();
      };
      this.#events.on('turned-away', check);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    if (this.#down === 'hang') {
      this.turnedAway.push({ path, status: 'hang' });
      this.#events.emit('turned-away');
      return; // Never answered; close() destroys the socket.
    }
    if (this.#down === 'reset') {
      this.turnedAway.push({ path, status: 'reset' });
      this.#events.emit('turned-away');
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
    const request: ReceivedRequest = { method: req.method ?? '', path, headers, body, json: undefined };
    const answer = this.#down === 503 ? { status: 503, body: 'Service Unavailable' } : (this.#rateLimited() ?? this.#answer(request));
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(answer.body ?? '');
    if (answer.status >= 200 && answer.status < 300) {
      this.received.push(request);
      this.#events.emit('received');
    } else {
      this.turnedAway.push({ path, status: answer.status });
      this.#events.emit('turned-away');
    }
  }

  #rateLimited(): Answer | null {
    const seconds = this.#rateLimits.shift();
    if (seconds === undefined) return null;
    if (this.kind === 'discord')
      return {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': String(Math.ceil(seconds)), 'x-ratelimit-scope': 'shared' },
        body: JSON.stringify({ message: 'You are being rate limited.', retry_after: seconds, global: false }),
      };
    return { status: 429, headers: { 'retry-after': String(Math.ceil(seconds)) }, body: '{"code":42901,"http":429,"error":"limit reached"}' };
  }

  #answer(r: ReceivedRequest): Answer {
    if (r.method !== 'POST') return { status: 405 };
    switch (this.kind) {
      case 'discord':
        return this.#discord(r);
      case 'slack':
        return this.#slack(r);
      case 'ntfy':
        return this.#ntfy(r);
      case 'webhook':
        return this.#webhook(r);
    }
  }

  #discord(r: ReceivedRequest): Answer {
    if (!r.path.startsWith('/api/webhooks/1187/discord-token-SECRET')) return { status: 404, body: '{"message":"Unknown Webhook","code":10015}' };
    const json = parse(r.body);
    r.json = json;
    const hasContent = isObj(json) && ((typeof json.content === 'string' && json.content !== '') || (Array.isArray(json.embeds) && json.embeds.length > 0));
    if (!hasContent) return { status: 400, body: '{"message":"Cannot send an empty message","code":50006}' };
    return { status: 204 };
  }

  #slack(r: ReceivedRequest): Answer {
    if (!r.path.startsWith('/services/T0001/B0001/slack-token-SECRET')) return { status: 404, body: 'no_service' };
    const json = parse(r.body);
    r.json = json;
    if (!isObj(json)) return { status: 400, body: 'invalid_payload' };
    if (typeof json.text !== 'string' && !Array.isArray(json.blocks)) return { status: 400, body: 'no_text' };
    return { status: 200, body: 'ok' };
  }

  #ntfy(r: ReceivedRequest): Answer {
    const topic = r.path.slice(1);
    if (!/^[-_A-Za-z0-9]{1,64}$/.test(topic)) return { status: 404, body: '{"code":40401,"http":404,"error":"page not found"}' };
    const need = this.options.ntfy;
    if (need) {
      const expected = need.token ? `Bearer ${need.token}` : `Basic ${Buffer.from(`${need.username}:${need.password}`).toString('base64')}`;
      if (r.headers.authorization !== expected) return { status: 401, body: '{"code":40101,"http":401,"error":"unauthorized"}' };
    }
    r.title = decodeEncodedWords(r.headers.title ?? '');
    const message = {
      id: `m${this.received.length + 1}`,
      time: 0,
      event: 'message',
      topic,
      message: r.body,
      title: r.title,
      priority: Number(r.headers.priority ?? 3),
      tags: (r.headers.tags ?? '').split(',').filter(Boolean),
    };
    r.json = message;
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) };
  }

  #webhook(r: ReceivedRequest): Answer {
    r.json = parse(r.body);
    if (!isObj(r.json)) return { status: 400, body: 'not JSON' };
    const key = this.options.signingKey;
    if (key) {
      const ts = r.headers['x-pterotray-timestamp'] ?? '';
      const got = Buffer.from(r.headers['x-pterotray-signature'] ?? '');
      const want = Buffer.from(`sha256=${createHmac('sha256', key).update(`${ts}.${r.body}`).digest('hex')}`);
      r.isSignatureValid = got.length === want.length && timingSafeEqual(got, want);
      if (!r.isSignatureValid) return { status: 401, body: 'bad signature' };
    }
    return { status: 200, body: '{"received":true}' };
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 2047 `=?UTF-8?B?…?=` (and `Q`) as ntfy decodes them. */
export function decodeEncodedWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** One receiver of each kind. */
export async function startAllReceivers(
  options: { ntfy?: ReceiverOptions['ntfy']; signingKey?: string } = {},
): Promise<Record<ReceiverKind, AlertReceiver> & { close(): Promise<void> }> {
  const [discord, slack, ntfy, webhook] = await Promise.all([
    AlertReceiver.start('discord'),
    AlertReceiver.start('slack'),
    AlertReceiver.start('ntfy', { ntfy: options.ntfy }),
    AlertReceiver.start('webhook', { signingKey: options.signingKey }),
  ]);
  return { discord, slack, ntfy, webhook, close: async () => void (await Promise.all([discord, slack, ntfy, webhook].map((r) => r.close()))) };
}
