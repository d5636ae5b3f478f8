/** The notification policy's rules, read from the settings the person edits. */
import type { NoticeRule, NoticeRules } from '../rules/notification-policy';
import type { NotificationRule, Settings } from '../../shared/types';

function override(rule: Partial<NotificationRule>): Partial<NoticeRule> {
  const out: Partial<NoticeRule> = {};
  if (rule.onStateChange !== undefined) out.onStateChange = rule.onStateChange;
  if (rule.onCrash !== undefined) out.onCrash = rule.onCrash;
  if (rule.usage !== undefined) out.onUsage = rule.usage !== null;
  return out;
}

const mapValues = <T, U>(record: Record<string, T>, fn: (v: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));

export function noticeRulesFromSettings(notifications: Settings['notifications']): NoticeRules {
  const { global } = notifications;
  return {
    global: { onStateChange: global.onStateChange, onCrash: global.onCrash, onUsage: global.usage !== null },
    accounts: mapValues(notifications.accounts, override),
    servers: mapValues(notifications.servers, override),
    pausedUntilMs: notifications.pausedUntil,
    confirmOwnActions: notifications.confirmOwnActions,
  };
}

/** The settings patch that pauses notifications for `minutes` (null: until resumed). */
export function pausePatch(notifications: Settings['notifications'], minutes: number | null, nowMs: number): Partial<Settings> {
  return { notifications: { ...notifications, pausedUntil: minutes === null ? -1 : nowMs + minutes * 60_000 } };
}

/** The settings patch that resumes notifications. */
export function resumePatch(notifications: Settings['notifications']): Partial<Settings> {
  return { notifications: { ...notifications, pausedUntil: null } };
}
