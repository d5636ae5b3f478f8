/**
 * Asks the panel whether a server was suspended before anything about it is announced. Wings
 * never says "suspended" on a live socket in every version: 1.11 stops the server and keeps the
 * socket open (wings `server/update.go`), Pelican's drops the socket without a close frame
 * (`Websockets().CancelAll()` in `server/server.go`); only newer Pterodactyl closes with 4409
 * (wings PR #287). So a stop nobody here asked for, or a drop seen as 1006, holds the server's
 * events and asks the panel: `GET /servers/{id}` answers even for a suspended server (its
 * `is_suspended`), where every other server route answers 409.
 */
import { isPanelError } from '../api/errors';
import { observeAvailability } from './observe';
import type { RegistryContext } from './registry-context';
import type { ServerEntry } from './server-entry';

/**
 * The panel marks the server suspended and tells Wings in one transaction (SuspensionService), so
 * a question asked the moment Wings acts could be answered from before it. Ask a little later.
 */
export const CHECK_DELAY_MS = 1_000;
/** This many servers to check at once (a node's sockets all dropping) are checked with one list. */
export const CHECK_BY_LIST_FROM = 3;

/** What the check needs of the registry. */
export interface SuspensionCheckHooks {
  entry(identifier: string): ServerEntry | undefined;
  /** The check is over; a suspended server is no longer followed. */
  settled(entry: ServerEntry): void;
}

/** The servers of one panel under suspicion, checked together after CHECK_DELAY_MS. */
export class SuspensionCheck {
  private readonly pending = new Set<string>();
  private timer: unknown = null;
  private isDisposed = false;

  constructor(
    private readonly ctx: RegistryContext,
    private readonly hooks: SuspensionCheckHooks,
  ) {}

  /** Holds the server's events and schedules the question. */
  begin(entry: ServerEntry): void {
    if (this.isDisposed || entry.availability === 'suspended') return;
    entry.heldEvents ??= [];
    this.pending.add(entry.identifier);
    this.timer ??= this.ctx.clock.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, CHECK_DELAY_MS);
  }

  dispose(): void {
    this.isDisposed = true;
    if (this.timer !== null) this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private async run(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length >= CHECK_BY_LIST_FROM) {
      // The list carries `is_suspended` too, a page for up to a hundred servers.
      const isListed = await this.ctx.refreshList();
      for (const id of ids) this.finishById(id, isListed ? null : 'unknown');
      return;
    }
    await Promise.all(ids.map((id) => this.checkOne(id)));
  }

  private async checkOne(identifier: string): Promise<void> {
    const client = this.ctx.client();
    if (!client) return this.finishById(identifier, 'unknown');
    try {
      const details = await this.ctx.budget.run('high', () => client.getServer(identifier, { priority: 'background' }));
      this.ctx.noteSuccess();
      const entry = this.hooks.entry(identifier);
      if (entry && details.isSuspended) observeAvailability(this.ctx, entry, 'suspended');
      this.finishById(identifier, null);
    } catch (err) {
      if (!isPanelError(err) || err.kind !== 'cancelled') this.ctx.noteFailure(err, 'server');
      this.finishById(identifier, 'unknown');
    }
  }

  /**
   * Releases what was held. Suspended: the stop was the panel's doing, so its state changes are
   * not news (the `suspended` event is). Otherwise, or when the panel could not say, everything
   * held goes out as it was seen.
   */
  private finishById(identifier: string, answer: 'unknown' | null): void {
    const entry = this.hooks.entry(identifier);
    if (!entry || this.isDisposed) return;
    const held = entry.heldEvents ?? [];
    entry.heldEvents = null;
    const isSuspended = answer === null && entry.availability === 'suspended';
    for (const event of held) if (!isSuspended || event.type !== 'state') this.ctx.sink.event(event);
    this.hooks.settled(entry);
  }
}
