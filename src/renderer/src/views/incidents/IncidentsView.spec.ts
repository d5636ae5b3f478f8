import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mock-api';
import type { IncidentFilter, IncidentView } from '../../../../shared/ipc/incidents';
import { appState } from '../../lib/state/app-state.svelte';
import IncidentsView from './IncidentsView.svelte';
import { IncidentTimeline } from './incident-timeline.svelte';

const NOW = Date.UTC(2026, 11, 4, 1, 0, 0);
const REF = { accountId: 'a1', identifier: '1a2b3c4d' };

function incident(patch: Partial<IncidentView> = {}): IncidentView {
  return {
    id: 'crash:a1/1a2b3c4d:1:1',
    at: NOW - 60_000,
    kind: 'crash',
    severity: 'critical',
    accountId: 'a1',
    accountName: 'Home',
    server: { identifier: '1a2b3c4d', name: 'Survival 1' },
    node: 'Node A',
    title: 'Survival 1 crashed: out of memory',
    detail: 'It ran out of memory and was killed (exit code 137). Wings is restarting it.',
    actor: null,
    source: 'app',
    crash: { exitCode: 137, oomKilled: true, lastLines: ['java.lang.OutOfMemoryError: Java heap space'], reaction: 'restarting' },
    ...patch,
  };
}

const state = (n: number): IncidentView =>
  incident({
    id: `state:${n}`,
    at: NOW - 120_000 - n,
    kind: 'state',
    severity: 'info',
    title: `Survival 1 is stopping ${n}`,
    detail: 'It finished stopping.',
    crash: null,
  });

const lastFilter = (): IncidentFilter => mockApi.calls('incidentsList').at(-1)![0];

describe('the timeline', () => {
  it('lists incidents newest first; a crash opens to its exit code, OOM flag and last lines; Open console goes there', async () => {
    mockApi.answer('incidentsList', { incidents: [incident(), state(1)], hasMore: false });
    const user = userEvent.setup();
    render(IncidentsView, { props: {} });
    const list = await screen.findByRole('list', { name: 'Incidents' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining('out of memory'), expect.stringContaining('is stopping 1')]);
    const toggle = screen.getByRole('button', { name: 'Details of Survival 1 crashed: out of memory' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    const detail = screen.getByRole('region', { name: 'Survival 1 crashed: out of memory' });
    expect(detail.textContent).toContain('137');
    expect(within(detail).getByLabelText('Last console lines before the crash').textContent).toBe('java.lang.OutOfMemoryError: Java heap space');
    await user.click(within(detail).getByRole('button', { name: 'Open console' }));
    expect(appState.navigation).toEqual({ view: 'console', server: REF });
  });

  it('filters by words, kind and time, and says when nothing matches', async () => {
    mockApi.answer('incidentsList', { incidents: [], hasMore: false });
    const user = userEvent.setup();
    render(IncidentsView, { props: {} });
    await screen.findByText('Nothing has happened yet');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'heap{Enter}');
    await waitFor(() => expect(lastFilter().text).toBe('heap'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Crash');
    await waitFor(() => expect(lastFilter().kinds).toEqual(['crash']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Since' }), 'Last 24 hours');
    await waitFor(() => expect(lastFilter().sinceMs).toBeGreaterThan(Date.now() - 24 * 3_600_000 - 5_000));
    await screen.findByText('Nothing matches');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(lastFilter()).toMatchObject({ text: '', kinds: [], sinceMs: null }));
  });

  it('an incident of a whole panel (a revoked key) leads to Settings', async () => {
    const revoked = incident({
      id: 'key-revoked:a1:1',
      kind: 'key-revoked',
      server: null,
      title: 'Home: API key rejected',
      detail: 'Add a new client key in Settings.',
      crash: null,
    });
    mockApi.answer('incidentsList', { incidents: [revoked], hasMore: false });
    const user = userEvent.setup();
    render(IncidentsView, { props: {} });
    await user.click(await screen.findByRole('button', { name: 'Details of Home: API key rejected' }));
    await user.click(screen.getByRole('button', { name: 'Open Settings' }));
    expect(appState.navigation.view).toBe('settings');
  });

  it('a server’s tab asks for that server only, and shows no server filter', async () => {
    mockApi.answer('incidentsList', { incidents: [state(1)], hasMore: false });
    render(IncidentsView, { props: { server: REF } });
    await screen.findByRole('list', { name: 'Incidents' });
    expect(lastFilter().server).toEqual(REF);
    expect(screen.queryByRole('combobox', { name: 'Server' })).toBeNull();
  });

  it('opens a notification’s incident, fetched when it is not on the first page, and says when it is gone', async () => {
    mockApi.answer('incidentsList', { incidents: [state(1)], hasMore: true });
    mockApi.answer('incidentsGet', incident());
    render(IncidentsView, { props: { openId: incident().id } });
    const detail = await screen.findByRole('region', { name: 'Survival 1 crashed: out of memory' });
    expect(detail.textContent).toContain('Out of memory');
    expect(screen.getByRole('button', { name: 'Details of Survival 1 crashed: out of memory' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('says an incident past 90 days is no longer kept', async () => {
    mockApi.answer('incidentsList', { incidents: [], hasMore: false });
    mockApi.answer('incidentsGet', null);
    render(IncidentsView, { props: { openId: 'crash:old' } });
    await screen.findByText('That incident is older than 90 days and is no longer kept.');
  });

  it('shows a new incident as it happens, when the filters would have it; pages older ones', async () => {
    mockApi.answer('incidentsList', { incidents: [state(1)], hasMore: true });
    const user = userEvent.setup();
    render(IncidentsView, { props: {} });
    await screen.findByRole('list', { name: 'Incidents' });
    mockApi.emit('incidents:added', incident({ id: 'new', at: Date.now(), title: 'Survival 1 crashed' }));
    await screen.findByRole('button', { name: 'Details of Survival 1 crashed' });
    mockApi.answer('incidentsList', { incidents: [state(2)], hasMore: false });
    await user.click(screen.getByRole('button', { name: 'Show older' }));
    await screen.findByText('Survival 1 is stopping 2');
    expect(lastFilter().beforeMs).toBe(state(1).at);
    expect(screen.queryByRole('button', { name: 'Show older' })).toBeNull();
  });

  it('a failure says so, with a retry', async () => {
    mockApi.fail('incidentsList', { code: 'internal', message: 'The history file could not be read.' });
    const user = userEvent.setup();
    render(IncidentsView, { props: {} });
    await screen.findByRole('alert');
    mockApi.answer('incidentsList', { incidents: [state(1)], hasMore: false });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('list', { name: 'Incidents' });
  });
});

describe('IncidentTimeline', () => {
  it('keeps a pushed incident out when a filter excludes it', async () => {
    const timeline = new IncidentTimeline(
      { list: async () => ({ incidents: [], hasMore: false }), get: async () => null },
      () => REF,
      () => NOW,
    );
    await timeline.load();
    timeline.added(incident({ id: 'other', accountId: 'a2' }));
    timeline.kind = 'state';
    timeline.added(incident({ id: 'crash' }));
    timeline.kind = '';
    timeline.text = 'heap nope';
    timeline.added(incident({ id: 'words' }));
    expect(timeline.incidents).toEqual([]);
    timeline.text = 'survival';
    timeline.added(incident({ id: 'yes' }));
    expect(timeline.incidents.map((i) => i.id)).toEqual(['yes']);
  });
});
