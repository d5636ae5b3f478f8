/**
 * Helpers for the sim's own tests: JSON calls with the key, and a websocket probe that awaits
 * frames (never sleeps). Every probe and sim is closed by the test that opened it.
 */
import WebSocket from 'ws';
import type { SimPanel } from '../../../src/sim';

/** A frame as Wings sends it. */
export interface Frame {
  event: string;
  args?: string[];
}

/** fetch against the panel with the key and `Accept: application/json`. */
export function api(sim: SimPanel, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${sim.apiKey}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return fetch(`${sim.url}${path}`, { ...init, headers });
}

/** GET + parse JSON, asserting nothing about the status (the caller does). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
export async function getJson<T = any>(sim: SimPanel, path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await api(sim, path);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

/** POST a JSON body. */
export function postJson(sim: SimPanel, path: string, body: unknown, method = 'POST'): Promise<Response> {
  return api(sim, path, { method, body: JSON.stringify(body) });
}

/** A websocket client that records frames and lets a test await the next matching one. */
export class WsProbe {
  readonly frames: Frame[] = [];
  private readonly consumed = new Set<number>();
  private wake: (() => void) | null = null;
  closeCode: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.wake?.();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.wake?.();
    });
  }

  /** Opens a socket with the given Origin; rejects with the HTTP status on a refused upgrade. */
  static open(url: string, origin: string): Promise<WsProbe> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { origin });
      const probe = new WsProbe(ws);
      ws.once('open', () => resolve(probe));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`upgrade refused: ${res.statusCode}`));
        res.resume();
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  /** Opens a socket to a server using `/websocket` credentials and authenticates it. */
  static async connect(sim: SimPanel, server: string): Promise<{ probe: WsProbe; token: string }> {
    const { body } = await getJson<{ data: { token: string; socket: string } }>(sim, `/api/client/servers/${server}/websocket`);
    const probe = await WsProbe.open(body.data.socket, sim.url);
    probe.send('auth', body.data.token);
    await probe.next('auth success');
    return { probe, token: body.data.token };
  }

  send(event: string, ...args: string[]): void {
    this.ws.send(JSON.stringify({ event, args }));
  }

  /** The first frame not yet returned with this event (and matching `test`), waiting for it if needed. */
  async next(event: string, test: (frame: Frame) => boolean = () => true): Promise<Frame> {
    for (;;) {
      for (let i = 0; i < this.frames.length; i++) {
        const frame = this.frames[i]!;
        if (this.consumed.has(i) || frame.event !== event || !test(frame)) continue;
        this.consumed.add(i);
        return frame;
      }
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode}) while waiting for "${event}"`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Waits until the server closes the socket; returns the close code. */
  async closed(): Promise<number> {
    while (this.closeCode === null) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.closeCode;
  }

  /** Closes and waits for the close to finish. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const done = new Promise<void>((resolve) => this.ws.once('close', () => resolve()));
    this.ws.close();
    await done;
  }
}

/** A response's JSON, typed loosely for field-by-field assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
export async function json(response: Response): Promise<any> {
  return response.json();
}
