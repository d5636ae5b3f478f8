import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ServerViewComponent from './ServerView.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { t } from '../../lib/strings';
import { REF, serverView } from './test-fixtures';
import { confirmLeave } from '../../lib/unsaved-guard';
import type * as Guard from '../../lib/unsaved-guard';
import type { AccountView, ServerView } from '../../../../shared/types';

// xterm and uPlot need a real layout and canvas; the shell's tests only need them to exist.
vi.mock('./console/terminal-adapter', () => ({
  createTerminal: () => ({ writeLines() {}, clear() {}, fit() {}, setTheme() {}, scrollToBottom() {}, dispose() {} }),
}));
vi.mock('./stats/chart-adapter', () => ({ createChart: () => ({ setData() {}, setSize() {}, destroy() {} }) }));
const guard = vi.hoisted(() => ({ mayLeave: true }));
vi.mock('../../lib/unsaved-guard', async (original) => ({
  ...(await original<typeof Guard>()),
  confirmLeave: vi.fn(async () => guard.mayLeave),
}));

function account(status: AccountView['status'] = 'ok'): AccountView {
  return {
    id: REF.accountId,
    name: 'Panel',
    url: 'https://panel.test',
    username: 'me',
    status,
    statusMessage: null,
    keyStorage: 'keychain',
    isDemo: false,
    allowsPlainHttp: false,
  };
}

function show(server: ServerView | undefined, tab: 'console' | 'files' | 'stats' = 'console') {
  return render(ServerViewComponent, { ref: REF, tab, server });
}

const tab = (name: string) => screen.getByRole('tab', { name });
const selectedTab = () =>
  screen
    .getAllByRole('tab')
    .find((el) => el.getAttribute('aria-selected') === 'true')
    ?.textContent?.trim();

