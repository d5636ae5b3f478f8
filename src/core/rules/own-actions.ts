/**
 * Power actions the person asked for through the app (the tray or the window), pure. The state
 * changes such an action causes are not news: they are folded into one confirmation ("Survival 1
 * restarted") when the action lands, or into silence when the person turned confirmations off.
 * State changes nobody asked the app for keep their own notices (issue 15, item 5).
 */
import type { PowerSignal, PowerState } from '../../shared/power-states';
import { serverKey } from '../../shared/server-key';

/**
 * How long an action waits for the state it aims at. A modded Minecraft server can take minutes
 * to start; past this the action is forgotten and later changes are told as anyone's.
 */
export const OWN_ACTION_TIMEOUT_MS = 10 * 60_000;

/** One pending action, keyed by server. */
export interface OwnAction {
  signal: PowerSignal;
  atMs: number;
  /** Asked from the tray, which has no other voice: confirm it. The window shows the state itself. */
  shouldConfirm: boolean;
}

/** Pending actions by `accountId/identifier`. */
export type OwnActionLedger = ReadonlyMap<string, OwnAction>;

/** The state each signal ends in: a restart ends running (through offline), a stop or a kill offline. */
const TARGET_STATE: Record<PowerSignal, PowerState> = { start: 'running', restart: 'running', stop: 'offline', kill: 'offline' };

/** What a state change is to the person: theirs on the way, theirs landed, or not theirs. */
export type OwnActionVerdict = { kind: 'not-own' } | { kind: 'on-the-way' } | { kind: 'landed'; signal: PowerSignal; shouldConfirm: boolean };

/** Records that the person asked for `signal` on a server at `nowMs` (the latest ask wins). */
export function expectOwnAction(
  ledger: OwnActionLedger,
  server: { accountId: string; identifier: string },
  ask: { signal: PowerSignal; shouldConfirm: boolean },
  nowMs: number,
): Map<string, OwnAction> {
  return new Map(ledger).set(serverKey(server), { ...ask, atMs: nowMs });
}

/** Forgets a server's pending action (a crash took over, or the ask failed). */
export function forgetOwnAction(ledger: OwnActionLedger, server: { accountId: string; identifier: string }): Map<string, OwnAction> {
  const next = new Map(ledger);
  next.delete(serverKey(server));
  return next;
}

/**
 * Judges one state change against the pending actions. A landed action leaves the ledger; an
 * expired one leaves it and the change is told as anyone's.
 */
export function judgeStateChange(
  ledger: OwnActionLedger,
  change: { server: { accountId: string; identifier: string }; to: PowerState; atMs: number },
): { verdict: OwnActionVerdict; ledger: Map<string, OwnAction> } {
  const key = serverKey(change.server);
  const pending = ledger.get(key);
  const next = new Map(ledger);
  if (pending === undefined) return { verdict: { kind: 'not-own' }, ledger: next };
  if (change.atMs - pending.atMs > OWN_ACTION_TIMEOUT_MS) {
    next.delete(key);
    return { verdict: { kind: 'not-own' }, ledger: next };
  }
  // A start or restart that reaches running; a stop or kill that reaches offline.
  if (change.to === TARGET_STATE[pending.signal]) {
    next.delete(key);
    return { verdict: { kind: 'landed', signal: pending.signal, shouldConfirm: pending.shouldConfirm }, ledger: next };
  }
  return { verdict: { kind: 'on-the-way' }, ledger: next };
}

/** The confirmation's words: the action as done, in the past tense. */
export const OWN_ACTION_WORDS: Record<PowerSignal, string> = { start: 'started', restart: 'restarted', stop: 'stopped', kill: 'was killed' };
