/**
 * The notification policy with its memory: the rules (read from settings at each event), the
 * ledger of what was shown and when, and the pause. Main hands it the monitor's events and shows
 * what comes back; nothing of the policy lives in main (issue 12).
 */
import type { Settings } from '../../shared/types';
import { noticeRulesFromSettings, pausePatch, resumePatch } from '../settings/notice-rules';
import { decideNotices, isPaused, type NotifiableEvent, type Notice, type TellableEvent, type NoticeLedger } from './notification-policy';
import type { PowerSignal } from '../../shared/power-states';
import type { ServerRef } from '../../shared/types';
import { expectOwnAction, forgetOwnAction, judgeStateChange, type OwnActionLedger } from './own-actions';

export interface NoticeCenterOptions {
  /** The notification settings as they are now. */
  settings: () => Settings['notifications'];
  now: () => number;
}

export class NoticeCenter {
  readonly #options: NoticeCenterOptions;
  #ledger: NoticeLedger = new Map();
  // ── notices (issue 15) ──
  #ownActions: OwnActionLedger = new Map();

  constructor(options: NoticeCenterOptions) {
    this.#options = options;
  }

  /** What to show for these events now (nothing while paused; repeats dropped; each with its kind). */
  take(events: readonly NotifiableEvent[]): Notice[] {
    const told = events.flatMap((event) => this.#asTold(event));
    const decided = decideNotices(told, noticeRulesFromSettings(this.#options.settings()), this.#ledger, this.#options.now());
    this.#ledger = decided.ledger;
    return decided.notices;
  }

  /**
   * The person asked the app for `signal` on `server`: its state changes fold into one
   * confirmation (`shouldConfirm`, and the setting on) or into nothing.
   */
  expectOwnAction(server: ServerRef, ask: { signal: PowerSignal; shouldConfirm: boolean }): void {
    this.#ownActions = expectOwnAction(this.#ownActions, server, ask, this.#options.now());
  }

  /** The ask failed (the panel refused it): nothing is on the way, so later changes are anyone's. */
  forgetOwnAction(server: ServerRef): void {
    this.#ownActions = forgetOwnAction(this.#ownActions, server);
  }

  /** A state change of the person's own ask becomes its confirmation or nothing; a crash ends the ask. */
  #asTold(event: NotifiableEvent): TellableEvent[] {
    if (event.type === 'crash') {
      this.#ownActions = forgetOwnAction(this.#ownActions, event.server);
      return [event];
    }
    if (event.type !== 'state' || event.isCrash) return [event];
    const judged = judgeStateChange(this.#ownActions, event);
    this.#ownActions = judged.ledger;
    const { verdict } = judged;
    if (verdict.kind === 'not-own') return [event];
    if (verdict.kind === 'on-the-way' || !verdict.shouldConfirm) return [];
    return [{ type: 'own-action', server: event.server, signal: verdict.signal, atMs: event.atMs }];
  }

  isPaused(): boolean {
    return isPaused(noticeRulesFromSettings(this.#options.settings()), this.#options.now());
  }

  /** The settings patch that pauses for `minutes` (null: until resumed). */
  pausePatch(minutes: number | null): Partial<Settings> {
    return pausePatch(this.#options.settings(), minutes, this.#options.now());
  }

  resumePatch(): Partial<Settings> {
    return resumePatch(this.#options.settings());
  }
}
