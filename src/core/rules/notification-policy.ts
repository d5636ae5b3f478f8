/**
 * Which monitor events become desktop notifications, pure: the rules (global, then per account,
 * then per server), the pause, and de-duplication. The main process only shows what this returns.
 */
import type { PowerState } from '../api/models';
import type { PowerSignal } from '../../shared/power-states';
import { OWN_ACTION_WORDS } from './own-actions';
import type { CrashLoopPhase, WingsCrashReaction } from './crash-detector';
import { CRASH_LOOP_COUNT } from './crash-detector';
import { noticeName } from './notice-text';
import type { UsageMetric } from './usage-alerts';
import { serverKey } from '../../shared/server-key';
import { ruleFor } from '../../shared/rule-layers';

/** A server as notifications name it. */
export interface NoticeServer {
  accountId: string;
  identifier: string;
  name: string;
}

/** What the monitor reports that a person may want to hear about. */
export type NotifiableEvent =
  | CrashEvent
  /** The panel suspended a server that was not suspended when the app last looked. */
  | { type: 'suspended'; server: NoticeServer; atMs: number }
  | { type: 'unsuspended'; server: NoticeServer; atMs: number }
  | { type: 'state'; server: NoticeServer; from: PowerState | 'unknown'; to: PowerState; atMs: number; isCrash: boolean }
  | { type: 'usage'; server: NoticeServer; metric: UsageMetric; percentOfLimit: number; atMs: number }
  // ── incidents (issue 14) ── a usage alert that ended (for the timeline; never a notice).
  | { type: 'usage-cleared'; server: NoticeServer; metric: UsageMetric; percentOfLimit: number; atMs: number }
  | { type: 'key-revoked'; accountId: string; accountName: string; atMs: number }
  | { type: 'account-recovered'; accountId: string; atMs: number }
  | { type: 'node-unreachable'; accountId: string; accountName: string; node: string; atMs: number }
  | { type: 'node-recovered'; accountId: string; node: string; atMs: number };

// ── notices (issue 15) ──
/** A power action the person asked the app for, landed (own-actions.ts); NoticeCenter makes it, never the monitor. */
export interface OwnActionEvent {
  type: 'own-action';
  server: NoticeServer;
  signal: PowerSignal;
  atMs: number;
}

/** What the policy words: the monitor's events and the app's own confirmations. */
export type TellableEvent = NotifiableEvent | OwnActionEvent;

/** One crash, once its signals have settled (crash-notices.ts in the monitor). */
export interface CrashEvent {
  type: 'crash';
  server: NoticeServer;
  atMs: number;
  /** Per server, increasing: each crash is one notice, however many signals it had. */
  crashId: number;
  /** What Wings did about it; `unknown` when it said nothing in time. */
  reaction: WingsCrashReaction | 'unknown';
  /** The crash before it began less than Wings' crash timeout (60 s) earlier. */
  isRepeat: boolean;
  loop: CrashLoopPhase;
}

/** A rule set; absent fields of an override fall back to the level above. */
export interface NoticeRule {
  onStateChange: boolean;
  onCrash: boolean;
  onUsage: boolean;
}

export interface NoticeRules {
  global: NoticeRule;
  accounts: Readonly<Record<string, Partial<NoticeRule>>>;
  /** Keyed by `accountId/identifier`. */
  servers: Readonly<Record<string, Partial<NoticeRule>>>;
  /** Epoch ms until which nothing is shown; -1 until resumed; null when not paused. */
  pausedUntilMs: number | null;
  // ── notices (issue 15) ──
  /** Confirm a power action the person asked the app for, once it lands; false: stay quiet. */
  confirmOwnActions: boolean;
}

/** What a notice is about: repeats are judged per kind, and the kind is carried, never parsed. */
export type NoticeKind = 'crash' | 'suspended' | 'usage' | 'state' | 'key-revoked' | 'node-unreachable' | 'failure' | 'own-action';

/** A notification to show. `target` says what a click opens. */
export interface Notice {
  kind: NoticeKind;
  key: string;
  title: string;
  body: string;
  urgency: 'normal' | 'critical';
  target: { accountId: string; identifier: string | null };
  // ── incidents (issue 14) ──
  /** The incident this notice tells of (core/incidents `incidentIdOf`): a click opens it. */
  incidentId?: string;
}