describe('ServerView', () => {
  beforeEach(() => {
    appState.accounts = [account()];
    appState.navigation = { view: 'console', server: REF };
    guard.mayLeave = true;
    mockApi.answer('consoleAttach', { backlog: [], connection: 'connected' });
    mockApi.answer('statsHistory', []);
    mockApi.answer('consoleHistory', []);
    mockApi.answer('consoleDetach', undefined);
    mockApi.answer('filesList', []);
  });

  it('shows a removed server as an empty state with a way back, without attaching', async () => {
    show(undefined);
    expect(screen.getByRole('heading', { name: t.server.unknown.title })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: t.server.unknown.back }));
    expect(appState.navigation).toEqual({ view: 'dashboard', server: null });
    expect(mockApi.calls('consoleAttach')).toEqual([]);
  });

  it('waits for a server whose panel is still being checked', () => {
    appState.accounts = [account('checking')];
    show(undefined);
    expect(screen.getByRole('heading', { name: t.server.unknown.loadingTitle })).toBeTruthy();
  });

  it('shows the header: name, identifier, state, address, node and power', () => {
    show(serverView({ state: 'running' }));
    expect(screen.getByRole('heading', { name: 'Alpha', level: 1 })).toBeTruthy();
    expect(screen.getByText(REF.identifier)).toBeTruthy();
    expect(screen.getByText('Running')).toBeTruthy();
    expect(screen.getByText('10.0.0.1:25565')).toBeTruthy();
    expect(screen.getByText('node-1')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Power of Alpha' })).toBeTruthy();
  });

  it('goes back to the dashboard', async () => {
    show(serverView());
    await fireEvent.click(screen.getByRole('button', { name: t.server.back }));
    await waitFor(() => expect(appState.navigation).toEqual({ view: 'dashboard', server: null }));
  });

  it('is a tablist: the routed tab is selected, clicks navigate, Notifications is local', async () => {
    show(serverView(), 'stats');
    expect(screen.getByRole('tablist', { name: 'Sections of Alpha' })).toBeTruthy();
    expect(selectedTab()).toBe('Stats');
    expect(tab('Stats').getAttribute('tabindex')).toBe('0');
    expect(tab('Console').getAttribute('tabindex')).toBe('-1');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('server-tab-stats');

    await fireEvent.click(tab('Console'));
    await waitFor(() => expect(appState.navigation).toEqual({ view: 'console', server: REF }));

    await fireEvent.click(tab('Notifications'));
    await waitFor(() => expect(selectedTab()).toBe('Notifications'));
    expect(screen.getByRole('heading', { name: t.settings.server.title })).toBeTruthy();
  });

  it('moves between tabs with the arrow keys, Home and End, and focuses the new tab', async () => {
    const view = show(serverView(), 'console');
    await fireEvent.keyDown(tab('Console'), { key: 'ArrowRight' });
    await waitFor(() => expect(appState.navigation.view).toBe('files'));
    await view.rerender({ tab: 'files' });
    await waitFor(() => expect(document.activeElement).toBe(tab('Files')));
    await fireEvent.keyDown(tab('Files'), { key: 'End' });
    await waitFor(() => expect(selectedTab()).toBe('Notifications'));
    await fireEvent.keyDown(tab('Notifications'), { key: 'Home' });
    await waitFor(() => expect(appState.navigation.view).toBe('console'));
  });

  it('switches tabs with Ctrl/Cmd+1..4', async () => {
    show(serverView(), 'console');
    await fireEvent.keyDown(window, { key: '3', ctrlKey: true });
    await waitFor(() => expect(appState.navigation).toEqual({ view: 'stats', server: REF }));
  });

  it('stays on Files when the editor has unsaved changes the person keeps', async () => {
    guard.mayLeave = false;
    show(serverView(), 'files');
    await fireEvent.click(tab('Stats'));
    await fireEvent.click(screen.getByRole('button', { name: t.server.back }));
    await waitFor(() => expect(confirmLeave).toHaveBeenCalledTimes(2));
    // Lets the refused leaves finish their continuation (a macrotask flush, not a timed wait).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(appState.navigation).toEqual({ view: 'console', server: REF });
    expect(selectedTab()).toBe('Files');
  });

  it.each([
    ['suspended', 'This server is suspended'],
    ['installing', 'Running installer'],
    ['transferring', 'Transferring'],
    ['restoring', 'Restoring from backup'],
    ['node-unreachable', 'The node cannot be reached'],
  ] as const)('explains %s in a banner and still shows the tabs', (availability, title) => {
    show(serverView({ availability }));
    const banner = screen.getAllByRole('status').find((el) => el.querySelector('strong')?.textContent === title);
    expect(banner?.textContent).toContain(t.server.banners[availability].title);
    expect(screen.getAllByRole('tab')).toHaveLength(4);
  });

  it.each([
    ['panel-outdated', true, 'danger'],
    ['suspended', true, 'warn'],
    ['refused', true, 'warn'],
    ['deleted', false, 'warn'],
  ] as const)('says why live updates stopped (%s), and that it is polled instead when it is', (kind, isPolled, tone) => {
    show(serverView({ isLive: false, liveIssue: { kind, isPolled, at: 1 } }));
    const banner = screen.getAllByRole('status').find((el) => el.querySelector('strong')?.textContent === t.live.issues[kind].title);
    expect(banner?.textContent).toContain(t.live.issues[kind].detail);
    expect(banner?.textContent?.includes(t.live.polled)).toBe(isPolled);
    expect(banner?.classList.contains(tone)).toBe(true);
  });

  it('names the panel as the side to upgrade for a JWT scope error', () => {
    show(serverView({ isLive: false, liveIssue: { kind: 'panel-outdated', isPolled: true, at: 1 } }));
    expect(screen.getByText(/upgrade the panel to 1\.12\.3 or newer/)).toBeTruthy();
  });

  it('offers the egg’s EULA action when the server asks for it, and not otherwise', () => {
    const view = show(serverView({ state: 'offline', featurePrompt: { feature: 'eula', seenAt: 5 } }));
    expect(screen.getByRole('region', { name: t.live.feature.eula.title })).toBeTruthy();
    view.unmount();
    show(serverView({ state: 'offline' }));
    expect(screen.queryByRole('region', { name: t.live.feature.eula.title })).toBeNull();
  });

  it('shows no banner for a server that is fine', () => {
    show(serverView());
    expect(screen.getAllByRole('status').filter((el) => el.querySelector('strong'))).toEqual([]);
  });

  it('attaches the console once per view, not per tab, and detaches on close', async () => {
    const view = show(serverView(), 'console');
    await waitFor(() => expect(mockApi.calls('consoleAttach')).toHaveLength(1));
    await view.rerender({ tab: 'stats' });
    await view.rerender({ tab: 'console' });
    expect(mockApi.calls('consoleAttach')).toEqual([[REF]]);
    expect(mockApi.calls('consoleDetach')).toEqual([]);
    view.unmount();
    expect(mockApi.calls('consoleDetach')).toEqual([[REF]]);
  });
});
