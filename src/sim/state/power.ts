/**
 * The power state machine Wings runs (§3.2, §5.3): start goes offline -> starting -> running two
 * ticks later, stop goes stopping -> offline a tick later, restart chains both, kill is offline at
 * once. Start while not offline is a no-op; a second action while one runs is "busy" (the
 * websocket answers that with a `daemon error`).
 */
import type { Clock } from '../../core/util/deps';
import type { SimFlavor, SimPowerSignal, SimPowerState } from '../types';
import type { TimerSet } from '../util/timers';
import { CRASH_DETECTION_DISABLED_LINE, START_DAEMON_LINES, crashAbortLine, crashDaemonLines, daemonLine, printConsole } from './console';
import { EULA_LINES, eulaAgreed, matchFeature } from './features';
import type { ServerEvents } from './events';
import type { SimServer } from './servers';
import { readStats, wingsStatsJson } from './stats';

/** The four signals of `POST /power` and `set state`. */
export type PowerSignal = 'start' | 'stop' | 'restart' | 'kill';

/** What became of a signal. */
export type PowerResult = 'accepted' | 'ignored' | 'busy';

/** The log keeps this many signals (a long soak test sends many). */
const MAX_RECEIVED_SIGNALS = 10_000;

/** What the controller needs. */
export interface PowerDeps {
  bus: ServerEvents;
  timers: TimerSet;
  clock: Clock;
  tickMs: number;
  flavor: SimFlavor;
  /** Wings' `crash_detection.timeout` (0: always restart) and `crash_detection.enabled`. */
  crashTimeoutMs: number;
  crashDetection: boolean;
  /** Wings publishes `feature match` for egg feature lines (Pelican's Wings, state/features.ts). */
  featureMatch: boolean;
  /** The server's eula.txt, or null when it has none (Minecraft's start checks it). */
  eulaText(server: SimServer): string | null;
}

/** A start step; 'exit' means the game process ended there (code 0), see `run`. */
type Step = () => void | 'exit';

/** Drives every server's power state. */
export class PowerController {
  private readonly pending = new Map<SimServer, () => void>();
  private received: SimPowerSignal[] = [];

  constructor(private readonly deps: PowerDeps) {}

  /** True while a start/stop/restart is in progress. */
  isBusy(server: SimServer): boolean {
    return this.pending.has(server);
  }

  /** Applies a power signal the way Wings does, and notes it (see `receivedSignals`). */
  signal(server: SimServer, signal: PowerSignal, via: SimPowerSignal['via']): PowerResult {
    const result = this.applySignal(server, signal);
    this.received.push({ identifier: server.identifier, signal, via, result, timeMs: this.deps.clock.now() });
    if (this.received.length > MAX_RECEIVED_SIGNALS) this.received.splice(0, this.received.length - MAX_RECEIVED_SIGNALS);
    return result;
  }

  /** The signals received so far, oldest first (a copy). */
  receivedSignals(): SimPowerSignal[] {
    return this.received.map((r) => ({ ...r }));
  }

  private applySignal(server: SimServer, signal: PowerSignal): PowerResult {
    if (signal === 'kill') {
      this.cancel(server);
      this.apply(server, 'offline');
      return 'accepted';
    }
    if (this.isBusy(server)) return 'busy';
    if (signal === 'start') {
      if (server.state !== 'offline') return 'ignored';
      this.run(server, this.startSteps(server));
      return 'accepted';
    }
    if (server.state === 'offline') {
      if (signal === 'stop') return 'ignored';
      this.run(server, this.startSteps(server));
      return 'accepted';
    }
    if (server.state === 'stopping') return 'ignored';
    const steps = this.stopSteps(server);
    this.run(server, signal === 'restart' ? [...steps, ...this.startSteps(server)] : steps);
    return 'accepted';
  }

  /** Sets a state directly (the control surface), cancelling any transition. */
  force(server: SimServer, state: SimPowerState): void {
    this.cancel(server);
    this.apply(server, state);
  }

  /**
   * Wings stopping a server itself, before a suspension, a reinstall or a backup restore: at once,
   * but through `stopping` like any asked-for stop, so nobody takes it for a crash.
   */
  stopNow(server: SimServer): void {
    this.cancel(server);
    if (server.state === 'offline') return;
    if (server.state !== 'stopping') this.apply(server, 'stopping');
    this.apply(server, 'offline');
  }