/** Keys of notices already shown, with when; episode keys stay until their recovery clears them. */
export type NoticeLedger = ReadonlyMap<string, number>;

/**
 * Repeats of the same notice within these windows are dropped. A crash's key names the crash, so
 * this only drops a crash reported twice, never a second crash.
 */
export const DEDUPE_WINDOW_MS = {
  crash: 60_000,
  state: 15_000,
  'own-action': 15_000,
  usage: 600_000,
} as const satisfies Partial<Record<NoticeKind, number>>;

/** The key servers are stored under in rule overrides. */
export function serverRuleKey(accountId: string, identifier: string): string {
  return serverKey({ accountId, identifier });
}

/** True while notifications are paused at `nowMs`. */
export function isPaused(rules: NoticeRules, nowMs: number): boolean {
  return rules.pausedUntilMs === -1 || (rules.pausedUntilMs !== null && nowMs < rules.pausedUntilMs);
}

/** The rule that applies to one server: server override, then account, then global. */
export function effectiveRule(rules: NoticeRules, server: NoticeServer): NoticeRule {
  return ruleFor(rules, server);
}

const STATE_WORDS: Partial<Record<PowerState, string>> = { running: 'is up', offline: 'went down' };

/**
 * The body of a state change nobody asked the app for: what happened, never the state it left
 * ("It was stopping." read as though it still was). The app's own asks never reach here.
 */
export function stateChangeBody(from: PowerState, to: PowerState): string {
  if (to === 'running') return from === 'starting' ? 'It finished starting.' : 'It started.';
  return from === 'stopping' ? 'It finished stopping.' : 'It stopped.';
}

/** The body of a confirmation: where it came from, and how to stay quiet. */
export const OWN_ACTION_BODY = 'As you asked in Pterotray. Settings › Notifications can keep these quiet.';

const BY_HAND = 'start it by hand';

/** The title and body of a crash, from what Wings did about it; `name` is the notice's. */
function crashWords(event: CrashEvent, name: string): { title: string; body: string } | null {
  const isNotRestarted = event.reaction === 'not-restarted' || (event.reaction === 'unknown' && event.isRepeat);
  if (event.loop === 'ongoing') {
    // The loop was said once; only Wings giving up on it is news now.
    return isNotRestarted ? { title: `${name} crashed again`, body: `Wings did not restart it: ${BY_HAND}.` } : null;
  }
  const reaction: Record<WingsCrashReaction | 'unknown', string> = {
    restarting: 'Wings is restarting it. Open the console to see why it stopped.',
    'not-restarted': `Wings did not restart it: ${BY_HAND}.`,
    'detection-disabled': `Crash detection is off for this server, so Wings did not restart it: ${BY_HAND}.`,
    'restart-failed': `Wings could not restart it: ${BY_HAND}.`,
    unknown: isNotRestarted ? `Wings did not restart it: ${BY_HAND}.` : 'It stopped without being asked to. Open the console to see why.',
  };
  if (event.loop === 'started') {
    return { title: `${name} keeps crashing`, body: `${CRASH_LOOP_COUNT} crashes in 10 minutes. ${reaction[event.reaction]}` };
  }
  return { title: isNotRestarted ? `${name} crashed again` : `${name} crashed`, body: reaction[event.reaction] };
}

function serverNotice(event: Extract<TellableEvent, { server: NoticeServer }>): Notice | null {
  // The name is the panel's: it is shown (the person named the server), but cleaned (notice-text.ts).
  const server = { ...event.server, name: noticeName(event.server.name, event.server.identifier) };
  const target = { accountId: server.accountId, identifier: server.identifier };
  const id = serverRuleKey(server.accountId, server.identifier);
  switch (event.type) {
    case 'crash': {
      const words = crashWords(event, server.name);
      return words ? { kind: 'crash', key: `crash:${id}:${event.crashId}`, ...words, urgency: 'critical', target } : null;
    }
    case 'suspended':
      return {
        kind: 'suspended',
        key: `suspended:${id}`,
        title: `${server.name} was suspended by the panel`,
        body: 'It was stopped, and power actions are unavailable until the panel’s administrator unsuspends it.',
        urgency: 'normal',
        target,
      };
    case 'unsuspended':
    case 'usage-cleared':
      return null;
    case 'usage': {
      const what = event.metric === 'cpu' ? 'CPU' : 'Memory';
      return {
        kind: 'usage',
        key: `usage:${event.metric}:${id}`,
        title: `${server.name}: ${what} high`,
        body: `${what} has stayed at ${Math.round(event.percentOfLimit)}% of its limit.`,
        urgency: 'normal',
        target,
      };
    }
    case 'state': {
      const words = STATE_WORDS[event.to];
      if (!words || event.from === 'unknown' || event.isCrash) return null;
      return {
        kind: 'state',
        key: `state:${event.to}:${id}`,
        title: `${server.name} ${words}`,
        body: stateChangeBody(event.from, event.to),
        urgency: 'normal',
        target,
      };
    }
    case 'own-action':
      return {
        kind: 'own-action',
        key: `own-action:${event.signal}:${id}`,
        title: `${server.name} ${OWN_ACTION_WORDS[event.signal]}`,
        body: OWN_ACTION_BODY,
        urgency: 'normal',
        target,
      };
  }
}

