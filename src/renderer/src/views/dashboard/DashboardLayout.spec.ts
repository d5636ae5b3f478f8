// The dashboard's headers, sort, grouping and marks (issue 15), through the component as a person uses it.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import DashboardView from './DashboardView.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { makeAccount, makeServer } from '../../../test/view-models';
import { makeSettings } from '../settings/settings-fixtures';
import type { DashboardLayout, ServerView, Settings } from '../../../../shared/types';

const usage = (cpuPercent: number): ServerView['resources'] => ({
  cpuPercent,
  memoryBytes: 1024 ** 2,
  diskBytes: 1024 ** 3,
  networkRxBytes: 0,
  networkTxBytes: 0,
  uptimeMs: 1000,
  at: 0,
});
const rowNames = (): string[] => screen.queryAllByRole('row').map((r) => r.getAttribute('aria-label') ?? '');
const header = (name: string): HTMLElement => within(screen.getByRole('group', { name: 'Sort servers' })).getByRole('button', { name: new RegExp(`^${name}`) });

function setup(dashboard?: DashboardLayout): void {
  appState.accounts = [makeAccount({ id: 'acc1', name: 'Home' })];
  appState.servers = [
    makeServer({ name: 'Beta', identifier: 'bbbb0002', node: 'eu-1', resources: usage(80) }),
    makeServer({ name: 'Alpha', identifier: 'aaaa0001', node: 'eu-2', resources: usage(5) }),
    makeServer({ name: 'Crashy', identifier: 'cccc0003', node: 'eu-1', state: 'offline', attention: 'crashed', resources: usage(0) }),
    makeServer({ name: 'Far', identifier: 'dddd0004', node: 'us-1', availability: 'node-unreachable' }),
  ];
  appState.settings = makeSettings(dashboard ? { dashboard } : {});
  appState.navigate('dashboard');
  // Main answers with the settings as saved.
  mockApi.bridge.settingsUpdate!.mockImplementation(async (patch: Partial<Settings>) => ({ ok: true, value: makeSettings(patch) }));
}

describe('dashboard layout', () => {
  it('has a header per column; a click sorts by it, again reverses it, and each choice is saved', async () => {
    setup();
    render(DashboardView);
    const user = userEvent.setup();
    expect(rowNames()).toEqual(['Alpha', 'Beta', 'Crashy', 'Far']);
    for (const name of ['Name', 'State', 'CPU', 'Memory', 'Disk', 'Node']) expect(header(name)).toBeTruthy();
    expect(header('Name').getAttribute('aria-pressed')).toBe('true');

    await user.click(header('CPU'));
    // Highest first; a server without a sample last.
    expect(rowNames()).toEqual(['Beta', 'Alpha', 'Crashy', 'Far']);
    expect(header('CPU').getAttribute('aria-pressed')).toBe('true');
    expect(header('CPU').title).toBe('Sorted by CPU, highest first: click to reverse');
    await user.click(header('CPU'));
    expect(rowNames()).toEqual(['Crashy', 'Alpha', 'Beta', 'Far']);

    await user.click(header('State'));
    expect(rowNames()).toEqual(['Crashy', 'Far', 'Alpha', 'Beta']);
    const saved = mockApi.calls('settingsUpdate').map(([patch]) => patch.dashboard?.sort);
    expect(saved).toEqual([
      { key: 'cpu', direction: 'desc' },
      { key: 'cpu', direction: 'asc' },
      { key: 'state', direction: 'asc' },
    ]);
  });

  it('opens with the saved sort and grouping', () => {
    setup({ sort: { key: 'name', direction: 'desc' }, groupBy: 'node' });
    render(DashboardView);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['eu-1', 'eu-2', 'us-1']);
    expect(
      within(screen.getByRole('region', { name: 'eu-1' }))
        .getAllByRole('row')
        .map((r) => r.getAttribute('aria-label')),
    ).toEqual(['Crashy', 'Beta']);
    expect((screen.getByRole('combobox', { name: 'Group' }) as HTMLSelectElement).value).toBe('node');
  });

  it('groups by node, in one list, and back by panel', async () => {
    setup();
    render(DashboardView);
    const user = userEvent.setup();
    const group = screen.getByRole('combobox', { name: 'Group' });
    await user.selectOptions(group, 'node');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['eu-1', 'eu-2', 'us-1']);
    await user.selectOptions(group, 'none');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['All servers']);
    expect(rowNames()).toEqual(['Alpha', 'Beta', 'Crashy', 'Far']);
    await user.selectOptions(group, 'panel');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Home']);
    expect(mockApi.calls('settingsUpdate').map(([patch]) => patch.dashboard?.groupBy)).toEqual(['node', 'none', 'panel']);
  });

  it('marks a crash and an unreachable node in the row, as the tray does', () => {
    setup();
    render(DashboardView);
    const crashy = screen.getByRole('row', { name: 'Crashy' });
    expect(within(crashy).getByText('⚠ Crashed')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: 'Far' })).getByText('⚠ Node unreachable')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: 'Alpha' })).queryByText(/⚠/)).toBeNull();
  });

  it('puts the order back and says so when the choice cannot be saved', async () => {
    setup();
    mockApi.fail('settingsUpdate', { code: 'internal', message: 'The settings file is read-only.' });
    render(DashboardView);
    await userEvent.setup().click(header('CPU'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not keep the sort and grouping: The settings file is read-only.'));
    expect(rowNames()).toEqual(['Alpha', 'Beta', 'Crashy', 'Far']);
  });
});
