/**
 * Detection trials: the bench flips random servers on the sim (running ⇄ offline) and times how
 * long the watcher takes to show the new state. One trial per server at a time, and only on
 * servers the watcher already shows correctly, so every delay belongs to exactly one change.
 */
import type { Disposer } from '../../src/core/util/deps';
import { keyOf, type SeenState, type WatchedServer, type Watcher } from './watcher';

/** A server and the state it really is in on the sim. */
export interface TrialServer extends WatchedServer {
  state: SeenState;
}

/** How to run trials against one watcher. */
export interface TrialOptions {
  watcher: Watcher;
  servers: readonly TrialServer[];
  /** Changes the server's state on the sim. */
  setState(server: WatchedServer, state: 'running' | 'offline'): Promise<void>;
  random: () => number;
  everyMs: number;
  /** Only servers the watcher follows live (the monitor's "followed servers"). */
  isFollowedOnly: boolean;
  now?: () => number;
}

/** What the trials found. */
export interface TrialResults {
  delaysMs: number[];
  /** Which signal showed each change first (`event`, `changed`, `poll`). */
  firstVia: Record<string, number>;
  started: number;
  /** Changes never seen before the trials were stopped. */
  unresolved: number;
}

interface Pending {
  startedAtMs: number;
  target: SeenState;
}

/** Makes a change every `everyMs` and records when the watcher shows it. */
export class TrialRunner {
  private readonly actual = new Map<string, TrialServer>();
  private readonly pending = new Map<string, Pending>();
  private readonly delays: number[] = [];
  private readonly firstVia: Record<string, number> = {};
  private readonly now: () => number;
  private readonly offSeen: Disposer;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = 0;
  private drained: (() => void) | null = null;

  constructor(private readonly options: TrialOptions) {
    this.now = options.now ?? Date.now;
    for (const server of options.servers) this.actual.set(keyOf(server), { ...server });
    this.offSeen = options.watcher.onSeen((server, state, via) => this.seen(server, state, via));
  }

  /** Starts making changes (the first one at once). */
  start(): void {
    const tick = (): void => {
      void this.trialOnce();
      this.timer = setTimeout(tick, this.options.everyMs);
    };
    tick();
  }

  /** Makes no new change; those in flight still count. */
  stopStarting(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves once every change in flight was seen, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    this.stopStarting();
    if (this.pending.size === 0) return;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
      deadline = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(deadline);
    this.drained = null;
  }

  results(): TrialResults {
    return { delaysMs: [...this.delays], firstVia: { ...this.firstVia }, started: this.started, unresolved: this.pending.size };
  }

  dispose(): void {
    this.stopStarting();
    this.offSeen();
    this.drained?.();
  }

  /** A server with no change in flight, shown correctly by the watcher, picked at random. */
  private candidate(): TrialServer | undefined {
    const { watcher, isFollowedOnly, random } = this.options;
    const ready = [...this.actual.values()].filter(
      (s) => !this.pending.has(keyOf(s)) && watcher.stateOf(s) === s.state && (!isFollowedOnly || watcher.isFollowed(s)),
    );
    return ready[Math.floor(random() * ready.length)];
  }

  private async trialOnce(): Promise<void> {
    const server = this.candidate();
    if (!server) return;
    const target = server.state === 'running' ? 'offline' : 'running';
    const key = keyOf(server);
    // Pending before the call: a socket can report the change before the control call returns.
    this.pending.set(key, { startedAtMs: this.now(), target });
    server.state = target;
    this.started++;
    try {
      await this.options.setState(server, target);
    } catch {
      this.pending.delete(key);
      server.state = target === 'running' ? 'offline' : 'running';
      this.started--;
    }
  }

  private seen(server: WatchedServer, state: SeenState, via: string): void {
    const key = keyOf(server);
    const pending = this.pending.get(key);
    if (!pending || pending.target !== state) return;
    this.pending.delete(key);
    this.delays.push(this.now() - pending.startedAtMs);
    this.firstVia[via] = (this.firstVia[via] ?? 0) + 1;
    if (this.pending.size === 0) this.drained?.();
  }
}
