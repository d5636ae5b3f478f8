/**
 * Turns crash news into one event per crash, worded by what Wings did about it. Wings publishes a
 * crash's offline first, then its lines, then either the restart (`starting`) or "Aborting
 * automatic restart…" (wings `server/server.go`, `server/crash.go`), milliseconds apart: the
 * event waits for that reaction, up to CRASH_SETTLE_MS, so the notice can say "crashed again;
 * Wings did not restart it" instead of "crashed" followed by silence.
 */
import { WINGS_CRASH_TIMEOUT_MS, type CrashStart, type WingsCrashReaction } from '../rules/crash-detector';
import type { CrashEvent, NoticeServer } from '../rules/notification-policy';
import type { Clock } from '../util/deps';
import type { CrashNews } from './signals';

/** How long a crash waits for Wings' reaction before it is told as it stands. */
export const CRASH_SETTLE_MS = 3_000;

interface Pending {
  server: NoticeServer;
  start: CrashStart;
  timer: unknown;
}

/** The crashes of one panel that are waiting for Wings' reaction. */
export class CrashNotices {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly clock: Clock,
    private readonly emit: (event: CrashEvent) => void,
  ) {}

  /** Takes what one observation told about crashes. */
  note(server: NoticeServer, news: CrashNews): void {
    if (news.start) this.begin(server, news.start);
    if (news.reaction) this.settle(server.identifier, news.reaction.id, news.reaction.reaction);
  }

  /** Drops the pending crashes of a server that is no longer watched. */
  forget(identifier: string): void {
    for (const [key, p] of this.pending) {
      if (p.server.identifier !== identifier) continue;
      this.clock.clearTimeout(p.timer);
      this.pending.delete(key);
    }
  }

  dispose(): void {
    for (const p of this.pending.values()) this.clock.clearTimeout(p.timer);
    this.pending.clear();
  }

  private begin(server: NoticeServer, start: CrashStart): void {
    const key = keyOf(server.identifier, start.id);
    const timer = this.clock.setTimeout(() => this.settle(server.identifier, start.id, null), CRASH_SETTLE_MS);
    this.pending.set(key, { server, start, timer });
  }

  private settle(identifier: string, id: number, reaction: WingsCrashReaction | null): void {
    const key = keyOf(identifier, id);
    const p = this.pending.get(key);
    if (!p) return;
    this.clock.clearTimeout(p.timer);
    this.pending.delete(key);
    const { start } = p;
    const isRepeat = start.previousAtMs !== null && start.atMs - start.previousAtMs < WINGS_CRASH_TIMEOUT_MS;
    this.emit({ type: 'crash', server: p.server, atMs: start.atMs, crashId: start.id, reaction: reaction ?? 'unknown', isRepeat, loop: start.loop });
  }
}

function keyOf(identifier: string, id: number): string {
  return `${identifier}#${id}`;
}
