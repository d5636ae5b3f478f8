/**
 * The app's notification pause as the daemon honours it when it sends the app's own alert
 * channels (no config file): read from the app's settings file now and then, since the app may
 * pause or resume at any time while the daemon runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPaused, type NoticeRules } from '../../core/rules/notification-policy';
import { SETTINGS_FILE } from '../../core/settings/app-config-dir';
import { noticeRulesFromSettings } from '../../core/settings/notice-rules';
import { sanitizeDocument } from '../../core/settings/schema';

/** How often the settings file is read again. */
export const APP_PAUSE_READ_EVERY_MS = 10_000;

/** Reads the app's pause from its settings file, at most every 10 s; a file it cannot read pauses nothing. */
export function appPause(appDir: string, now: () => number): () => boolean {
  let checkedAt = Number.NEGATIVE_INFINITY;
  let rules: NoticeRules | null = null;
  return () => {
    if (now() - checkedAt >= APP_PAUSE_READ_EVERY_MS) {
      checkedAt = now();
      try {
        rules = noticeRulesFromSettings(sanitizeDocument(JSON.parse(readFileSync(join(appDir, SETTINGS_FILE), 'utf8'))).document.settings.notifications);
      } catch {
        rules = null;
      }
    }
    return rules !== null && isPaused(rules, now());
  };
}
