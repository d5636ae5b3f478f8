/**
 * One save model for the whole Settings page (issue 15, item 6): every section edits a draft
 * here, one Save sends one patch, Discard drops them all, and leaving with an unsaved change
 * asks first (lib/unsaved-guard, as the file editor does). Accounts, the pause and alert
 * channels are actions with their own confirmations, not settings drafts.
 */
import { SettingsSaver } from './settings-saver.svelte';
import { monitorDraft, monitorFromDraft, notificationsPatch, ruleDraft, ruleFromDraft, sameDraft, type MonitorDraft, type RuleDraft } from './settings-form';
import { DEFAULT_CONSOLE_SCROLLBACK, type Settings } from '../../../../shared/types';
import { DEFAULT_QUICK_OPEN_SHORTCUT } from '../../../../shared/accelerator';

/** The global notification rule as typed, with the confirmation of the person's own tray actions. */
export type NotificationsDraft = RuleDraft & { confirmOwnActions: boolean };
// ── tray2 (issue 15b) ── the quick-open shortcut joins the General draft ('' for off).
export type GeneralDraft = Pick<Settings, 'theme' | 'launchAtLogin'> & { consoleScrollback: number; quickOpenShortcut: string };

export function notificationsDraftOf(settings: Settings): NotificationsDraft {
  return { ...ruleDraft(settings.notifications.global), confirmOwnActions: settings.notifications.confirmOwnActions };
}

export function generalDraftOf(settings: Settings): GeneralDraft {
  return {
    theme: settings.theme,
    launchAtLogin: settings.launchAtLogin,
    consoleScrollback: settings.consoleScrollback ?? DEFAULT_CONSOLE_SCROLLBACK,
    quickOpenShortcut: settings.quickOpenShortcut ?? DEFAULT_QUICK_OPEN_SHORTCUT,
  };
}

export class SettingsPage {
  notifications = $state<NotificationsDraft | null>(null);
  monitor = $state<MonitorDraft | null>(null);
  general = $state<GeneralDraft | null>(null);
  /** "Discard unsaved changes?" is open; its answer resolves the pending leave. */
  leaving = $state<((isConfirmed: boolean) => void) | null>(null);
  readonly saver = new SettingsSaver();

  /** What differs from `settings`, section by section (an edit typed back to the saved value is none). */
  changed(settings: Settings): { notifications: boolean; monitor: boolean; general: boolean } {
    return {
      notifications: this.notifications !== null && !sameDraft(this.notifications, notificationsDraftOf(settings)),
      monitor: this.monitor !== null && !sameDraft(this.monitor, monitorDraft(settings.monitor)),
      general: this.general !== null && !sameDraft(this.general, generalDraftOf(settings)),
    };
  }

  isDirty(settings: Settings): boolean {
    return Object.values(this.changed(settings)).some(Boolean);
  }

  /** The one patch of every changed section, or null while a changed field is invalid. */
  patch(settings: Settings): Partial<Settings> | null {
    const changed = this.changed(settings);
    const patch: Partial<Settings> = {};
    if (changed.notifications && this.notifications) {
      const rule = ruleFromDraft(this.notifications);
      if (rule === null) return null;
      Object.assign(patch, notificationsPatch(settings, { global: rule, confirmOwnActions: this.notifications.confirmOwnActions }));
    }
    if (changed.monitor && this.monitor) {
      const monitor = monitorFromDraft(this.monitor);
      if (monitor === null) return null;
      patch.monitor = monitor;
    }
    if (changed.general && this.general) Object.assign(patch, this.general);
    return patch;
  }

  async save(settings: Settings): Promise<boolean> {
    const patch = this.patch(settings);
    if (patch === null || Object.keys(patch).length === 0) return false;
    const isSaved = await this.saver.save(patch);
    if (isSaved) this.discard();
    return isSaved;
  }

  discard(): void {
    this.notifications = null;
    this.monitor = null;
    this.general = null;
  }

  /** Resolves true when nothing unsaved would be lost, asking first if something would. */
  confirmLeave(settings: () => Settings | null): Promise<boolean> {
    const current = settings();
    if (current === null || !this.isDirty(current)) return Promise.resolve(true);
    this.leaving?.(false);
    return new Promise((resolve) => (this.leaving = resolve));
  }

  answerLeave(isConfirmed: boolean): void {
    const resolve = this.leaving;
    this.leaving = null;
    if (isConfirmed) this.discard();
    resolve?.(isConfirmed);
  }
}
