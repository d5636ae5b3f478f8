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
 * second, plus a margin for the panel's clock being a little behind ours; if Wings refuses that
 * one too, the denial is not one a token cures, and the socket gives up.
 */

/** Past the next whole second, this much more: the panel's clock may lag ours a little. */
export const DENIAL_MARGIN_MS = 250;

/** How long to wait before fetching the one token that recovers from a denial seen at `nowMs`. */
export function denialRecoveryDelayMs(nowMs: number): number {
  const nextSecondMs = (Math.floor(nowMs / 1000) + 1) * 1000;
  return nextSecondMs + DENIAL_MARGIN_MS - nowMs;
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

  /** A denylist `jwt error` arrived; `isAuthAnswer`: it carried the `Error Event [` prefix. */
  denied(isAuthAnswer: boolean): DenialVerdict {
    if (this.phase === 'idle') {
      this.phase = 'waiting';
      return 'recover';
    }
    // Waiting: the same denial told again (every push under the old token becomes one).
    if (this.phase === 'waiting' || !isAuthAnswer) return 'ignore';
    return 'give-up';
  }

  /** A token is being sent in `auth`: if it is the recovery token, its answer decides. */
  sending(): void {
    if (this.phase === 'waiting') this.phase = 'sent';
  }

  /** Wings accepted a token, or the socket was replaced: a later denial gets its own recovery. */
  reset(): void {
    this.phase = 'idle';
  }
}

/** True when a `jwt error` is Wings' answer to an `auth` (see DenialRecovery). */
export function isAuthAnswer(message: string): boolean {
  return message.startsWith('Error Event [');
}
