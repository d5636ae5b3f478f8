/**
 * Everything a server's window keeps while it is open, across its tabs: the console (attached to
 * main once per view, not per tab), the stats, and the command line. Main pushes console lines
 * and stats only for attached servers; the session takes those of its own server and detaches
 * when the view closes.
 */
import { api as defaultApi, errorMessage } from '../../lib/api';
import { sameRef } from '../../lib/state/app-state.svelte';
import { appState } from '../../lib/state/app-state.svelte';
import { DEFAULT_CONSOLE_SCROLLBACK } from '../../../../shared/types';
import { ConsoleStore } from './console/console-store.svelte';
import { CommandLine } from './console/command-line.svelte';
import { StatsStore } from './stats/stats-store.svelte';
import type { Api } from '../../../../shared/ipc-contract';
import type { PowerState, ServerRef } from '../../../../shared/types';

export type SessionApi = Pick<
  Api,
  | 'consoleAttach'
  | 'consoleDetach'
  | 'consoleSend'
  | 'consoleHistory'
  | 'statsHistory'
  | 'onStatsSample'
  | 'onConsoleLine'
  | 'onConsoleLines'
  | 'onConsoleConnection'
  | 'onServersChanged'
>;

export class ServerSession {
  readonly ref: ServerRef;
  // The scrollback Settings chose when the view opened (issue 15).
  readonly console = new ConsoleStore(appState.settings?.consoleScrollback ?? DEFAULT_CONSOLE_SCROLLBACK);
  readonly stats = new StatsStore();
  readonly commands: CommandLine;
  #stops: (() => void)[] = [];
  #isStopped = false;

  /** `state` is the server's power state now; the session follows it from then on. */
  constructor(
    ref: ServerRef,
    state: PowerState | 'unknown',
    private readonly api: SessionApi = defaultApi,
  ) {
    this.ref = { accountId: ref.accountId, identifier: ref.identifier };
    this.commands = new CommandLine(this.ref, api);
    this.stats.setOffline(state === 'offline');
  }

  /** Subscribes, attaches and loads; returns the stop (which detaches). */
  start(): () => void {
    const mine = (ref: ServerRef): boolean => sameRef(ref, this.ref);
    // Subscribed before attaching, so nothing pushed in between is lost.
    this.#stops.push(
      this.api.onConsoleLine((line) => mine(line.server) && this.console.push(line)),
      // ── console (issue 15) ── main's batches of a frame
      this.api.onConsoleLines((lines) => this.console.pushMany(lines.filter((line) => mine(line.server)))),
      this.api.onConsoleConnection(({ server, connection }) => mine(server) && this.console.setConnection(connection)),
      this.api.onStatsSample(({ server, sample }) => mine(server) && this.stats.push(sample)),
      this.api.onServersChanged((servers) => {
        const server = servers.find(mine);
        if (server) this.stats.setOffline(server.state === 'offline');
      }),
    );
    void this.attach();
    void this.loadStats();
    void this.commands.load();
    return () => this.stop();
  }

  /** Attaches the console (again, after a failure). */
  async attach(): Promise<void> {
    this.console.beginAttach();
    try {
      const { backlog, connection } = await this.api.consoleAttach(this.ref);
      if (!this.#isStopped) this.console.attached(backlog, connection);
    } catch (error) {
      if (!this.#isStopped) this.console.attachFailed(errorMessage(error));
    }
  }

  /** Loads main's stats history (again, after a failure). */
  async loadStats(): Promise<void> {
    this.stats.beginLoad();
    try {
      const history = await this.api.statsHistory(this.ref);
      if (!this.#isStopped) this.stats.loaded(history);
    } catch (error) {
      if (!this.#isStopped) this.stats.failed(errorMessage(error));
    }
  }

  stop(): void {
    if (this.#isStopped) return;
    this.#isStopped = true;
    for (const stop of this.#stops.splice(0)) stop();
    // Invokes keep their order, so this reaches main after the attach even if it is still pending.
    this.api.consoleDetach(this.ref).catch(() => {
      // Nothing to undo here: at worst main keeps pushing this server's lines, which nothing hears.
    });
  }
}
