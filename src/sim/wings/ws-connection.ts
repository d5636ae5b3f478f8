/**
 * One Wings websocket (§5): `auth` with a panel-issued JWT, then `send logs`, `send stats`,
 * `send command`, `set state`; pushes `status`, `console output`, `stats` while running, `token
 * expiring` at <= 60 s left and `token expired` after. Before auth, or after expiry, events are
 * answered with `jwt error` and outbound frames are replaced by it, as Wings' `SendJson` does.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { WingsFrame } from '../state/events';
import type { PowerSignal } from '../state/power';
import type { SimServer } from '../state/servers';
import { SUSPENDED_FRAME } from '../state/sim-state';
import type { SimState } from '../state/sim-state';
import { readStats, wingsStatsJson } from '../state/stats';
import type { TokenBook, WebsocketGrant } from './tokens';

const SIGNAL_PERMISSION: Record<PowerSignal, string> = { start: 'control.start', stop: 'control.stop', kill: 'control.stop', restart: 'control.restart' };
const EXPIRING_WINDOW_MS = 60_000;

function allows(grant: WebsocketGrant, permission: string): boolean {
  return grant.permissions.includes('*') || grant.permissions.includes(permission);
}

/** The server side of one socket. */
export class WingsConnection {
  private grant: WebsocketGrant | null = null;
  private expired = false;
  private readonly disposers: Array<() => void> = [];
  private expiryDisposers: Array<() => void> = [];

  constructor(
    private readonly ws: WebSocket,
    private readonly server: SimServer,
    private readonly state: SimState,
    private readonly tokens: TokenBook,
  ) {
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(data.toString());
    });
    ws.on('close', () => this.dispose());
    ws.on('error', () => ws.terminate());
  }

  /** Sends a frame without the token check (the token frames themselves). */
  private sendRaw(frame: WingsFrame): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  /** Sends a frame, or a `jwt error` in its place when the token is no longer valid. */
  send(frame: WingsFrame): void {
    if (this.expired) this.sendRaw({ event: 'jwt error', args: ['jwt: exp claim is invalid'] });
    else this.sendRaw(frame);
  }

  /** The token was revoked (`expireTokens()`): behave as if it just expired. */
  expireNow(): void {
    if (!this.grant) return;
    this.expired = true;
    this.sendRaw({ event: 'token expired' });
  }

  /** Closes the socket with a code (4409 for suspended servers, 1001 for shutdowns). */
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
    this.dispose();
  }

  private onMessage(text: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return; // Wings ignores malformed JSON without replying (§5.2)
    }
    const { event, args } = (frame ?? {}) as { event?: unknown; args?: unknown };
    if (typeof event !== 'string') return;
    const strings = Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [];
    if (event === 'auth') return this.authenticate(strings[0] ?? '');
    if (!this.grant) return this.sendRaw({ event: 'jwt error', args: ['jwt: no jwt present'] });
    if (this.expired || this.grant.expMs <= this.state.clock.now()) {
      return this.sendRaw({ event: 'jwt error', args: ['jwt: exp claim is invalid'] });
    }
    this.dispatch(event, strings, this.grant);
  }

  private dispatch(event: string, args: string[], grant: WebsocketGrant): void {
    const server = this.server;
    switch (event) {
      case 'send logs':
        // Wings' IsRunning() covers starting and running; nothing is sent while offline.
        if (server.state === 'running' || server.state === 'starting') {
          for (const line of server.consoleLog) this.send({ event: 'console output', args: [line] });
        }
        return;
      case 'send stats':
        return this.send({ event: 'stats', args: [this.statsJson()] });
      case 'send command': {
        const command = args[0];
        if (command === undefined || server.state === 'offline' || !allows(grant, 'control.console')) return;
        // No echo of the command: Wings does not print it, only the game's answer appears.
        this.state.power.print(server, server.egg.reply(command));
        return;
      }
      case 'set state':
        return this.setState(args[0] ?? '', grant);
      default:
        return; // unknown events are ignored
    }
  }

  private setState(signal: string, grant: WebsocketGrant): void {
    if (!(signal in SIGNAL_PERMISSION)) return;
    const power = signal as PowerSignal;
    if (!allows(grant, SIGNAL_PERMISSION[power])) return;
    if (this.state.power.signal(this.server, power) === 'busy') {
      this.send({
        event: 'daemon error',
        args: [`Error Event [${randomUUID()}]: another power action is currently being processed for this server, please try again later`],
      });
    }
  }

  private authenticate(token: string): void {
    const result = this.tokens.checkWebsocket(token, this.server.uuid);
    if (result === 'signature') {
      // A bad signature is reported as a daemon error to non-admins (§5.4), not as a jwt error.
      return this.sendRaw({ event: 'daemon error', args: [`Error Event [${randomUUID()}]: an unexpected error was encountered while handling this request`] });
    }
    if (typeof result === 'string') return this.sendRaw({ event: 'jwt error', args: [`Error Event [${randomUUID()}]: ${result}`] });
    if (!allows(result, 'websocket.connect')) return this.sendRaw({ event: 'jwt error', args: ['jwt: missing connect permission'] });
    const firstAuth = this.grant === null;
    this.grant = result;
    this.expired = false;
    this.scheduleExpiry(result.expMs);
    this.sendRaw({ event: 'auth success' });
    if (firstAuth) this.startStreaming();
  }

  private startStreaming(): void {
    const server = this.server;
    this.send({ event: 'status', args: [server.state] });
    if (server.state === 'offline' && server.status !== 'installing' && !server.isTransferring) {
      this.send({ event: 'stats', args: [this.statsJson()] });
    }
    this.disposers.push(
      this.state.bus.subscribe(server.uuid, (frame) => {
        if (frame.event === SUSPENDED_FRAME) this.close(4409, 'server is suspended');
        else this.send(frame);
      }),
      this.state.timers.interval(() => {
        if (server.state !== 'offline') this.send({ event: 'stats', args: [this.statsJson()] });
      }, this.state.options.statsIntervalMs),
    );
  }

  private scheduleExpiry(expMs: number): void {
    for (const dispose of this.expiryDisposers) dispose();
    const left = expMs - this.state.clock.now();
    this.expiryDisposers = [
      this.state.timers.timeout(() => this.sendRaw({ event: 'token expiring' }), Math.max(0, left - EXPIRING_WINDOW_MS)),
      this.state.timers.timeout(() => {
        this.expired = true;
        this.sendRaw({ event: 'token expired' });
      }, Math.max(0, left)),
    ];
  }

  private statsJson(): string {
    const reading = readStats(this.server, this.state.clock.now(), this.state.options.tickMs);
    return wingsStatsJson(reading, this.state.options.flavor === 'pelican');
  }

  /** Stops every timer and subscription of this socket. */
  dispose(): void {
    for (const dispose of [...this.disposers, ...this.expiryDisposers]) dispose();
    this.disposers.length = 0;
    this.expiryDisposers = [];
  }
}
