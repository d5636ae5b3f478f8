/**
 * The settings forms as data: text fields as typed, their checks (the same ranges main enforces,
 * so only valid values are sent) and the patches sent to `settings:update`.
 */
import { t } from '../../lib/strings';
import type { NotificationRule, Settings } from '../../../../shared/types';

type Usage = NonNullable<NotificationRule['usage']>;
const MINUTE_MS = 60_000;
/** The thresholds offered when usage alerts are switched on (main's defaults). */
export const DEFAULT_USAGE: Usage = { cpuPercent: 90, memoryPercent: 90, sustainedMs: 2 * MINUTE_MS };

/** Usage thresholds as the person types them. */
export interface UsageDraft {
  cpuPercent: string;
  memoryPercent: string;
  sustainedMinutes: string;
}
export type UsageErrors = Partial<Record<keyof UsageDraft, string>>;

export interface RuleDraft extends UsageDraft {
  onStateChange: boolean;
  onCrash: boolean;
  isUsageOn: boolean;
}

export interface MonitorDraft {
  budgetPercent: string;
  pollIntervalS: string;
}
export type MonitorErrors = Partial<Record<keyof MonitorDraft, string>>;

/** A whole number in [min, max], or null. */
function wholeIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** A number (decimals allowed) in [min, max], or null. */
function numberIn(text: string, min: number, max: number): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** The text fields of some usage thresholds. */
export function usageDraft(usage: Usage | null): UsageDraft {
  const u = usage ?? DEFAULT_USAGE;
  return { cpuPercent: String(u.cpuPercent), memoryPercent: String(u.memoryPercent), sustainedMinutes: String(Math.round(u.sustainedMs / 6000) / 10) };
}

export function usageErrors(draft: UsageDraft): UsageErrors {
  const s = t.settings.notifications;
  const errors: UsageErrors = {};
  if (wholeIn(draft.cpuPercent, 1, 100) === null) errors.cpuPercent = s.percentRange;
  if (wholeIn(draft.memoryPercent, 1, 100) === null) errors.memoryPercent = s.percentRange;
  if (numberIn(draft.sustainedMinutes, 1, 1440) === null) errors.sustainedMinutes = s.minutesRange;
  return errors;
}

/** The thresholds a valid draft stands for, or null. */
export function usageFromDraft(draft: UsageDraft): Usage | null {
  const cpuPercent = wholeIn(draft.cpuPercent, 1, 100);
  const memoryPercent = wholeIn(draft.memoryPercent, 1, 100);
  const minutes = numberIn(draft.sustainedMinutes, 1, 1440);
  if (cpuPercent === null || memoryPercent === null || minutes === null) return null;
  return { cpuPercent, memoryPercent, sustainedMs: Math.round(minutes * MINUTE_MS) };
}

export function ruleDraft(rule: NotificationRule): RuleDraft {
  return { onStateChange: rule.onStateChange, onCrash: rule.onCrash, isUsageOn: rule.usage !== null, ...usageDraft(rule.usage) };
}

/** Errors only count while usage alerts are on: the thresholds are not sent otherwise. */
export function ruleErrors(draft: RuleDraft): UsageErrors {
  return draft.isUsageOn ? usageErrors(draft) : {};
}

export function ruleFromDraft(draft: RuleDraft): NotificationRule | null {
  const usage = draft.isUsageOn ? usageFromDraft(draft) : null;
  if (draft.isUsageOn && usage === null) return null;
  return { onStateChange: draft.onStateChange, onCrash: draft.onCrash, usage };
}

export function monitorDraft(monitor: Settings['monitor']): MonitorDraft {
  return { budgetPercent: String(Math.round(monitor.budgetShare * 100)), pollIntervalS: String(monitor.pollIntervalS) };
}

export function monitorErrors(draft: MonitorDraft): MonitorErrors {
  const errors: MonitorErrors = {};
  if (wholeIn(draft.budgetPercent, 5, 50) === null) errors.budgetPercent = t.settings.monitor.budgetRange;
  if (wholeIn(draft.pollIntervalS, 20, 3600) === null) errors.pollIntervalS = t.settings.monitor.pollRange;
  return errors;
}

export function monitorFromDraft(draft: MonitorDraft): Settings['monitor'] | null {
  const percent = wholeIn(draft.budgetPercent, 5, 50);
  const pollIntervalS = wholeIn(draft.pollIntervalS, 20, 3600);
  return percent === null || pollIntervalS === null ? null : { budgetShare: percent / 100, pollIntervalS };
}

/**
 * A `settings:update` patch that changes part of the notifications. Main replaces the
 * notifications object as a whole, so the rest is sent as it is now.
 */
export function notificationsPatch(settings: Settings, change: Partial<Settings['notifications']>): Partial<Settings> {
  return { notifications: { ...settings.notifications, ...change } };
}

/** Whether notifications are paused, read from `pausedUntil` at `nowMs`. */
export type PauseState = { kind: 'active' } | { kind: 'until-resumed' } | { kind: 'until'; atMs: number };

export function pauseState(pausedUntil: number | null, nowMs: number): PauseState {
  if (pausedUntil === -1) return { kind: 'until-resumed' };
  if (pausedUntil !== null && pausedUntil > nowMs) return { kind: 'until', atMs: pausedUntil };
  return { kind: 'active' };
}

/** Two drafts hold the same values (to tell whether there is anything to save). */
export const sameDraft = <T extends object>(a: T, b: T): boolean => JSON.stringify(a) === JSON.stringify(b);
