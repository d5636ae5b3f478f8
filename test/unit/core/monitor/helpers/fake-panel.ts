/**
 * An in-memory panel behind a ClientApi: servers, their resources, injectable failures, a
 * controllable rate-limit block, and a log of every request with its time, so tests can count
 * requests per minute exactly.
 */
import type { WingsStats } from '../../../../../src/core/wings';
import { PanelError } from '../../../../../src/core/api/errors';
import type { RateLimitInfo } from '../../../../../src/core/api/client-types';
import type { PowerSignal, PowerState, Server, ServerResources } from '../../../../../src/core/api/models';
import type { MonitorClient } from '../../../../../src/core/monitor';
import type { Clock } from '../../../../../src/core/util/deps';
import { fakeServer } from '../../../../helpers/fake-client';

export interface LoggedRequest {
  method: 'list' | 'resources' | 'websocket' | 'power' | 'command' | 'account' | 'server' | 'write';
  identifier: string | null;
  atMs: number;
  priority: string | undefined;
}

type Failure = () => PanelError;

export function makeServers(count: number, patch: Partial<Server> = {}): Server[] {
  return Array.from({ length: count }, (_, i) => fakeServer({ identifier: `s${String(i).padStart(7, '0')}`, name: `Server ${i}`, ...patch }));
}

export function resources(state: PowerState, patch: Partial<ServerResources> = {}): ServerResources {
  return { state, isSuspended: false, memoryBytes: 0, cpuAbsolute: 0, diskBytes: 0, networkRxBytes: 0, networkTxBytes: 0, uptimeMs: 0, ...patch };
}

/** A websocket `stats` frame: Wings' carry the state (`reportedState`); null for one that does not. */
export function wingsStats(state: PowerState, patch: Partial<ServerResources> = {}, reportedState: PowerState | null = state): WingsStats {
  return { ...resources(state, patch), reportedState };
}

export const errors = {
  auth: () => new PanelError({ kind: 'auth', status: 401, code: 'AuthenticationException', detail: 'Unauthenticated.' }),
  network: () => new PanelError({ kind: 'network', message: 'connect ECONNREFUSED' }),
  nodeDown: () => new PanelError({ kind: 'node-unreachable', status: 504 }),
  // As the panel writes them: JSON `errors[]` with the exception's name.
  forbidden: () => new PanelError({ kind: 'forbidden', status: 403, code: 'AccessDeniedHttpException', detail: 'This action is unauthorized.' }),
  notFound: () =>
    new PanelError({ kind: 'not-found', status: 404, code: 'NotFoundHttpException', detail: 'The requested resource could not be found on the server.' }),
  conflict: (reason: 'suspended' | 'installing' | 'transferring' | 'restoring') => () =>
    new PanelError({ kind: 'conflict', status: 409, conflictReason: reason }),
  rateLimited: (retryAfterMs: number) => () => new PanelError({ kind: 'rate-limited', status: 429, retryAfterMs }),
};

export class FakePanel {
  servers: Server[];
  readonly log: LoggedRequest[] = [];
  readonly states = new Map<string, ServerResources>();
  /** Failures by method, or by `method:identifier`; kept until cleared. */
  readonly failures = new Map<string, Failure>();
  limitPerMinute: number | null = 720;
  blockedUntilMs: number | null = null;
  /** What the client's route count says, by identifier: epoch ms until a websocket token may go. */
  readonly tokenRouteFreeAtMs = new Map<string, number>();
  clientsCreated = 0;
  clientsDisposed = 0;
  /** The clients' onRateLimitBlock listeners; `holdEveryRequest` tells them, as the scheduler does. */
  readonly blockListeners = new Set<(blockedUntilMs: number) => void>();

  /** The panel holds every request for `ms` (a 429 a call waits out by itself): listeners are told. */
  holdEveryRequest(ms: number): void {
    this.blockedUntilMs = this.clock.now() + ms;
    for (const listener of [...this.blockListeners]) listener(this.blockedUntilMs);
  }
  createClientFailure: (() => unknown) | null = null;
  /** Files written, by `identifier:path`. */
  readonly files = new Map<string, string>();
  /** Power signals asked for over REST, in order. */
  readonly powerSignals: PowerSignal[] = [];

  constructor(
    private readonly clock: Clock,
    servers: Server[],
  ) {
    this.servers = servers;
  }

  count(method?: LoggedRequest['method'], sinceMs = Number.NEGATIVE_INFINITY): number {
    return this.log.filter((r) => (method === undefined || r.method === method) && r.atMs >= sinceMs).length;
  }

