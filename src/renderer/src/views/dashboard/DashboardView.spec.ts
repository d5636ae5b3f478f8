import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import DashboardView from './DashboardView.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { makeAccount, makeServer, manyServers } from '../../../test/view-models';
import { makeSettings } from '../settings/settings-fixtures';

const rowNames = (): string[] => screen.queryAllByRole('row').map((r) => r.getAttribute('aria-label') ?? '');

function setup(
  servers = [
    makeServer({ name: 'Alpha', identifier: 'aaaa0001' }),
    makeServer({ name: 'Beta', identifier: 'bbbb0002', state: 'offline', address: '10.9.9.9:27015' }),
  ],
): void {
  appState.accounts = [makeAccount()];
  appState.servers = servers;
  appState.navigate('dashboard');
}

describe('DashboardView', () => {
  beforeEach(() => {
    mockApi.answer('serversRefresh', undefined);
    mockApi.answer('serversPower', undefined);
  });

  it('lists servers grouped by account, with the account’s problem', () => {
    appState.accounts = [
      makeAccount({ id: 'a', name: 'Panel A' }),
      makeAccount({ id: 'b', name: 'Panel B', status: 'key-revoked', statusMessage: 'The key was revoked. Add a new one in Settings.' }),
    ];
    appState.servers = [makeServer({ accountId: 'a', name: 'One' }), makeServer({ accountId: 'b', name: 'Two' })];
    render(DashboardView);
    expect(within(screen.getByRole('grid', { name: 'Servers of Panel A' })).getAllByRole('row')).toHaveLength(1);
    const groupB = screen.getByRole('region', { name: 'Panel B' });
    expect(within(groupB).getByText('The key was revoked. Add a new one in Settings.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Panel A' })).queryByRole('status')).toBeNull();
  });

  it('searches by name, identifier and address, and filters by state', async () => {
    setup();
    render(DashboardView);
    const user = userEvent.setup();
    const search = screen.getByRole('searchbox', { name: 'Search servers' });
    await user.type(search, 'bbbb');
    expect(rowNames()).toEqual(['Beta']);
    await user.clear(search);
    await user.type(search, '10.9.9');
    expect(rowNames()).toEqual(['Beta']);
    await user.clear(search);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'running');
    expect(rowNames()).toEqual(['Alpha']);
    expect(screen.getByText('1 of 2 servers')).toBeTruthy();
  });

  it('says when nothing matches and clears the search', async () => {
    setup();
    render(DashboardView);
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox'), 'zzz');
    expect(screen.getByText('No server matches')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filter' }));
    expect(rowNames()).toEqual(['Alpha', 'Beta']);
  });

  it('focuses the search with Ctrl+F and clears it with Escape', async () => {
    setup();
    render(DashboardView);
    await fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    const search = screen.getByRole('searchbox');
    expect(document.activeElement).toBe(search);
    await userEvent.setup().type(search, 'alp{Escape}');
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('moves with the arrow keys, Home and End, across groups, and opens with Enter', async () => {
    appState.accounts = [makeAccount({ id: 'a', name: 'A' }), makeAccount({ id: 'b', name: 'B' })];
    appState.servers = [
      makeServer({ accountId: 'a', identifier: 'aaaa0001', name: 'One' }),
      makeServer({ accountId: 'a', identifier: 'aaaa0002', name: 'Two' }),
      makeServer({ accountId: 'b', identifier: 'bbbb0003', name: 'Three' }),
    ];
    render(DashboardView);
    const rows = screen.getAllByRole('row');
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]!.focus();
    const user = userEvent.setup();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Two');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Three');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Three');
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('One');
    await user.keyboard('{End}{ArrowUp}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Two');
    expect(screen.getAllByRole('row').map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
    await user.keyboard('{Enter}');
    expect(appState.navigation).toEqual({ view: 'console', server: { accountId: 'a', identifier: 'aaaa0002' } });
  });

  it('opens a server on click, but not when a power button is pressed', async () => {
    setup();
    render(DashboardView);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Stop Alpha' }));
    expect(mockApi.calls('serversPower')).toHaveLength(1);
    expect(appState.navigation.view).toBe('dashboard');
    await user.click(screen.getByText('Beta'));
    expect(appState.navigation).toEqual({ view: 'console', server: { accountId: 'acc1', identifier: 'bbbb0002' } });
  });

  it('follows live updates of the servers', () => {
    setup();
    render(DashboardView);
    expect(within(screen.getByRole('row', { name: 'Alpha' })).getByText('Running')).toBeTruthy();
    appState.servers = appState.servers.map((s) => (s.name === 'Alpha' ? { ...s, state: 'stopping' as const } : s));
    flushSync();
    expect(within(screen.getByRole('row', { name: 'Alpha' })).getByText('Stopping')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Kill Alpha' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('renders 100 servers with one tab stop, and searches them', async () => {
    setup(manyServers(100));
    render(DashboardView);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.tabIndex === 0)).toHaveLength(1);
    expect(screen.getByText('100 servers')).toBeTruthy();
    await userEvent.setup().type(screen.getByRole('searchbox'), 'Server 099');
    expect(rowNames()).toEqual(['Server 099']);
  });

  it('sends people without a panel to onboarding', async () => {
    appState.accounts = [];
    appState.servers = [];
    render(DashboardView);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Add a panel' }));
    expect(appState.navigation.view).toBe('onboarding');
  });

  it('shows loading while the panels are checked, then the empty state with refresh', async () => {
    appState.accounts = [makeAccount({ status: 'checking' })];
    appState.servers = [];
    render(DashboardView);
    expect(screen.getByText('Loading servers…')).toBeTruthy();
    appState.accounts = [makeAccount()];
    flushSync();
    expect(screen.getByText('No servers')).toBeTruthy();
    const refreshButtons = screen.getAllByRole('button', { name: 'Refresh' });
    expect(refreshButtons).toHaveLength(2);
    await userEvent.setup().click(refreshButtons[1]!);
    expect(mockApi.calls('serversRefresh')).toHaveLength(1);
  });

  it('shows the panel’s problem rather than "no servers" when a panel is in trouble', () => {
    appState.accounts = [makeAccount({ status: 'two-factor-required', statusMessage: null })];
    appState.servers = [];
    render(DashboardView);
    expect(screen.queryByText('No servers')).toBeNull();
    expect(screen.getByText('The panel requires two-factor authentication')).toBeTruthy();
    expect(screen.getByText('No servers on this panel.')).toBeTruthy();
  });

  it('shows a refresh failure', async () => {
    setup();
    mockApi.fail('serversRefresh', { code: 'network', message: 'The panel cannot be reached.' });
    render(DashboardView);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The panel cannot be reached.'));
  });

  it('marks a favourite with the star (keyboard too), as main saved it, without opening the server', async () => {
    setup();
    appState.settings = makeSettings({ favourites: [] });
    mockApi.answer('serversFavourite', makeSettings({ favourites: [`${makeServer().accountId}/bbbb0002`] }));
    render(DashboardView);
    const star = screen.getByRole('button', { name: 'Favourite: Beta' });
    expect(star.getAttribute('aria-pressed')).toBe('false');
    star.focus();
    await userEvent.setup().keyboard('{Enter}');
    expect(mockApi.calls('serversFavourite')).toEqual([[{ server: { accountId: makeServer().accountId, identifier: 'bbbb0002' }, isFavourite: true }]]);
    await waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('true'));
    expect(appState.navigation.view).toBe('dashboard');
  });

  it('says why a favourite could not be saved', async () => {
    setup();
    appState.settings = makeSettings({ favourites: [] });
    mockApi.fail('serversFavourite', { code: 'invalid-argument', message: 'At most 1000 servers can be favourites: unmark one first.' });
    render(DashboardView);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Favourite: Alpha' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('unmark one first'));
  });
});