  /**
   * The game process dies. Wings' `OnStateChange` publishes `offline` (and zeroed stats) first,
   * then, for a server that was starting or running, runs `handleServerCrash`: the crash lines,
   * then a restart, unless the last crash was less than `crash_detection.timeout` ago, when it
   * prints "Aborting automatic restart…" and leaves it offline (wings server/server.go,
   * server/crash.go). With crash detection off it prints only that it will not restart.
   */
  crash(server: SimServer, exitCode = 1, isOutOfMemory = false): PowerResult {
    if (server.state !== 'running' && server.state !== 'starting') return 'ignored';
    this.cancel(server);
    this.apply(server, 'offline');
    const say = (text: string): void => this.say(server, text);
    if (!this.deps.crashDetection) {
      say(CRASH_DETECTION_DISABLED_LINE);
      return 'accepted';
    }
    for (const line of crashDaemonLines(exitCode, isOutOfMemory)) say(line);
    const now = this.deps.clock.now();
    const { crashTimeoutMs } = this.deps;
    if (crashTimeoutMs !== 0 && server.lastCrashAtMs !== null && now - server.lastCrashAtMs < crashTimeoutMs) {
      say(crashAbortLine(crashTimeoutMs));
      return 'accepted';
    }
    server.lastCrashAtMs = now;
    this.run(server, this.startSteps(server));
    return 'accepted';
  }

  /**
   * Prints a line of the game's output; Pelican's Wings then matches it against the egg's
   * features (`feature match` after the line, server/listeners.go).
   */
  print(server: SimServer, line: string): void {
    printConsole(this.deps.bus, server, line);
    const match = this.deps.featureMatch ? matchFeature(server.egg.features, line) : null;
    if (match) this.deps.bus.publish(server.uuid, { event: 'feature match', args: [JSON.stringify(match)] });
  }

  /** Prints one of Wings' own lines (`PublishConsoleOutputFromDaemon`: never feature-matched). */
  private say(server: SimServer, text: string): void {
    printConsole(this.deps.bus, server, daemonLine(this.deps.flavor, text));
  }

  private startSteps(server: SimServer): Step[] {
    const egg = server.egg;
    return [
      () => {
        this.apply(server, 'starting');
        for (const line of START_DAEMON_LINES) this.say(server, line);
      },
      () => {
        // Minecraft stops at once, with exit code 0, unless eula.txt agrees to the EULA; Wings
        // counts that as a crash (`detect_clean_exit_as_crash` defaults to true).
        if (egg.features?.includes('eula') && !eulaAgreed(this.deps.eulaText(server))) {
          for (const line of [egg.bootLines[0] ?? '', ...EULA_LINES]) this.print(server, line);
          return 'exit';
        }
        for (const line of egg.bootLines) this.print(server, line);
      },
      () => {
        this.print(server, egg.readyLine);
        this.apply(server, 'running');
      },
    ];
  }

  private stopSteps(server: SimServer): Step[] {
    return [
      () => {
        this.apply(server, 'stopping');
        for (const line of server.egg.stopLines) this.print(server, line);
      },
      () => this.apply(server, 'offline'),
    ];
  }

  /** Runs the first step now and each next one a tick later. */
  private run(server: SimServer, steps: Step[]): void {
    const next = (index: number): void => {
      const step = steps[index];
      if (!step) {
        this.pending.delete(server);
        return;
      }
      if (step() === 'exit') {
        this.pending.delete(server);
        this.crash(server, 0);
        return;
      }
      if (index === steps.length - 1) {
        this.pending.delete(server);
        return;
      }
      this.pending.set(
        server,
        this.deps.timers.timeout(() => next(index + 1), this.deps.tickMs),
      );
    };
    this.pending.set(server, () => {});
    next(0);
  }

  private cancel(server: SimServer): void {
    this.pending.get(server)?.();
    this.pending.delete(server);
  }

  /** Changes the state and publishes `status` plus a fresh `stats` (Wings resets stats on offline). */
  private apply(server: SimServer, state: SimPowerState): void {
    if (server.state === state) return;
    server.state = state;
    const now = this.deps.clock.now();
    if (state === 'offline') server.startedAtMs = null;
    else server.startedAtMs ??= now;
    this.deps.bus.publish(server.uuid, { event: 'status', args: [state] });
    const stats = wingsStatsJson(readStats(server, now, this.deps.tickMs), this.deps.flavor === 'pelican');
    this.deps.bus.publish(server.uuid, { event: 'stats', args: [stats] });
  }
}
