/**
 * The panels' per-server limit on websocket tokens: 5 a minute per server (Pelican
 * app/Enums/ResourceLimit.php, `websocket` 5 per minute; Pterodactyl 1.12 follows it, as
 * panel-versions.md reports), counted for every user of the server. A socket that keeps dropping,
 * or "Refresh now" pressed again and again, must not ask for a sixth: the sixth waits for the
 * window to let it through, and the other servers are not held back by it.
 */
export const TOKENS_PER_SERVER = 5;
export const TOKEN_WINDOW_MS = 60_000;

export class TokenRate {
  readonly #times = new Map<string, number[]>();

  constructor(
    private readonly limit = TOKENS_PER_SERVER,
    private readonly windowMs = TOKEN_WINDOW_MS,
  ) {}

  /** 0 when a token may be asked for now, else how long until one may. */
  waitMs(identifier: string, nowMs: number): number {
    const recent = this.#recent(identifier, nowMs);
    if (recent.length < this.limit) return 0;
    return recent[recent.length - this.limit]! + this.windowMs - nowMs;
  }

  /** A token request is being made now. */
  record(identifier: string, nowMs: number): void {
    const recent = this.#recent(identifier, nowMs);
    recent.push(nowMs);
    this.#times.set(identifier, recent);
  }

  forget(identifier: string): void {
    this.#times.delete(identifier);
  }

  #recent(identifier: string, nowMs: number): number[] {
    const kept = (this.#times.get(identifier) ?? []).filter((at) => nowMs - at < this.windowMs);
    if (kept.length === 0) this.#times.delete(identifier);
    else this.#times.set(identifier, kept);
    return kept;
  }
}
