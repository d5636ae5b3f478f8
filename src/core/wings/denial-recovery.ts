/**
 * Recovering from Wings' denylist (wings PR #289): when the panel revokes a user's tokens for a
 * server (a permission change, a removed subuser), Wings refuses every token of that user issued
 * at or before that moment with `jwt: created too far in past (denylist)`; tokens issued before
 * Wings booted are refused the same way.
 *
 * Wings compares in whole seconds: the panel issues `iat` as a Unix timestamp in seconds
 * (pterodactyl/panel app/Services/Nodes/NodeJWTService.php builds with `new TimestampDates()`,
 * app/Extensions/Lcobucci/JWT/Encoding/TimestampDates.php: `getTimestamp()`; Pelican the same),
 * and Wings refuses `!IssuedAt.After(deniedAt)` with the denial in nanoseconds (pelican-dev/wings
 * router/tokens/websocket.go `isDenylisted`; pterodactyl/wings 2024: `IssuedAt.Before`). A token
 * fetched in the same second as the denial is refused too, so asking at once would be refused,
 * and asking again on each refusal would be a loop. One token is asked for after the next whole
 * second, plus a margin for the panel's clock being a little behind ours. If Wings refuses that
 * one too, it was denied again after it was issued (its `iat` is past the first denial's second:
 * another revocation, as a permission change can bring several) or the clocks are further apart:
 * one more token, after a longer margin, at most MAX_DENIAL_RECOVERIES in a row; then the socket
 * gives up. Never more than one token per refusal, never an unbounded loop.
 */

/** Past the next whole second, this much more: the panel's clock may lag ours a little. */
export const DENIAL_MARGIN_MS = 250;

/** Recovery tokens refused in a row after which the socket gives up. */
export const MAX_DENIAL_RECOVERIES = 3;

/** How long to wait before fetching the one token that recovers from a denial seen at `nowMs`. */
export function denialRecoveryDelayMs(nowMs: number, marginMs: number = DENIAL_MARGIN_MS): number {
  const nextSecondMs = (Math.floor(nowMs / 1000) + 1) * 1000;
  return nextSecondMs + marginMs - nowMs;
}

/** What to do about one denylist `jwt error`. */
export type DenialVerdict = 'recover' | 'ignore' | 'give-up';

/**
 * One socket's denial bookkeeping: one recovery token per denial. Wings answers an `auth` it
 * refuses through `SendErrorJson`, prefixed `Error Event [<uuid>]: `, and a dead token on any
 * other event or push raw (pelican-dev/wings router/websocket/websocket.go `HandleInbound`,
 * `SendJson`): so once the recovery token was sent, only a prefixed denial is about it.
 */
export class DenialRecovery {
  private phase: 'idle' | 'waiting' | 'sent' = 'idle';
  /** Recovery tokens asked for since the last accepted one. */
  private recoveries = 0;

  /** A denylist `jwt error` arrived; `isAuthAnswer`: it carried the `Error Event [` prefix. */
  denied(isAuthAnswer: boolean): DenialVerdict {
    // Waiting: the same denial told again (every push under the old token becomes one).
    if (this.phase === 'waiting' || (this.phase === 'sent' && !isAuthAnswer)) return 'ignore';
    if (this.recoveries >= MAX_DENIAL_RECOVERIES) return 'give-up';
    this.recoveries += 1;
    this.phase = 'waiting';
    return 'recover';
  }

  /** The margin for the recovery asked for last: 250 ms, then 1 s, then 4 s (clocks further apart). */
  get marginMs(): number {
    return DENIAL_MARGIN_MS * 4 ** Math.max(0, this.recoveries - 1);
  }

  /** A token is being sent in `auth`: if it is the recovery token, its answer decides. */
  sending(): void {
    if (this.phase === 'waiting') this.phase = 'sent';
  }

  /** Wings accepted a token, or the socket was replaced: a later denial gets its own recovery. */
  reset(): void {
    this.phase = 'idle';
    this.recoveries = 0;
  }
}

/** True when a `jwt error` is Wings' answer to an `auth` (see DenialRecovery). */
export function isAuthAnswer(message: string): boolean {
  return message.startsWith('Error Event [');
}
