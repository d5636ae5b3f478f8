/**
 * The app's monitor stack (ServerMonitor, PanelClient, WingsSocket: the code main runs) against a
 * real simulated panel, on compressed time (compressed-clock.ts). Every attempt to reach the
 * panel or a node is counted on the client side, so the budget can be checked even while the
 * panel is gone and nothing is listening to count it.
 */
import axios, { type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import WebSocket, { type ClientOptions } from 'ws';
import type { AccountService } from '../../../src/core/accounts/account-service';
import { ServerMonitor, type MonitorAccount } from '../../../src/core/monitor';
import type { NotifiableEvent } from '../../../src/core/rules/notification-policy';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { buildTrayModel, type TrayModel } from '../../../src/core/tray/tray-model';
import { WingsSocket } from '../../../src/core/wings';
import { startSimPanel, type SimPanel, type SimPanelOptions } from '../../../src/sim';
import type { ServerView } from '../../../src/shared/types';
import { ClientPool } from '../../../src/main/services/client-pool';
import { CompressedClock } from './compressed-clock';
import { simVersionDefaults } from '../../helpers/sim-versions';

export const RIG_ACCOUNT = 'panel';

/** One attempt to reach the panel (REST) or a node (websocket), at compressed time. */
export interface Attempt {
  kind: 'rest' | 'ws';
  /** `GET /api/client/servers/…/resources`, or the websocket URL's path. */
  what: string;
  atMs: number;
}

export interface CompressedRig {
  clock: CompressedClock;
  monitor: ServerMonitor;
  /** The panel now; null while it has vanished. */
  readonly sim: SimPanel | null;
  events: Array<NotifiableEvent & { seenAtMs: number }>;
  attempts: Attempt[];
  view(identifier: string): ServerView | undefined;
  accountStatus(): string | undefined;
  tray(): TrayModel;
  /** Every server live, on the panel's state, and the account ok. */
  isSettled(): boolean;
  /** The key the next client is built with (as if the person put a new key in the keychain). */
  setKey(key: string): void;
  /** Closes the panel and its node: connections are refused from now on. */
  vanish(): Promise<void>;
  /** Starts the panel again on the same ports, with the same key and servers. */
  comeBack(): Promise<void>;
  attemptsBetween(fromMs: number, toMs?: number): Attempt[];
  close(): Promise<void>;
}

/** `GET /api/client/servers/…`: axios joins baseURL and url as strings, and so does this. */
function pathOf(config: InternalAxiosRequestConfig): string {
  const joined = `${(config.baseURL ?? '').replace(/\/+$/, '')}/${(config.url ?? '').replace(/^\/+/, '')}`;
  return `${(config.method ?? 'get').toUpperCase()} ${new URL(joined).pathname.replace(/\/+$/, '') || '/'}`;
}

/** How to start a rig. */
export interface RigOptions {
  sim?: SimPanelOptions;
  /** Runs on the panel before the monitor first looks at it (e.g. every server offline). */
  prepare?(sim: SimPanel): void;
}

/** Starts the sim and a monitor on compressed time; waits until every server is followed live. */
export async function startCompressedRig(rigOptions: RigOptions = {}): Promise<CompressedRig> {
  const attempts: Attempt[] = [];
  let inFlight = 0;
  let finished = 0;
  const clock = new CompressedClock({ signature: () => `${attempts.length}/${finished}`, inFlight: () => inFlight });
  // The panel and its Wings run on the same compressed time as the monitor: a token's ten
  // minutes, Wings' 30-second expiry tick and its stats pushes pass as the monitor's do.
  const options: SimPanelOptions = { servers: 4, seed: 3, tickMs: 100, statsIntervalMs: 2_000, clock, ...simVersionDefaults(), ...rigOptions.sim };
  let sim: SimPanel | null = await startSimPanel(options);
  rigOptions.prepare?.(sim);
  const ports = { port: Number(new URL(sim.url).port), transferPort: Number(new URL(sim.wingsUrl).port) };
  const originalKey = sim.apiKey;
  let key = sim.apiKey;
  const done = (): void => {
    inFlight -= 1;
    finished += 1;
  };
  const httpAdapter = axios.getAdapter('http');
  const countingAdapter: AxiosAdapter = (config) => {
    attempts.push({ kind: 'rest', what: pathOf(config), atMs: clock.now() });
    inFlight += 1;
    return httpAdapter(config).finally(done);
  };
  class CountingWebSocket extends WebSocket {
    constructor(address: string, wsOptions: ClientOptions) {
      attempts.push({ kind: 'ws', what: new URL(address).pathname, atMs: clock.now() });
      inFlight += 1;
      super(address, wsOptions);
      // The handshake is over when the socket opens or fails; later frames are not awaited.
      let isOver = false;
      const over = (): void => {
        if (!isOver) done();
        isOver = true;
      };
      this.once('open', over);
      this.once('error', over);
      this.once('close', over);
    }
  }
  const url = `http://127.0.0.1:${ports.port}`;
  // Wired as main wires it (app-services.ts): one pooled client per account, shared by the monitor
  // and the window's calls, its key read from the store when the client is built. ClientPool only
  // asks the AccountService for `connection()`; this stand-in is that one method.
  const keychain = { connection: async () => ({ url, apiKey: key }) } as unknown as AccountService;
  const clients = new ClientPool(keychain, { clock, adapter: countingAdapter, timeoutMs: 20_000 });
  const monitor = new ServerMonitor({
    ...clients.forMonitor(),
    createSocket: (o) => new WingsSocket({ ...o, WebSocketImpl: CountingWebSocket }),
    clock,
    settings: () => ({ ...DEFAULT_SETTINGS.monitor, rules: DEFAULT_SETTINGS.notifications }),
  });
  const events: CompressedRig['events'] = [];
  monitor.on('event', (e) => events.push({ ...e, seenAtMs: clock.now() }));
  const account: MonitorAccount = { id: RIG_ACCOUNT, name: 'Panel', url };
  const view = (identifier: string): ServerView | undefined => monitor.servers().find((s) => s.identifier === identifier);
  const rig: CompressedRig = {
    clock,
    monitor,
    get sim() {
      return sim;
    },
    events,
    attempts,
    view,
    accountStatus: () => monitor.accounts()[0]?.status,
    tray: () => buildTrayModel({ accounts: monitor.accounts(), servers: monitor.servers(), flags: monitor.flags(), isPaused: false }),
    isSettled: () => {
      const servers = sim?.control.servers() ?? [];
      return (
        rig.accountStatus() === 'ok' &&
        servers.length > 0 &&
        servers.every((s) => view(s.identifier)?.isLive === true && view(s.identifier)?.state === s.state && view(s.identifier)?.availability === 'ok')
      );
    },
    setKey: (next) => {
      key = next;
    },
    vanish: async () => {
      const gone = sim;
      sim = null;
      await gone?.close();
    },
    comeBack: async () => {
      sim = await startSimPanel({ ...options, ...ports, apiKey: originalKey });
    },
    attemptsBetween: (fromMs, toMs = Number.POSITIVE_INFINITY) => attempts.filter((a) => a.atMs >= fromMs && a.atMs < toMs),
    close: async () => {
      monitor.dispose();
      clients.dispose();
      await sim?.close();
      sim = null;
    },
  };
  monitor.setAccounts([account]);
  monitor.start();
  try {
    await clock.advanceUntil('every server followed live', rig.isSettled, 60_000, 500);
  } catch (error) {
    await rig.close();
    throw error;
  }
  return rig;
}
