/**
 * A server's own notification rule: each field either follows the defaults (the account's rule,
 * then the global one) or is set here. An absent field in `notifications.servers[key]` inherits.
 */
import { notificationsPatch, usageDraft, usageErrors, usageFromDraft, type UsageDraft, type UsageErrors } from './settings-form';
import { serverKey } from '../../../../shared/server-key';
import type { NotificationRule, ServerRef, Settings } from '../../../../shared/types';
import { layered } from '../../../../shared/rule-layers';

export type Choice = 'inherit' | 'on' | 'off';
export type UsageChoice = 'inherit' | 'off' | 'custom';

export interface OverrideDraft extends UsageDraft {
  onStateChange: Choice;
  onCrash: Choice;
  usage: UsageChoice;
}

/** The key of a server in `notifications.servers`. */
/** The per-server rule's key in settings: the server's key. */
export const ruleKey = serverKey;

/** What the server follows when it sets nothing itself: the account's rule over the global one. */
export function inheritedRule(settings: Settings, accountId: string): NotificationRule {
  return layered(settings.notifications.global, settings.notifications.accounts[accountId]);
}

const choiceOf = (value: boolean | undefined): Choice => (value === undefined ? 'inherit' : value ? 'on' : 'off');

export function overrideDraft(override: Partial<NotificationRule> | undefined, inherited: NotificationRule): OverrideDraft {
  const o = override ?? {};
  const usage: UsageChoice = o.usage === undefined ? 'inherit' : o.usage === null ? 'off' : 'custom';
  return {
    onStateChange: choiceOf(o.onStateChange),
    onCrash: choiceOf(o.onCrash),
    usage,
    // Custom thresholds start from what the server follows now.
    ...usageDraft(o.usage ?? inherited.usage),
  };
}

export function overrideErrors(draft: OverrideDraft): UsageErrors {
  return draft.usage === 'custom' ? usageErrors(draft) : {};
}

/** The override a valid draft stands for (only the fields set here), or null when invalid. */
export function overrideFromDraft(draft: OverrideDraft): Partial<NotificationRule> | null {
  const override: Partial<NotificationRule> = {};
  if (draft.onStateChange !== 'inherit') override.onStateChange = draft.onStateChange === 'on';
  if (draft.onCrash !== 'inherit') override.onCrash = draft.onCrash === 'on';
  if (draft.usage === 'off') override.usage = null;
  if (draft.usage === 'custom') {
    const usage = usageFromDraft(draft);
    if (usage === null) return null;
    override.usage = usage;
  }
  return override;
}

/** The patch that stores a server's override; an empty one is removed, so the server inherits all. */
export function serverRulePatch(settings: Settings, ref: ServerRef, override: Partial<NotificationRule>): Partial<Settings> {
  const servers = { ...settings.notifications.servers };
  if (Object.keys(override).length === 0) delete servers[ruleKey(ref)];
  else servers[ruleKey(ref)] = override;
  return notificationsPatch(settings, { servers });
}