function allowedByRule(event: TellableEvent, rules: NoticeRules): boolean {
  if (!('server' in event)) return true;
  const rule = effectiveRule(rules, event.server);
  if (event.type === 'crash') return rule.onCrash;
  if (event.type === 'suspended') return rule.onStateChange;
  if (event.type === 'usage') return rule.onUsage;
  // ── notices (issue 15) ── the person's own ask: one switch for all of them.
  if (event.type === 'own-action') return rules.confirmOwnActions;
  return rule.onStateChange;
}

function accountNotice(event: TellableEvent): Notice | null {
  if (event.type === 'key-revoked') {
    const accountName = noticeName(event.accountName, 'A panel');
    return {
      kind: 'key-revoked',
      key: `key-revoked:${event.accountId}`,
      title: `${accountName}: API key rejected`,
      body: 'The panel no longer accepts the key. Add a new client key in Settings.',
      urgency: 'critical',
      target: { accountId: event.accountId, identifier: null },
    };
  }
  if (event.type === 'node-unreachable') {
    // The node's name is the panel's, the account's the person's: both cleaned, the key keeps the raw name.
    const node = noticeName(event.node, 'A node');
    const accountName = noticeName(event.accountName, 'A panel');
    return {
      kind: 'node-unreachable',
      key: `node-unreachable:${event.accountId}:${event.node}`,
      title: `${node} is unreachable`,
      body: `${accountName}: the panel has not reached this node for over a minute.`,
      urgency: 'normal',
      target: { accountId: event.accountId, identifier: null },
    };
  }
  return null;
}

/** The episode key a recovery event ends, so the next episode can notify again. */
function recoveredKey(event: TellableEvent): string | null {
  if (event.type === 'account-recovered') return `key-revoked:${event.accountId}`;
  if (event.type === 'unsuspended') return `suspended:${serverRuleKey(event.server.accountId, event.server.identifier)}`;
  if (event.type === 'node-recovered') return `node-unreachable:${event.accountId}:${event.node}`;
  return null;
}

function isDuplicate(notice: Notice, ledger: NoticeLedger, nowMs: number): boolean {
  const shownAt = ledger.get(notice.key);
  if (shownAt === undefined) return false;
  const window = (DEDUPE_WINDOW_MS as Partial<Record<NoticeKind, number>>)[notice.kind];
  // Episode notices (key revoked, node unreachable) have no window: once until recovered.
  return window === undefined || nowMs - shownAt < window;
}

/**
 * Decides what to show for `events` at `nowMs`, and returns the ledger to keep for next time.
 * Paused notices are dropped, not queued: a pause means "do not disturb", not "later".
 */
export function decideNotices(
  events: readonly TellableEvent[],
  rules: NoticeRules,
  ledger: NoticeLedger,
  nowMs: number,
): { notices: Notice[]; ledger: Map<string, number> } {
  const nextLedger = new Map(ledger);
  const notices: Notice[] = [];
  for (const event of events) {
    const ended = recoveredKey(event);
    if (ended !== null) {
      nextLedger.delete(ended);
      continue;
    }
    const notice = 'server' in event ? serverNotice(event) : accountNotice(event);
    if (notice === null || !allowedByRule(event, rules) || isDuplicate(notice, nextLedger, nowMs)) continue;
    nextLedger.set(notice.key, nowMs);
    if (!isPaused(rules, nowMs)) notices.push(notice);
  }
  return { notices, ledger: nextLedger };
}
