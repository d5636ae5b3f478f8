/**
 * Tells main which servers the window shows: the rows in view and the open server. Their live
 * states are sought first (core/monitor/attention.ts). Reports are gathered for a moment, so a
 * scroll through hundreds of rows sends one call, and an unchanged view sends none.
 */
import { serverKey } from '../../../shared/server-key';
import type { ServerRef } from '../../../shared/types';

/** Long enough to gather one scroll's changes, short against the seconds a state takes. */
export const REPORT_DELAY_MS = 250;

export class OnScreenReporter {
  #rows = new Map<string, ServerRef>();
  #open: ServerRef | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastSent: string | null = null;

  constructor(
    private readonly send: (onScreen: ServerRef[]) => Promise<unknown>,
    private readonly delayMs = REPORT_DELAY_MS,
  ) {}

  /** A row came into view or left it. */
  row(ref: ServerRef, isInView: boolean): void {
    const key = serverKey(ref);
    if (isInView) this.#rows.set(key, ref);
    else this.#rows.delete(key);
    this.#schedule();
  }

  /** No row is in view (the list went away). */
  clearRows(): void {
    this.#rows.clear();
    this.#schedule();
  }

  /** The server the window has open (console, files, stats), or null. */
  open(ref: ServerRef | null): void {
    this.#open = ref;
    this.#schedule();
  }

  /** Sends now what is pending (tests, and a page about to go). */
  flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const refs = new Map<string, ServerRef>();
    if (this.#open) refs.set(serverKey(this.#open), this.#open);
    for (const [key, ref] of this.#rows) refs.set(key, ref);
    const signature = [...refs.keys()].sort().join('\n');
    if (signature === this.#lastSent) return;
    this.#lastSent = signature;
    // Only an order of work: a refusal changes nothing the person sees.
    this.send([...refs.values()].map(({ accountId, identifier }) => ({ accountId, identifier }))).catch(() => {
      this.#lastSent = null;
    });
  }

  #schedule(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => this.flush(), this.delayMs);
  }
}
