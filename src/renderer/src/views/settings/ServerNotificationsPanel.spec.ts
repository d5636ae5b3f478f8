import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ServerNotificationsPanel from './ServerNotificationsPanel.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { makeSettings } from './settings-fixtures';
import { inheritedRule, overrideDraft, overrideFromDraft } from './server-rule';
import type { NotificationRule, Settings } from '../../../../shared/types';

const ref = { accountId: 'acc1', identifier: '1a2b3c4d' };

function withRules(accounts: Record<string, Partial<NotificationRule>>, servers: Record<string, Partial<NotificationRule>>): Settings {
  const settings = makeSettings();
  return { ...settings, notifications: { ...settings.notifications, accounts, servers } };
}

const sentNotifications = (): Settings['notifications'] => (mockApi.calls('settingsUpdate')[0]![0] as Partial<Settings>).notifications!;

describe('server rule', () => {
  it('inherits the account’s rule over the global one, field by field', () => {
    const settings = withRules({ acc1: { onCrash: false, usage: null } }, {});
    expect(inheritedRule(settings, 'acc1')).toEqual({ onStateChange: true, onCrash: false, usage: null });
    expect(inheritedRule(settings, 'other')).toEqual(settings.notifications.global);
  });

  it('keeps only the fields set here', () => {
    const inherited = makeSettings().notifications.global;
    const draft = overrideDraft({ onCrash: false }, inherited);
    expect(draft).toMatchObject({ onStateChange: 'inherit', onCrash: 'off', usage: 'inherit' });
    expect(overrideFromDraft(draft)).toEqual({ onCrash: false });
    expect(overrideFromDraft({ ...draft, usage: 'off' })).toEqual({ onCrash: false, usage: null });
    expect(overrideFromDraft({ ...draft, usage: 'custom', cpuPercent: '0' })).toBeNull();
  });
});

describe('ServerNotificationsPanel', () => {
  beforeEach(() => {
    mockApi.bridge.settingsUpdate!.mockImplementation(async (patch: Partial<Settings>) => ({ ok: true, value: { ...appState.settings!, ...patch } }));
  });

  it('shows what each rule inherits', () => {
    appState.settings = withRules({ acc1: { onCrash: false } }, {});
    render(ServerNotificationsPanel, { ref });
    expect(screen.getByRole('option', { name: 'Use default (Off)' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Use default (CPU 90%, memory 90%, 2 min)' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'When a server crashes' }) as HTMLSelectElement).value).toBe('inherit');
  });

  it('stores only the overridden fields under the server’s key, keeping the others', async () => {
    appState.settings = withRules({}, { 'acc1/ffff0000': { onCrash: false } });
    render(ServerNotificationsPanel, { ref });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'When a server starts or stops' }), 'off');
    await user.selectOptions(screen.getByRole('combobox', { name: 'When a server stays above a usage threshold' }), 'custom');
    const cpu = screen.getByRole('textbox', { name: 'CPU above' });
    await user.clear(cpu);
    await user.type(cpu, '101');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(cpu);
    await user.type(cpu, '80');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mockApi.calls('settingsUpdate')).toHaveLength(1));
    expect(sentNotifications().servers).toEqual({
      'acc1/ffff0000': { onCrash: false },
      'acc1/1a2b3c4d': { onStateChange: false, usage: { cpuPercent: 80, memoryPercent: 90, sustainedMs: 120_000 } },
    });
    expect(sentNotifications().global).toEqual(makeSettings().notifications.global);
  });

  it('removes the server’s entry when everything goes back to the defaults', async () => {
    appState.settings = withRules({}, { 'acc1/1a2b3c4d': { onCrash: false, usage: null } });
    render(ServerNotificationsPanel, { ref });
    const user = userEvent.setup();
    expect((screen.getByRole('combobox', { name: 'When a server crashes' }) as HTMLSelectElement).value).toBe('off');
    await user.click(screen.getByRole('button', { name: 'Use all defaults' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(mockApi.calls('settingsUpdate')).toHaveLength(1));
    expect(sentNotifications().servers).toEqual({});
  });

  it('waits for the settings', () => {
    appState.settings = null;
    render(ServerNotificationsPanel, { ref });
    expect(screen.getByRole('status').textContent).toBe('Settings are still loading.');
  });
});
