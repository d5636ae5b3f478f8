/**
 * The window's shared state (house style rule 10): accounts, servers, settings and where the
 * window is. Filled from main at start, then kept current by main's push events.
 */
import { api, errorMessage } from '../api';
import { OnScreenReporter } from '../on-screen';
import { confirmLeave, hasUnsavedChanges } from '../unsaved-guard';
import { giveToRecorder } from './shortcut-recording';
import type { AccountView, Navigation, NotificationStatus, ServerRef, ServerView, Settings } from '../../../../shared/types';

export const sameRef = (a: ServerRef | null, b: ServerRef | null): boolean =>
  a !== null && b !== null && a.accountId === b.accountId && a.identifier === b.identifier;

export class AppState {
  accounts = $state<AccountView[]>([]);
  servers = $state<ServerView[]>([]);
  settings = $state<Settings | null>(null);
  navigation = $state<Navigation>({ view: 'dashboard', server: null });
  isLoading = $state(true);
  loadError = $state<string | null>(null);
  /** Whether the system shows notifications; null until main answered. */
  notificationStatus = $state<NotificationStatus | null>(null);
  /** The person closed the "notifications blocked" banner (Settings still says it). */
  isBlockedBannerDismissed = $state(false);
  // ── tray (issue 15) ──
  /** The quick-open search is open (the tray's "Find a server…" or the global shortcut). */
  isQuickOpen = $state(false);
  /** The servers this window shows, for main: their live states come first. */
  readonly onScreen = new OnScreenReporter((onScreen) => api.serversAttention({ onScreen }));

  /** Loads everything and subscribes to updates; returns the unsubscribe. */
  async init(): Promise<() => void> {
    const unsubscribe = [
      api.onServersChanged((servers) => (this.servers = servers)),
      api.onAccountsChanged((accounts) => (this.accounts = accounts)),
      api.onSettingsChanged((settings) => this.#applySettings(settings)),
      api.onNotificationsStatusChanged((status) => this.#applyNotificationStatus(status)),
      // A tray item or a notification must not throw away an unsaved edit without asking.
      api.onAppNavigate((navigation) => void this.#navigateGuarded(navigation)),
    ];
    await this.reload();
    return () => unsubscribe.forEach((u) => u());
  }

  async reload(): Promise<void> {
    this.isLoading = true;
    this.loadError = null;
    // A navigation that arrives while this loads (a tray pick right after the window opened)
    // is what the person asked for: the first-run default must not overwrite it.
    const asked = this.navigation;
    try {
      const [accounts, servers, settings, status] = await Promise.all([api.accountsList(), api.serversList(), api.settingsGet(), api.notificationsStatus()]);
      this.accounts = accounts;
      this.servers = servers;
      this.#applySettings(settings);
      this.#applyNotificationStatus(status);
      if (accounts.length === 0 && this.navigation === asked) this.navigation = { view: 'onboarding', server: null };
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.isLoading = false;
    }
  }

  navigate(view: Navigation['view'], server: ServerRef | null = null): void {
    // ── notices (issue 15) ── unsaved Settings (or edits) ask before they are left; otherwise at once.
    if (hasUnsavedChanges()) void this.#navigateGuarded({ view, server });
    else this.navigation = { view, server };
  }

  async #navigateGuarded(navigation: Navigation): Promise<void> {
    // ── tray (issue 15) ── the search opens over what the window shows; picking a server navigates.
    if (navigation.quickOpen) {
      // The shortcut pressed in Settings' recorder is the keys it records, not a request to search.
      if (navigation.byShortcut !== undefined && giveToRecorder(navigation.byShortcut)) return;
      this.isQuickOpen = true;
      return;
    }
    const leavesEditor = navigation.view !== 'files' || !sameRef(navigation.server, this.navigation.server);
    if (leavesEditor && !(await confirmLeave())) return;
    this.navigation = navigation;
  }

  server(ref: ServerRef | null): ServerView | undefined {
    return ref ? this.servers.find((s) => sameRef(s, ref)) : undefined;
  }

  account(accountId: string): AccountView | undefined {
    return this.accounts.find((a) => a.id === accountId);
  }

  /** True when the window should show the "notifications blocked" banner. */
  get shouldShowBlockedBanner(): boolean {
    return this.notificationStatus?.isBlocked === true && !this.isBlockedBannerDismissed;
  }

  #applyNotificationStatus(status: NotificationStatus | null): void {
    // A new refusal after notifications worked again is news: show the banner again.
    if (status?.isBlocked && !this.notificationStatus?.isBlocked) this.isBlockedBannerDismissed = false;
    this.notificationStatus = status;
  }

  #applySettings(settings: Settings): void {
    this.settings = settings;
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = settings.theme;
  }
}

export const appState = new AppState();
