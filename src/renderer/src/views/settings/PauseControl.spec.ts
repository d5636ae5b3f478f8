import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import PauseControl from './PauseControl.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { makeSettings } from './settings-fixtures';
import { pauseState } from './settings-form';
import type { Settings } from '../../../../shared/types';

const paused = (pausedUntil: number | null): Settings => {
  const settings = makeSettings();
  return { ...settings, notifications: { ...settings.notifications, pausedUntil } };
};

/** Renders the control bound to appState.settings, as SettingsView does. */
function renderBound(settings: Settings): { update: (next: Settings) => Promise<void> } {
  appState.settings = settings;
  const { rerender } = render(PauseControl, { settings });
  return { update: (next) => rerender({ settings: next }) };
}

describe('pauseState', () => {
  it.each([
    [null, { kind: 'active' }],
    [-1, { kind: 'until-resumed' }],
    [2_000, { kind: 'until', atMs: 2_000 }],
    [1_000, { kind: 'active' }],
  ])('pausedUntil %j at 1000 ms is %j', (pausedUntil, expected) => {
    expect(pauseState(pausedUntil, 1_000)).toEqual(expected);
  });
});

describe('PauseControl', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pauses for an hour and shows until when', async () => {
    const until = Date.now() + 3_600_000;
    mockApi.answer('notificationsPause', paused(until));
    const { update } = renderBound(paused(null));
    expect(screen.getByRole('status').textContent).toContain('Notifications are on.');
    await fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    expect(mockApi.calls('notificationsPause')).toEqual([[{ minutes: 60 }]]);
    await waitFor(() => expect(appState.settings?.notifications.pausedUntil).toBe(until));
    await update(appState.settings!);
    const time = new Date(until).toLocaleString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(screen.getByRole('status').textContent).toContain(`Paused until ${time}`);
  });

  it('pauses until resumed, then resumes', async () => {
    mockApi.answer('notificationsPause', paused(-1));
    mockApi.answer('notificationsResume', paused(null));
    const { update } = renderBound(paused(null));
    await fireEvent.click(screen.getByRole('button', { name: 'Pause until resumed' }));
    expect(mockApi.calls('notificationsPause')).toEqual([[{ minutes: null }]]);
    await waitFor(() => expect(appState.settings?.notifications.pausedUntil).toBe(-1));
    await update(appState.settings!);
    expect(screen.getByRole('status').textContent).toContain('Paused until resumed');
    await fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(appState.settings?.notifications.pausedUntil).toBeNull());
    expect(mockApi.calls('notificationsResume')).toHaveLength(1);
  });

  it('shows that notifications are on again once a timed pause ends', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    renderBound(paused(1_000_000 + 60_000));
    expect(screen.getByRole('status').textContent).toMatch(/Paused until/);
    vi.advanceTimersByTime(61_000);
    flushSync();
    expect(screen.getByRole('status').textContent).toContain('Notifications are on.');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says when pausing fails', async () => {
    mockApi.fail('notificationsPause', { code: 'internal', message: 'Could not write the settings.' });
    renderBound(paused(null));
    await fireEvent.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not write the settings.');
  });
});
