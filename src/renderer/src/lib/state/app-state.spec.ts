import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import { makeAccount } from '../../../test/view-models';
import { makeSettings } from '../../views/settings/settings-fixtures';
import { unsavedGuard } from '../unsaved-guard';
import { AppState } from './app-state.svelte';
import { startRecording } from './shortcut-recording';

const ref = { accountId: 'a1', identifier: 'abcd1234' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The window's state loaded with one panel and no servers; `stop` unsubscribes. */
async function startWithOnePanel(): Promise<{ state: AppState; stop: () => void }> {
  mockApi.answer('accountsList', [makeAccount({ id: 'a1' })]);
  mockApi.answer('serversList', []);
  mockApi.answer('settingsGet', makeSettings());
  const state = new AppState();
  return { state, stop: await state.init() };
}

describe('AppState navigation pushed by main', () => {
  it('asks before leaving unsaved edits, and stays when the person says no', async () => {
    const { state, stop } = await startWithOnePanel();
    state.navigate('files', ref);
    let answer = false;
    let asked = 0;
    const unregister = unsavedGuard.register(() => true);
    const unprompt = unsavedGuard.setPrompt(async () => (asked++, answer));
    mockApi.emit('app:navigate', { view: 'dashboard', server: null });
    await flush();
    expect(asked).toBe(1);
    expect(state.navigation).toEqual({ view: 'files', server: ref });
    answer = true;
    mockApi.emit('app:navigate', { view: 'console', server: ref });
    await flush();
    expect(state.navigation).toEqual({ view: 'console', server: ref });
    unregister();
    unprompt();
    mockApi.emit('app:navigate', { view: 'settings', server: null });
    await flush();
    expect(asked).toBe(2);
    expect(state.navigation.view).toBe('settings');
    stop();
  });

  it('opens the search for the tray and the shortcut, but gives the shortcut to a recorder that is recording', async () => {
    const { state, stop } = await startWithOnePanel();
    const shortcut = { view: 'dashboard', server: null, quickOpen: true, byShortcut: 'CommandOrControl+Alt+P' } as const;
    mockApi.emit('app:navigate', shortcut);
    await flush();
    expect(state.isQuickOpen).toBe(true);
    state.isQuickOpen = false;
    const taken: string[] = [];
    const stopRecording = startRecording((accelerator) => taken.push(accelerator));
    mockApi.emit('app:navigate', shortcut);
    await flush();
    expect([state.isQuickOpen, taken]).toEqual([false, ['CommandOrControl+Alt+P']]);
    // The tray's "Find a server…" is no key press: it opens the search even while recording.
    mockApi.emit('app:navigate', { view: 'dashboard', server: null, quickOpen: true });
    await flush();
    expect([state.isQuickOpen, taken]).toEqual([true, ['CommandOrControl+Alt+P']]);
    stopRecording();
    stop();
  });
});

describe('AppState first load with no panel', () => {
  it('opens onboarding, unless main asked for a view while it loaded (Settings from the tray)', async () => {
    mockApi.answer('serversList', []);
    mockApi.answer('settingsGet', makeSettings());
    mockApi.answer('accountsList', []);
    const plain = new AppState();
    const stopPlain = await plain.init();
    expect(plain.navigation.view).toBe('onboarding');
    stopPlain();

    let release: (value: unknown) => void = () => {};
    mockApi.bridge.accountsList!.mockImplementation(() => new Promise((resolve) => (release = resolve)));
    const state = new AppState();
    const started = state.init();
    await flush();
    mockApi.emit('app:navigate', { view: 'settings', server: null });
    await flush();
    release({ ok: true, value: [] });
    const stop = await started;
    expect(state.navigation.view).toBe('settings');
    stop();
  });
});

describe('AppState notification status', () => {
  const blocked = { isBlocked: true, reason: 'Notifications are not allowed for this application', platform: 'darwin' as const };
  const fine = { isBlocked: false, reason: null, platform: 'darwin' as const };

  it('shows the banner from the first answer, keeps it dismissed, and shows it again for a new refusal', async () => {
    mockApi.answer('notificationsStatus', blocked);
    const { state, stop } = await startWithOnePanel();
    expect(state.shouldShowBlockedBanner).toBe(true);
    state.isBlockedBannerDismissed = true;
    mockApi.emit('notifications:status-changed', blocked);
    expect(state.shouldShowBlockedBanner).toBe(false);
    mockApi.emit('notifications:status-changed', fine);
    expect(state.shouldShowBlockedBanner).toBe(false);
    expect(state.notificationStatus).toEqual(fine);
    mockApi.emit('notifications:status-changed', blocked);
    expect(state.shouldShowBlockedBanner).toBe(true);
    stop();
  });
});
