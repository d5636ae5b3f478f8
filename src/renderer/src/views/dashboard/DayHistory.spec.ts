/**
 * The dashboard's 24-hour line per server (issue 14): uptime and an hourly CPU sparkline read from
 * the history on disk for the listed servers, again when the list changes, and a server with no
 * history says so instead of showing 0%.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import DashboardView from './DashboardView.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { makeAccount, makeServer } from '../../../test/view-models';
import { sparklinePath } from './sparkline';
import type { ServerHistorySummary } from '../../../../shared/ipc/history';

const ALPHA = makeServer({ name: 'Alpha', identifier: 'aaaa0001' });
const BETA = makeServer({ name: 'Beta', identifier: 'bbbb0002', state: 'offline' });
const hours = (value: (i: number) => number | null) => Array.from({ length: 24 }, (_, i) => value(i));

function summary(server: typeof ALPHA, uptime24h: number | null, cpu: (i: number) => number | null): ServerHistorySummary {
  return { server: { accountId: server.accountId, identifier: server.identifier }, uptime24h, cpuSparkline: hours(cpu) };
}

describe('the dashboard’s last 24 hours', () => {
  beforeEach(() => {
    appState.accounts = [makeAccount()];
    appState.servers = [ALPHA, BETA];
    appState.navigate('dashboard');
  });

  it('shows each server’s uptime and CPU sparkline, and says when nothing was seen', async () => {
    mockApi.answer('historySummaries', [summary(ALPHA, 0.995, (i) => (i < 12 ? null : 20)), summary(BETA, null, () => null)]);
    render(DashboardView);
    const alpha = screen.getByRole('row', { name: 'Alpha' });
    const day = await within(alpha).findByRole('img', { name: 'Last 24 hours: 99.5% up, CPU 20% on average' });
    expect(day.textContent).toContain('99.5%');
    // Twelve hours without data draw nothing; the twelve with data a line.
    expect(day.querySelector('path')!.getAttribute('d')).toBe(
      sparklinePath(
        hours((i) => (i < 12 ? null : 20)),
        48,
        14,
      ),
    );
    expect(day.querySelector('path')!.getAttribute('d')).toMatch(/^M25\.0 /);
    const beta = within(screen.getByRole('row', { name: 'Beta' })).getByRole('img', { name: 'Not seen in the last 24 hours' });
    expect(beta.textContent).toContain('—');
    expect(mockApi.calls('historySummaries')).toEqual([
      [
        {
          servers: [
            { accountId: ALPHA.accountId, identifier: 'aaaa0001' },
            { accountId: BETA.accountId, identifier: 'bbbb0002' },
          ],
        },
      ],
    ]);
  });

  it('reads again when a server joins the list, not on every state push', async () => {
    mockApi.answer('historySummaries', []);
    render(DashboardView);
    await vi.waitFor(() => expect(mockApi.calls('historySummaries')).toHaveLength(1));
    appState.servers = [{ ...ALPHA, state: 'stopping' }, BETA];
    flushSync();
    await Promise.resolve();
    expect(mockApi.calls('historySummaries')).toHaveLength(1);
    const GAMMA = makeServer({ name: 'Gamma', identifier: 'cccc0003' });
    appState.servers = [ALPHA, BETA, GAMMA];
    await vi.waitFor(() => expect(mockApi.calls('historySummaries')).toHaveLength(2));
    expect(mockApi.calls('historySummaries')[1]![0].servers).toHaveLength(3);
  });

  it('keeps the rows when the history cannot be read', async () => {
    mockApi.fail('historySummaries', { code: 'internal', message: 'busy' });
    render(DashboardView);
    await vi.waitFor(() => expect(mockApi.calls('historySummaries')).toHaveLength(1));
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(within(screen.getByRole('row', { name: 'Alpha' })).getByRole('img', { name: 'Not seen in the last 24 hours' })).toBeTruthy();
  });
});

describe('sparklinePath', () => {
  it('scales to the largest value, at least 10%, and breaks at a missing hour', () => {
    expect(sparklinePath([0, 5, null, 10], 30, 10)).toBe('M0.0 10.0 L10.0 5.0 M30.0 0.0');
    expect(sparklinePath([50, 100], 10, 10)).toBe('M0.0 5.0 L10.0 0.0');
    expect(sparklinePath([null, null], 10, 10)).toBe('');
  });
});
