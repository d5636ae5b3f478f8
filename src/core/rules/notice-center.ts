/**
 * The notification policy with its memory: the rules (read from settings at each event), the
 * ledger of what was shown and when, and the pause. Main hands it the monitor's events and shows
 * what comes back; nothing of the policy lives in main (issue 12).
 */
import type { Settings } from '../../shared/types';
import { noticeRulesFromSettings, pausePatch, resumePatch } from '../settings/notice-rules';
import { decideNotices, isPaused, type NotifiableEvent, type Notice, type NoticeLedger } from './notification-policy';

export interface NoticeCenterOptions {
  /** The notification settings as they are now. */
  settings: () => Settings['notifications'];
  now: () => number;
}

export class NoticeCenter {
  readonly #options: NoticeCenterOptions;
  #ledger: NoticeLedger = new Map();

  constructor(options: NoticeCenterOptions) {
    this.#options = options;
  }

  /** What to show for these events now (nothing while paused; repeats dropped; each with its kind). */
  take(events: readonly NotifiableEvent[]): Notice[] {
    const decided = decideNotices(events, noticeRulesFromSettings(this.#options.settings()), this.#ledger, this.#options.now());
    this.#ledger = decided.ledger;
    return decided.notices;
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