  /** Largest number of requests in any window of `windowMs` (sliding, at request times). */
  maxInWindow(windowMs: number, method?: LoggedRequest['method']): number {
    const times = this.log.filter((r) => method === undefined || r.method === method).map((r) => r.atMs);
    let best = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] ?? 0) - (times[j] ?? 0) >= windowMs) j++;
      best = Math.max(best, i - j + 1);
    }
    return best;
  }

  /**
   * Laravel's fixed window (ThrottleRequests): it starts at the first hit and lasts a minute. The
   * busiest one seen is `busiestWindow`; `browserHits` adds hits by the user's browser to the
   * current window (they count in X-RateLimit-Remaining too).
   */
  window = { startMs: Number.NEGATIVE_INFINITY, hits: 0 };
  busiestWindow = 0;

  browserHits(count: number): void {
    this.hit();
    this.window.hits += count - 1;
  }

  /** What the client would read from the headers: the window's remaining and its end. */
  windowView(): { windowRemaining: number | null; windowEndsByMs: number | null } {
    const now = this.clock.now();
    if (this.limitPerMinute === null || now >= this.window.startMs + 60_000) return { windowRemaining: null, windowEndsByMs: null };
    return { windowRemaining: Math.max(0, this.limitPerMinute - this.window.hits), windowEndsByMs: this.window.startMs + 61_000 };
  }

  private hit(): void {
    const now = this.clock.now();
    if (now >= this.window.startMs + 60_000) this.window = { startMs: now, hits: 0 };
    this.window.hits += 1;
    this.busiestWindow = Math.max(this.busiestWindow, this.window.hits);
  }

  record(method: LoggedRequest['method'], identifier: string | null, priority: string | undefined): void {
    this.log.push({ method, identifier, atMs: this.clock.now(), priority });
    this.hit();
    const failure = this.failures.get(`${method}:${identifier}`) ?? this.failures.get(method);
    if (failure) throw failure();
    if (this.blockedUntilMs !== null && this.clock.now() < this.blockedUntilMs) throw errors.rateLimited(this.blockedUntilMs - this.clock.now())();
  }

  async createClient(): Promise<MonitorClient> {
    if (this.createClientFailure) throw this.createClientFailure();
    this.clientsCreated += 1;
    return this.client();
  }

  client(): MonitorClient {
    return buildClient(this, this.clock);
  }
}

/** The ClientApi face of a FakePanel; methods it does not fake reject, naming themselves. */
function buildClient(panel: FakePanel, clock: Clock): MonitorClient {
  const impl = {
    url: 'http://panel.test',
    rateLimit: (): RateLimitInfo => ({
      limitPerMinute: panel.limitPerMinute,
      remaining: null,
      blockedUntilMs: panel.blockedUntilMs !== null && panel.blockedUntilMs > clock.now() ? panel.blockedUntilMs : null,
      ...panel.windowView(),
    }),
    dispose: () => {
      panel.clientsDisposed += 1;
    },
    onRateLimitBlock: (listener: (blockedUntilMs: number) => void) => {
      panel.blockListeners.add(listener);
      return () => panel.blockListeners.delete(listener);
    },
    listServers: async (_o?: unknown, opts?: { priority?: string }) => {
      panel.record('list', null, opts?.priority);
      return [...panel.servers];
    },
    getAccount: async (opts?: { priority?: string }) => {
      panel.record('account', null, opts?.priority);
      return { id: 1, uuid: null, username: 'alice', email: 'a@example.com', isAdmin: false, firstName: null, lastName: null, language: null };
    },
    getServer: async (identifier: string, opts?: { priority?: string }) => {
      panel.record('server', identifier, opts?.priority);
      const server = panel.servers.find((s) => s.identifier === identifier);
      if (!server) throw errors.notFound();
      return { ...server, isServerOwner: true, userPermissions: ['*'] };
    },
    getResources: async (identifier: string, opts?: { priority?: string }) => {
      panel.record('resources', identifier, opts?.priority);
      // As the panel: every server route but GET /servers/{id} answers 409 for a suspended server.
      if (panel.servers.find((s) => s.identifier === identifier)?.isSuspended) throw errors.conflict('suspended')();
      return panel.states.get(identifier) ?? resources('offline');
    },
    getWebsocketCredentials: async (identifier: string, opts?: { priority?: string }) => {
      panel.record('websocket', identifier, opts?.priority);
      return { token: `token-${identifier}`, socket: `ws://node.test/${identifier}` };
    },
    // As PanelClient.routeLimitWaitMs: what the panel said of one server's tokens (a 429, other users).
    routeLimitWaitMs: (identifier: string) => Math.max(0, (panel.tokenRouteFreeAtMs.get(identifier) ?? 0) - clock.now()),
    power: async (identifier: string, signal: PowerSignal, opts?: { priority?: string }) => {
      panel.record('power', identifier, opts?.priority);
      panel.powerSignals.push(signal);
    },
    writeFile: async (identifier: string, path: string, content: string, opts?: { priority?: string }) => {
      panel.record('write', identifier, opts?.priority);
      panel.files.set(`${identifier}:${path}`, content);
    },
    sendCommand: async (identifier: string, _command: string, opts?: { priority?: string }) => {
      panel.record('command', identifier, opts?.priority);
    },
  };
  return new Proxy(impl, {
    get(target, prop) {
      if (prop in target) return target[prop as keyof typeof target];
      if (prop === 'then') return undefined;
      return () => Promise.reject(new Error(`fake panel: ${String(prop)} was not expected`));
    },
  }) as unknown as MonitorClient;
}
