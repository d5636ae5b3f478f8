/**
 * What `pterotray watch` prints, pure: from one moment of the monitor's views to the next, the
 * changes a person should read. A state is printed once it is seen; one that is no longer current
 * (not followed live, not polled lately) is printed as "last known" with when it was seen, never
 * as if it were live. While the whole panel cannot be reached, one account line (see
 * `accountNotice`) says so instead of one line per server.
 */
import type { AccountView, ServerView } from '../../shared/types';
import { stripControl, toJson } from '../format/sanitize';

/** The state a line names: the power state, or why the panel cannot tell it (suspended, …). */
export type ShownState = ServerView['state'] | Exclude<ServerView['availability'], 'ok' | 'node-unreachable'> | 'unreachable';

/** One printed event. `isCurrent` false: `to` is the last known state, seen at `seenAtMs`. */
export interface WatchEvent {
  event: 'state' | 'added' | 'removed' | 'stale';
  identifier: string;
  name: string;
  from: ShownState | null;
  to: ShownState | null;
  isCurrent: boolean;
  seenAtMs: number | null;
  atMs: number;
}

/** What was last printed of a server. */
interface Printed {
  name: string;
  state: ShownState;
  isCurrent: boolean;
}

/** The state to show for a view: its availability when that says more than the power state. */
export function shownState(view: ServerView): ShownState {
  if (view.availability === 'ok') return view.state;
  if (view.availability === 'node-unreachable') return 'unreachable';
  return view.availability;
}

/**
 * Remembers what was printed and turns each new set of views into events. The first views only
 * set the baseline of the list: a state becomes a line (`unknown -> running`) once it is seen.
 */
export class WatchLines {
  private printed = new Map<string, Printed>();
  private hasList = false;

  /** Events from the last views to `views`; `isPanelOk` false holds back the per-server stale lines. */
  next(views: readonly ServerView[], isPanelOk: boolean, nowMs: number): WatchEvent[] {
    const events: WatchEvent[] = [];
    const next = new Map<string, Printed>();
    for (const view of views) {
      if (next.has(view.identifier)) continue;
      const state = shownState(view);
      const now: Printed = { name: view.name, state, isCurrent: view.isStateCurrent };
      const before = this.printed.get(view.identifier);
      const base = { identifier: view.identifier, name: view.name, isCurrent: view.isStateCurrent, seenAtMs: view.stateSeenAt, atMs: nowMs };
      if (before === undefined) {
        if (this.hasList) events.push({ ...base, event: 'added', from: null, to: state });
        else if (state !== 'unknown') events.push({ ...base, event: 'state', from: 'unknown', to: state });
      } else if (before.state !== state) {
        events.push({ ...base, event: 'state', from: before.state, to: state });
      } else if (before.isCurrent && !view.isStateCurrent && state !== 'unknown') {
        // A panel that is down is one account line, not one stale line per server: keep the baseline.
        if (!isPanelOk) now.isCurrent = true;
        else events.push({ ...base, event: 'stale', from: state, to: state });
      }
      next.set(view.identifier, now);
    }
    if (this.hasList) {
      for (const [identifier, was] of this.printed) {
        if (!next.has(identifier))
          events.push({ event: 'removed', identifier, name: was.name, from: was.state, to: null, isCurrent: false, seenAtMs: null, atMs: nowMs });
      }
    }
    this.printed = next;
    this.hasList ||= views.length > 0 || isPanelOk;
    return events;
  }
}

/** The `--json` line of one event; names and identifiers as the panel sent them (escaped, C1 too). */
export function eventJson(e: WatchEvent): string {
  return toJson({
    event: e.event,
    server: e.identifier,
    name: e.name,
    from: e.from,
    to: e.to,
    is_current: e.isCurrent,
    seen_at: e.seenAtMs === null ? null : new Date(e.seenAtMs).toISOString(),
    at: new Date(e.atMs).toISOString(),
  });
}

/** The human line of one event: time, identifier, name, old -> new. */
export function eventText(e: WatchEvent): string {
  const at = new Date(e.atMs).toISOString();
  const who = `${stripControl(e.identifier)}  ${stripControl(e.name)}`;
  return `${at}  ${who}  ${changeText(e)}`;
}

/** What changed, without time or server: `offline -> running`, `added (running)`, … */
export function changeText(e: WatchEvent): string {
  const to = `${e.to ?? ''}${e.isCurrent || e.to === 'unknown' ? '' : ` (last known, seen ${seenText(e.seenAtMs)})`}`;
  if (e.event === 'added') return `added (${to})`;
  if (e.event === 'removed') return `removed (was ${e.from ?? 'unknown'})`;
  if (e.event === 'stale') return `${to}: no longer followed live`;
  return `${e.from ?? 'unknown'} -> ${to}`;
}

function seenText(seenAtMs: number | null): string {
  return seenAtMs === null ? 'never' : new Date(seenAtMs).toISOString();
}

/**
 * One stderr line when the panel's status changes (down, refusing the key, asking to wait, back),
 * or null when there is nothing new to say. The panel's own message is stripped of control codes.
 */
export function accountNotice(before: AccountView['status'] | null, account: AccountView): string | null {
  if (account.status === before || account.status === 'checking') return null;
  const message = stripControl(account.statusMessage ?? '')
    .trim()
    .replace(/[.\s]+$/, '');
  switch (account.status) {
    case 'ok':
      return before === null || before === 'checking' ? null : '[pterotray] the panel answers again; states follow as they are seen.';
    case 'unreachable':
      return `pterotray: the panel cannot be reached${message === '' ? '' : `: ${message}`}. Retrying; states printed before this are last known.`;
    case 'rate-limited':
      return `pterotray: the panel asked to wait (rate limit); carrying on when it allows.`;
    default:
      return `pterotray: ${message === '' ? 'the panel refused the API key' : message}`;
  }
}
