/** A ServerMonitor wired to a fake panel, fake sockets and a manual clock, with what it reported. */
import type { PowerState, Server } from '../../../../../src/core/api/models';
import { ServerMonitor, type MonitorAccount, type MonitorSettings, type ServerMonitorOptions } from '../../../../../src/core/monitor';
import type { NotifiableEvent } from '../../../../../src/core/rules/notification-policy';
import { DEFAULT_SETTINGS } from '../../../../../src/core/settings/schema';
import type { ConsoleConnection, ConsoleLine, ServerRef, StatsSample } from '../../../../../src/shared/types';
import { AsyncClock } from '../../../../helpers/manual-clock';
import { FakePanel, makeServers } from './fake-panel';
import { FakeSocket, type ConnectBehaviour } from './fake-socket';

export interface HarnessOptions {
  servers?: Server[];
  /** What a socket does once it has credentials; by server identifier. Default: connect. */
  behaviour?: (identifier: string | null) => ConnectBehaviour;
  /** The `status` Wings sends on a socket's first auth; default `running`; null sends none. */
  connectStatus?: (identifier: string | null) => PowerState | null;
  settings?: Partial<MonitorSettings>;
  listRefreshMs?: number;
  random?: () => number;
  /** Passed to the monitor as is; without it the monitor disposes clients itself. */
  releaseClient?: ServerMonitorOptions['releaseClient'];
}

export const ACCOUNT: MonitorAccount = { id: 'acc', name: 'My panel', url: 'http://panel.test' };

/** Subscribes to every monitor event and keeps what arrives. */
function record(monitor: ServerMonitor, clock: AsyncClock) {
  const events: NotifiableEvent[] = [];
  const stats: Array<{ ref: ServerRef; sample: StatsSample }> = [];
  const lines: ConsoleLine[] = [];
  const connections: Array<{ ref: ServerRef; connection: ConsoleConnection }> = [];
  const changes: number[] = [];
  monitor.on('event', (e) => events.push(e));
  monitor.on('stats', (ref, sample) => stats.push({ ref, sample }));
  monitor.on('console', (line) => lines.push(line));
  monitor.on('console-connection', (ref, connection) => connections.push({ ref, connection }));
  monitor.on('changed', () => changes.push(clock.now()));
  return { events, stats, lines, connections, changes };
}

export function createHarness(options: HarnessOptions = {}) {
  const clock = new AsyncClock();
  const panel = new FakePanel(clock, options.servers ?? makeServers(3));
  const sockets: FakeSocket[] = [];
  const settings: MonitorSettings = {
    ...structuredClone(DEFAULT_SETTINGS.monitor),
    rules: structuredClone(DEFAULT_SETTINGS.notifications),
    ...options.settings,
  };
  const monitor = new ServerMonitor({
    createClient: () => panel.createClient(),
    createSocket: (opts) => {
      const socket: FakeSocket = new FakeSocket(
        opts,
        () => (options.behaviour ?? (() => 'connect'))(socket.identifier),
        () => (options.connectStatus ?? (() => 'running'))(socket.identifier),
      );
      sockets.push(socket);
      return socket;
    },
    clock,
    random: options.random ?? (() => 0.5),
    settings: () => settings,
    listRefreshMs: options.listRefreshMs,
    releaseClient: options.releaseClient,
  });
  const recorded = record(monitor, clock);
  const ref = (identifier: string): ServerRef => ({ accountId: ACCOUNT.id, identifier });
  /** The live (not disposed) socket of a server. */
  const socketOf = (identifier: string): FakeSocket => {
    const socket = sockets.find((s) => s.identifier === identifier && !s.isDisposed);
    if (!socket) throw new Error(`no live socket for ${identifier}`);
    return socket;
  };
  const view = (identifier: string) => {
    const found = monitor.servers().find((s) => s.identifier === identifier);
    if (!found) throw new Error(`no view for ${identifier}`);
    return found;
  };
  /** Adds the account, starts, and lets the first list and connects settle. */
  const start = async (settleMs = 1_000): Promise<void> => {
    monitor.setAccounts([ACCOUNT]);
    monitor.start();
    await clock.advance(settleMs);
  };
  return { clock, panel, sockets, settings, ...recorded, monitor, ref, socketOf, view, start };
}

export type Harness = ReturnType<typeof createHarness>;
