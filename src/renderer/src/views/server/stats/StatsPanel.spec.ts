import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/svelte';
import StatsPanel from './StatsPanel.svelte';
import { ServerSession } from '../server-session.svelte';
import { mockApi } from '../../../../test/mock-api';
import { t } from '../../../lib/strings';
import { REF, sample, serverView } from '../test-fixtures';
import type { ChartColumns } from './chart-data';
import type { ChartOptions } from './chart-adapter';

interface FakeChart {
  options: ChartOptions;
  data: ChartColumns[];
  isDestroyed: boolean;
}

const charts = vi.hoisted(() => [] as FakeChart[]);
vi.mock('./chart-adapter', () => ({
  createChart: (options: ChartOptions) => {
    const chart: FakeChart = { options, data: [], isDestroyed: false };
    charts.push(chart);
    return { setData: (d: ChartColumns) => chart.data.push(d), setSize() {}, destroy: () => (chart.isDestroyed = true) };
  },
}));

const GiB = 1024 ** 3;
const chartOf = (label: string) => charts.find((c) => c.options.series[0]?.label === label)!;
const card = (name: string) => screen.getByRole('region', { name });

function showStats(server = serverView({ limits: { memoryMib: 4096, diskMib: 0, cpuPercent: 200 } })) {
  const session = new ServerSession(REF, server.state);
  const view = render(StatsPanel, { session, server });
  return { session, view };
}

describe('StatsPanel', () => {
  beforeEach(() => {
    charts.length = 0;
    mockApi.answer('historyUptime', []);
  });
  afterEach(() => vi.useRealTimers());

  it('says it is loading, then that there is nothing yet', async () => {
    const { session } = showStats();
    session.stats.beginLoad();
    expect(screen.getByText(t.stats.loading)).toBeTruthy();
    await act(() => session.stats.loaded([]));
    expect(screen.getByRole('heading', { name: t.stats.empty })).toBeTruthy();
    expect(charts).toEqual([]);
  });

  it('draws four charts with the latest values, the limits and the uptime', async () => {
    const { session } = showStats();
    await act(() =>
      session.stats.loaded([
        sample(1000),
        sample(3000, {
          cpuPercent: 55,
          memoryBytes: 1.5 * GiB,
          diskBytes: 2 * GiB,
          networkRxBytesPerSec: 2048,
          networkTxBytesPerSec: 1024,
          uptimeMs: 3_720_000,
        }),
      ]),
    );
    expect(charts).toHaveLength(4);
    expect(within(card('CPU')).getByText('55%')).toBeTruthy();
    expect(within(card('CPU')).getByText(/Limit 200%/)).toBeTruthy();
    expect(within(card('Memory')).getByText('1.5 GiB')).toBeTruthy();
    expect(within(card('Memory')).getByText(/Limit 4.0 GiB/)).toBeTruthy();
    expect(within(card('Disk')).getByText(/No limit/)).toBeTruthy();
    expect(within(card('Network')).getByText('2.0 KiB/s')).toBeTruthy();
    expect(within(card('Network')).getByText('1.0 KiB/s')).toBeTruthy();
    expect(screen.getByText('1h 2m')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'CPU over the last 6 min' })).toBeTruthy();
    expect(chartOf('CPU').data.at(-1)).toEqual([
      [1, 3],
      [10, 55],
      [200, 200],
    ]);
    expect(chartOf('CPU').options.series.map((s) => s.isLimit ?? false)).toEqual([false, true]);
    expect(chartOf('In').data.at(-1)).toEqual([
      [1, 3],
      [100, 2048],
      [50, 1024],
    ]);
  });

  it('appends pushed samples to the charts without re-creating them, a few redraws a second at most', async () => {
    vi.useFakeTimers();
    const { session } = showStats();
    await act(() => session.stats.loaded([sample(1000)]));
    const cpu = chartOf('CPU');
    const drawn = cpu.data.length;
    await act(() => {
      session.stats.push(sample(3000, { cpuPercent: 70 }));
      session.stats.push(sample(5000, { cpuPercent: 80 }));
      session.stats.push(sample(7000, { cpuPercent: 90 }));
    });
    expect(within(card('CPU')).getByText('90%')).toBeTruthy();
    expect(cpu.data.length - drawn).toBeLessThanOrEqual(1);
    await act(() => vi.advanceTimersByTime(300));
    expect(cpu.data.at(-1)?.[1]).toEqual([10, 70, 80, 90]);
    expect(charts).toHaveLength(4);
  });

  it('clears the charts and says Offline while the server is offline', async () => {
    const { session } = showStats();
    await act(() => session.stats.loaded([sample(1000), sample(3000)]));
    await act(() => session.stats.setOffline(true));
    expect(screen.getByText(t.stats.offline)).toBeTruthy();
    expect(within(card('CPU')).getByText('—')).toBeTruthy();
    await vi.waitFor(() => expect(chartOf('CPU').data.at(-1)?.[0]).toEqual([]));
  });

  it('shows a failed history load with a retry, keeping pushed samples', async () => {
    mockApi.answer('statsHistory', [sample(500)]);
    const { session } = showStats();
    session.stats.push(sample(1000, { cpuPercent: 33 }));
    await act(() => session.stats.failed('The panel cannot be reached.'));
    expect(screen.getByRole('alert').textContent).toContain('The panel cannot be reached.');
    expect(within(card('CPU')).getByText('33%')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: t.stats.retry }));
    await vi.waitFor(() => expect(session.stats.status).toBe('ready'));
    expect(mockApi.calls('statsHistory')).toEqual([[REF]]);
    expect(session.stats.samples.map((s) => s.at)).toEqual([500, 1000]);
  });

  it('reads out the sample under the pointer', async () => {
    const { session } = showStats();
    await act(() => session.stats.loaded([sample(1000, { cpuPercent: 12 }), sample(3000, { cpuPercent: 50 })]));
    await act(() => chartOf('CPU').options.onHover(1));
    expect(within(card('CPU')).getByText('12%')).toBeTruthy();
    expect(within(card('CPU')).getByText(/^at /)).toBeTruthy();
    await act(() => chartOf('CPU').options.onHover(null));
    expect(within(card('CPU')).getByText('50%')).toBeTruthy();
  });

  it('destroys its charts when it closes', async () => {
    const { session, view } = showStats();
    await act(() => session.stats.loaded([sample(1000)]));
    view.unmount();
    expect(charts.every((c) => c.isDestroyed)).toBe(true);
  });
});
