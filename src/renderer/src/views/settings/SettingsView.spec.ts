import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SettingsView from './SettingsView.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { makeAccount } from '../../../test/view-models';
import { makeSettings } from './settings-fixtures';
import type { Settings } from '../../../../shared/types';

// ── notices (issue 15) ── one Save for the whole page (the section names stay to say what is edited).
const saveBar = (): HTMLElement => screen.getByRole('form', { name: 'Save settings' });
const saveIn = (_section: string): HTMLButtonElement => within(saveBar()).getByRole('button', { name: 'Save' }) as HTMLButtonElement;

/** Makes settingsUpdate answer like main: the patch merged one level deep. */
function answerUpdates(): void {
  mockApi.bridge.settingsUpdate!.mockImplementation(async (patch: Partial<Settings>) => ({
    ok: true,
    value: { ...appState.settings!, ...patch },
  }));
}

describe('SettingsView', () => {
  beforeEach(() => {
    appState.settings = makeSettings();
    appState.accounts = [
      makeAccount(),
      makeAccount({
        id: 'acc2',
        name: 'Second',
        url: 'https://second.example.com',
        status: 'unreachable',
        statusMessage: 'Could not reach second.example.com.',
        keyStorage: 'session',
      }),
    ];
    answerUpdates();
  });

  it('lists panels with their status and key storage', () => {
    render(SettingsView);
    const second = screen.getByRole('listitem', { name: 'Second' });
    expect(within(second).getByText('Unreachable')).toBeTruthy();
    expect(within(second).getByText(/Could not reach second\.example\.com\./)).toBeTruthy();
    expect(within(second).getByText(/Key kept for this session only/)).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: 'Main panel' })).getByText(/Key in the system keychain/)).toBeTruthy();
  });

  it('renames a panel inline; Escape cancels', async () => {
    mockApi.answer('accountsRename', makeAccount({ name: 'Renamed' }));
    render(SettingsView);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Rename Main panel' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New name for Main panel' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Rename Main panel' }));
    const input = screen.getByRole('textbox', { name: 'New name for Main panel' });
    await user.clear(input);
    await user.type(input, 'Renamed{Enter}');
    await waitFor(() => expect(screen.getByRole('listitem', { name: 'Renamed' })).toBeTruthy());
    expect(mockApi.calls('accountsRename')).toEqual([[{ accountId: 'acc1', name: 'Renamed' }]]);
  });

  it('removes a panel only after a confirmation that names it', async () => {
    mockApi.answer('accountsRemove', undefined);
    render(SettingsView);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Remove Second' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Second?' });
    expect(dialog.textContent).toContain('https://second.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(mockApi.calls('accountsRemove')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Remove Second' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Second' })).toBeNull());
    expect(mockApi.calls('accountsRemove')).toEqual([[{ accountId: 'acc2' }]]);
  });

  it('adds a panel with the onboarding form', async () => {
    mockApi.answer('accountsCheck', { username: 'bob', email: 'b@example.com', isAdmin: false, serverCount: 1 });
    mockApi.answer('accountsAdd', makeAccount({ id: 'acc3', name: 'Third' }));
    render(SettingsView);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a panel' }));
    await user.type(screen.getByLabelText('Panel address'), 'third.example.com');
    await user.type(screen.getByLabelText('API key'), 'ptlc_x');
    await user.click(screen.getByRole('button', { name: 'Check and add' }));
    await waitFor(() => expect(screen.getByRole('listitem', { name: 'Third' })).toBeTruthy());
    expect(screen.getByText('Third was added. Signed in as bob · 1 server')).toBeTruthy();
    expect(screen.queryByLabelText('API key')).toBeNull();
  });

  it('validates the usage thresholds and sends the whole notifications object', async () => {
    render(SettingsView);
    const user = userEvent.setup();
    expect(saveIn('Notifications').disabled).toBe(true);
    const cpu = screen.getByRole('textbox', { name: 'CPU above' });
    await user.clear(cpu);
    await user.type(cpu, '150');
    expect(cpu.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Enter a whole number from 1 to 100.')).toHaveLength(1);
    expect(saveIn('Notifications').disabled).toBe(true);
    await user.clear(cpu);
    await user.type(cpu, '75');
    await user.click(screen.getByRole('checkbox', { name: 'When a server crashes' }));
    const minutes = screen.getByRole('textbox', { name: 'For at least' });
    await user.clear(minutes);
    await user.type(minutes, '5');
    await user.click(saveIn('Notifications'));
    await waitFor(() => expect(mockApi.calls('settingsUpdate')).toHaveLength(1));
    expect(mockApi.calls('settingsUpdate')[0]).toEqual([
      {
        notifications: {
          global: { onStateChange: true, onCrash: false, usage: { cpuPercent: 75, memoryPercent: 90, sustainedMs: 300_000 } },
          accounts: {},
          servers: {},
          pausedUntil: null,
          confirmOwnActions: true,
        },
      },
    ]);
    await waitFor(() => expect(saveIn('Notifications').disabled).toBe(true));
  });

  it('turns usage alerts off without checking the disabled thresholds', async () => {
    render(SettingsView);
    const user = userEvent.setup();
    await user.clear(screen.getByRole('textbox', { name: 'CPU above' }));
    await user.click(screen.getByRole('checkbox', { name: 'When a server stays above a usage threshold' }));
    expect((screen.getByRole('textbox', { name: 'CPU above' }) as HTMLInputElement).disabled).toBe(true);
    await user.click(saveIn('Notifications'));
    await waitFor(() => expect(mockApi.calls('settingsUpdate')).toHaveLength(1));
    const [[patch]] = mockApi.calls('settingsUpdate') as [[Partial<Settings>]];
    expect(patch.notifications?.global.usage).toBeNull();
  });

  it('keeps the edit and shows the error when saving fails', async () => {
    mockApi.fail('settingsUpdate', { code: 'invalid-argument', message: 'Invalid monitor.pollIntervalS.' });
    render(SettingsView);
    const user = userEvent.setup();
    const poll = screen.getByRole('textbox', { name: 'Poll each server every' });
    await user.clear(poll);
    await user.type(poll, '45');
    await user.click(saveIn('Monitor'));
    expect((await within(saveBar()).findByRole('alert')).textContent).toContain('Invalid monitor.pollIntervalS.');
    expect((poll as HTMLInputElement).value).toBe('45');
  });

  it.each([
    ['4', '30', false],
    ['51', '30', false],
    ['12.5', '30', false],
    ['10', '19', false],
    ['10', '20', true],
    ['50', '3600', true],
  ])('monitor budget %s, poll %s: can save %s', async (budget, poll, canSave) => {
    render(SettingsView);
    const user = userEvent.setup();
    await user.clear(screen.getByRole('textbox', { name: 'Share of the panel’s rate limit' }));
    await user.type(screen.getByRole('textbox', { name: 'Share of the panel’s rate limit' }), budget);
    await user.clear(screen.getByRole('textbox', { name: 'Poll each server every' }));
    await user.type(screen.getByRole('textbox', { name: 'Poll each server every' }), poll);
    expect(saveIn('Monitor').disabled).toBe(!canSave);
    if (!canSave) return;
    await user.click(saveIn('Monitor'));
    await waitFor(() => expect(mockApi.calls('settingsUpdate')).toEqual([[{ monitor: { budgetShare: Number(budget) / 100, pollIntervalS: Number(poll) } }]]));
  });

  it('saves launch at login, the theme, a rule and the monitor with one Save, in one patch', async () => {
    render(SettingsView);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Open Pterotray when I log in' }));
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await user.click(screen.getByRole('checkbox', { name: 'When a server crashes' }));
    const poll = screen.getByRole('textbox', { name: 'Poll each server every' });
    await user.clear(poll);
    await user.type(poll, '45');
    expect(mockApi.calls('settingsUpdate')).toEqual([]);
    expect(screen.getAllByRole('button', { name: 'Save' })).toHaveLength(1);
    await user.click(saveIn('page'));
    await waitFor(() => expect(mockApi.calls('settingsUpdate')).toHaveLength(1));
    expect(mockApi.calls('settingsUpdate')[0]![0]).toMatchObject({
      launchAtLogin: true,
      theme: 'dark',
      monitor: { pollIntervalS: 45 },
      notifications: { global: { onCrash: false } },
    });
    expect(appState.settings?.theme).toBe('dark');
    await waitFor(() => expect(saveIn('page').disabled).toBe(true));
  });

  it('keeps a failed save’s edits on screen, with the error', async () => {
    mockApi.fail('settingsUpdate', { code: 'internal', message: 'Disk full.' });
    render(SettingsView);
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Open Pterotray when I log in' }));
    await user.click(saveIn('page'));
    expect((await within(saveBar()).findByRole('alert')).textContent).toContain('Disk full.');
    expect((screen.getByRole('checkbox', { name: 'Open Pterotray when I log in' }) as HTMLInputElement).checked).toBe(true);
  });

  it('Discard puts every section back as saved', async () => {
    render(SettingsView);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await user.click(screen.getByRole('checkbox', { name: 'When a server crashes' }));
    await user.click(within(saveBar()).getByRole('button', { name: 'Discard changes' }));
    expect((screen.getByRole('radio', { name: 'Follow the system' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'When a server crashes' }) as HTMLInputElement).checked).toBe(true);
    expect(saveIn('page').disabled).toBe(true);
  });

  it('follows settings changed elsewhere while nothing is edited', async () => {
    const { rerender } = render(SettingsView);
    appState.settings = makeSettings({ monitor: { budgetShare: 0.4, pollIntervalS: 60 } });
    await rerender({});
    expect((screen.getByRole('textbox', { name: 'Share of the panel’s rate limit' }) as HTMLInputElement).value).toBe('40');
    expect((screen.getByRole('textbox', { name: 'Poll each server every' }) as HTMLInputElement).value).toBe('60');
  });
});
