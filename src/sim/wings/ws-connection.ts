/**
 * One Wings websocket (§5), as wings `router/websocket/websocket.go` and `listeners.go` run it:
 * `auth` with a panel-issued JWT, then `send logs`, `send stats`, `send command`, `set state`.
 * The first successful `auth` starts the pushes (`status`, `console output`, `stats`) and a
 * 30-second expiry tick; a re-auth answers `auth success` and nothing else. While the token is
 * invalid (expired, denylisted) every inbound event is answered with `jwt error` and every event
 * pushed is replaced by one (`SendJson` checks the token first), including the tick's own
 * `token expired`, which therefore never gets through; `token expiring` does, at <= 60 s left.
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
import { ConnectionLimiter } from './ws-limiter';

const SIGNAL_PERMISSION: Record<PowerSignal, string> = { start: 'control.start', stop: 'control.stop', kill: 'control.stop', restart: 'control.restart' };
/** Pelican drops larger messages unread (`router_server_ws.go`). */
const MAX_MESSAGE_BYTES = 32_768;
/** `listenForExpiration` warns when at most this much is left... */
const EXPIRING_WINDOW_MS = 60_000;

/** wings router/tokens/websocket.go HasPermission: `*` grants everything but `admin.*`. */
function allows(grant: WebsocketGrant, permission: string): boolean {
  return grant.permissions.includes(permission) || (!permission.startsWith('admin') && grant.permissions.includes('*'));
}

/** The server side of one socket. */
export class WingsConnection {
  private grant: WebsocketGrant | null = null;
  private readonly disposers: Array<() => void> = [];
  /** Wings' limiters (ws-limiter.ts) on 1.12 and Pelican; 1.11 has none. */
  private readonly limiter: ConnectionLimiter | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly server: SimServer,
    private readonly state: SimState,
    private readonly tokens: TokenBook,
  ) {
    if (state.options.websocketThrottling)
      this.limiter = new ConnectionLimiter(
        () => state.clock.now(),
        (frame) => this.sendRaw(frame),
      );
    ws.on('message', (data, isBinary) => {
      // The connection limiter counts every message, before its type, size or JSON are looked at.
      if (this.limiter && !this.limiter.allowMessage()) return;
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data instanceof ArrayBuffer ? data.byteLength : data.length;
      if (!isBinary && !(this.limiter && size > MAX_MESSAGE_BYTES)) this.onMessage(data.toString());
    });
    ws.on('close', () => this.dispose());
    ws.on('error', () => ws.terminate());
  }

  /** The uuid of the server this socket is for. */
  get serverUuid(): string {
    return this.server.uuid;
  }

  /** Sends a frame without the token check (the token frames themselves). */
  private sendRaw(frame: WingsFrame): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  /** Wings' `TokenValid`: why the socket's token is no good now, or null. */
  private tokenError(): string | null {
    if (!this.grant) return 'jwt: no jwt present';
    if (this.grant.expMs <= this.state.clock.now()) return 'jwt: exp claim is invalid';
    // `Denylisted()` is asked each time, so a later `expireTokens()` applies to this token too.
    if (this.tokens.isDenylisted(this.grant)) return 'jwt: created too far in past (denylist)';
    return null;
  }

  /** Wings' `SendJson`: the frame, or a `jwt error` in its place when the token is no longer valid. */
  send(frame: WingsFrame): void {
    const error = this.tokenError();
    // SendJson (wings router/websocket/websocket.go): install output only for
    // admin.websocket.install, which only root admins' tokens carry.
    if (error === null && frame.event === 'install output' && this.grant && !allows(this.grant, 'admin.websocket.install')) return;
    this.sendRaw(error === null ? frame : { event: 'jwt error', args: [error] });
  }

  /** Closes the socket with a code (4409 for suspended servers, 1001 for shutdowns). */
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
    this.dispose();
  }

  /** Drops the connection without a close frame (Pelican's `CancelAll`): the client sees 1006. */
  drop(): void {
    this.ws.terminate();
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
    if (this.server.status === 'suspended' && this.state.options.version !== null) return this.onSuspended();
    if (this.limiter?.isThrottled(event)) return;
    const strings = Array.isArray(args) ? args.filter((a): a is string => typeof a === 'string') : [];
    if (event === 'auth') return this.authenticate(strings[0] ?? '');
    // HandleInbound: every other event needs a valid token, and is not run without one.
    const error = this.tokenError();
    if (error !== null || !this.grant) return this.sendRaw({ event: 'jwt error', args: [error ?? 'jwt: no jwt present'] });
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
    if (this.state.power.signal(this.server, power, 'websocket') === 'busy') {
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
    this.sendRaw({ event: 'auth success' });
    // "This prevents duplicate status messages": a re-auth gets nothing more.
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
        if (frame.event === SUSPENDED_FRAME) this.onSuspended();
        else this.send(frame);
      }),
      this.state.timers.interval(() => {
        if (server.state !== 'offline') this.send({ event: 'stats', args: [this.statsJson()] });
      }, this.state.options.statsIntervalMs),
      // listenForExpiration: a tick every 30 s from the first auth.
      this.state.timers.interval(() => this.checkExpiry(), this.state.options.tokenCheckMs),
    );
  }

  private checkExpiry(): void {
    if (!this.grant) return;
    const leftMs = this.grant.expMs - this.state.clock.now();
    if (leftMs <= 0) this.send({ event: 'token expired' });
    else if (leftMs <= EXPIRING_WINDOW_MS) this.send({ event: 'token expiring' });
  }

  /** The panel suspended the server: each Wings does something else (SimWingsVersion). */
  private onSuspended(): void {
    const version = this.state.options.wings;
    if (version === 'pterodactyl-1.12') this.close(4409, 'server is suspended');
    else if (version === 'pelican') this.drop();
    // pterodactyl-1.11 keeps the socket: it will see the server stop, and nothing else.
  }

  private statsJson(): string {
    const reading = readStats(this.server, this.state.clock.now(), this.state.options.tickMs);
    return wingsStatsJson(reading, this.state.options.flavor === 'pelican');
  }

  /** Stops every timer and subscription of this socket. */
  dispose(): void {
    for (const dispose of this.disposers) dispose();
    this.disposers.length = 0;
  }
}
