/**
 * The Stats tab's ranges, uptime and CSV export (issue 14): a stored range read from main with its
 * min/max band, the live range as before, uptime bars per day and per week, and the export's
 * outcome; with window.api mocked from the contract.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import StatsPanel from './StatsPanel.svelte';
import { ServerSession } from '../server-session.svelte';
import { mockApi } from '../../../../test/mock-api';
import { t } from '../../../lib/strings';
import { REF, serverView } from '../test-fixtures';
import type { ChartColumns } from './chart-data';
import type { ChartOptions } from './chart-adapter';
import type { HistoryPointView, HistorySeriesView, UptimeBucketView } from '../../../../../shared/ipc/history';

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

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUARTER = 15 * 60_000;
const live = (label: string) => charts.filter((c) => !c.isDestroyed).find((c) => c.options.series[0]?.label === label)!;
const card = (name: string) => screen.getByRole('region', { name });
const radio = (name: string) => screen.getByRole('radio', { name });

function point(at: number, cpu: { min: number; avg: number; max: number }, count = 15): HistoryPointView {
  const flat = (v: number) => ({ min: v, avg: v, max: v });
  return {
    at,
    bucketMs: QUARTER,
    count,
    metrics: {
      cpuPercent: cpu,
      memoryBytes: flat(1024 ** 3),
      diskBytes: flat(2 * 1024 ** 3),
      networkRxBytesPerSec: flat(2048),
      networkTxBytesPerSec: flat(1024),
    },
    uptimeMs: 0,
  };
}

function series(points: HistoryPointView[], rangeMs = 7 * DAY): HistorySeriesView {
  return { fromMs: 1_000 * DAY - rangeMs, toMs: 1_000 * DAY, tier: 'quarter', bucketMs: QUARTER, points };
}

const T0 = 999 * DAY;
const WEEK = series([point(T0, { min: 5, avg: 10, max: 40 }), point(T0 + QUARTER, { min: 20, avg: 30, max: 90 }, 5)]);

function showStats() {
  const server = serverView({ limits: { memoryMib: 4096, diskMib: 0, cpuPercent: 200 } });
  const session = new ServerSession(REF, server.state);
  return render(StatsPanel, { session, server });
}

describe('the Stats tab’s ranges', () => {
  beforeEach(() => {
    charts.length = 0;
    mockApi.answer('historyUptime', []);
  });

  it('starts on Live and reads a stored range from main, its mean drawn with a min/max band', async () => {
    mockApi.answer('historySeries', WEEK);
    showStats();
    expect(radio('Live').getAttribute('aria-checked')).toBe('true');
    expect(mockApi.calls('historySeries')).toEqual([]);
    await fireEvent.click(radio('7 d'));
    await vi.waitFor(() => expect(card('CPU')).toBeTruthy());
    expect(mockApi.calls('historySeries')).toEqual([[{ server: REF, range: '7d' }]]);
    expect(radio('7 d').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByRole('img', { name: 'CPU over the last 7 days' })).toBeTruthy();
    const cpu = live('CPU');
    expect(cpu.options.series.map((s) => [s.label, s.isBandEdge ?? false, s.isLimit ?? false])).toEqual([
      ['CPU', false, false],
      ['Highest', true, false],
      ['Lowest', true, false],
      ['Limit', false, true],
    ]);
    expect(cpu.options.bands?.map((b) => b.between)).toEqual([[1, 2]]);
    // Points at the middle of their 15-minute buckets: mean, max, min, limit.
    const x0 = (T0 + QUARTER / 2) / 1000;
    expect(cpu.data.at(-1)).toEqual([
      [x0, x0 + 900],
      [10, 30],
      [40, 90],
      [5, 20],
      [200, 200],
    ]);
    // Disk and network have no band.
    expect(live('Disk').options.bands).toEqual([]);
    // The range's mean is count-weighted (15 samples at 10, 5 at 30); the peak is the highest max.
    expect(within(card('CPU')).getByText('15%')).toBeTruthy();
    expect(within(card('CPU')).getByText('peak 90%')).toBeTruthy();
  });

  it('reads out the bucket under the pointer with its spread', async () => {
    mockApi.answer('historySeries', WEEK);
    showStats();
    await fireEvent.click(radio('7 d'));
    await vi.waitFor(() => expect(card('CPU')).toBeTruthy());
    await act(() => live('CPU').options.onHover((T0 + QUARTER + QUARTER / 2) / 1000));
    expect(within(card('CPU')).getByText('30%')).toBeTruthy();
    expect(within(card('CPU')).getByText('20% – 90%')).toBeTruthy();
  });

  it('moves between ranges with the arrow keys, one tab stop', async () => {
    mockApi.answer('historySeries', series([]));
    showStats();
    const user = userEvent.setup();
    radio('Live').focus();
    expect(radio('1 h').tabIndex).toBe(-1);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(radio('1 h'));
    expect(radio('1 h').getAttribute('aria-checked')).toBe('true');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(radio('90 d').getAttribute('aria-checked')).toBe('true');
    expect(mockApi.calls('historySeries').map(([a]) => a.range)).toEqual(['1h', '90d']);
  });

  it('says when a range has no history yet, and shows a failure with a retry', async () => {
    mockApi.answer('historySeries', series([]));
    showStats();
    await fireEvent.click(radio('24 h'));
    await screen.findByRole('heading', { name: t.stats.historyEmpty });
    mockApi.fail('historySeries', { code: 'internal', message: 'The history file is busy.' });
    await fireEvent.click(radio('30 d'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The history file is busy.');
    mockApi.answer('historySeries', WEEK);
    await fireEvent.click(within(alert).getByRole('button', { name: t.stats.retry }));
    await vi.waitFor(() => expect(card('CPU')).toBeTruthy());
    expect(mockApi.calls('historySeries').at(-1)).toEqual([{ server: REF, range: '30d' }]);
  });

  it('never shows an older answer under the newer range', async () => {
    let release: (value: unknown) => void = () => undefined;
    mockApi.bridge.historySeries!.mockImplementation(async ({ range }: { range: string }) => {
      if (range === '7d') await new Promise((r) => (release = r));
      return { ok: true, value: range === '7d' ? WEEK : series([point(T0, { min: 1, avg: 2, max: 3 })]) };
    });
    showStats();
    await fireEvent.click(radio('7 d'));
    await fireEvent.click(radio('90 d'));
    await vi.waitFor(() => expect(within(card('CPU')).getByText('peak 3.0%')).toBeTruthy());
    await act(() => release(undefined));
    await act(() => Promise.resolve());
    expect(within(card('CPU')).getByText('peak 3.0%')).toBeTruthy();
    expect(radio('90 d').getAttribute('aria-checked')).toBe('true');
  });

  it('goes back to the live charts', async () => {
    mockApi.answer('historySeries', WEEK);
    showStats();
    await fireEvent.click(radio('7 d'));
    await vi.waitFor(() => expect(card('CPU')).toBeTruthy());
    await fireEvent.click(radio('Live'));
    expect(screen.queryByRole('img', { name: /over the last 7 days/ })).toBeNull();
    expect(screen.getByText(t.stats.loading)).toBeTruthy();
  });
});

describe('the Stats tab’s uptime', () => {
  const day = (start: number, runningH: number, seenH: number): UptimeBucketView => ({
    start,
    bucketMs: DAY,
    runningMs: runningH * HOUR,
    observedMs: seenH * HOUR,
  });
  const start = new Date(2026, 2, 2).getTime();

  beforeEach(() => {
    charts.length = 0;
  });

  it('draws a bar per day with its share, an unseen day as not seen, and the share overall', async () => {
    mockApi.answer('historyUptime', [day(start, 0, 0), day(start + DAY, 24, 24), day(start + 2 * DAY, 12, 24)]);
    showStats();
    const uptime = card('Uptime');
    await within(uptime).findByRole('list');
    const bars = within(uptime).getAllByRole('listitem');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Mon, Mar 2: not seen',
      'Tue, Mar 3: 100% up (seen 1d 0h)',
      'Wed, Mar 4: 50% up (seen 1d 0h)',
    ]);
    expect(bars.map((b) => b.className.split(' ').find((c) => ['good', 'fair', 'poor', 'unseen'].includes(c)))).toEqual(['unseen', 'good', 'poor']);
    // 36 of 48 hours seen running.
    expect(within(uptime).getByText('75%')).toBeTruthy();
    expect(within(uptime).getByText('over the last 30 days')).toBeTruthy();
    expect(mockApi.calls('historyUptime')).toEqual([[{ server: REF, per: 'day' }]]);
  });

  it('groups per week on request', async () => {
    mockApi.answer('historyUptime', [day(start, 10, 24)]);
    showStats();
    const uptime = card('Uptime');
    await within(uptime).findByRole('list');
    mockApi.answer('historyUptime', [{ start, bucketMs: 7 * DAY, runningMs: 160 * HOUR, observedMs: 161 * HOUR }]);
    await fireEvent.click(within(uptime).getByRole('radio', { name: 'Per week' }));
    await vi.waitFor(() => expect(within(uptime).getByRole('listitem').getAttribute('aria-label')).toBe('Week of Mar 2: 99.3% up (seen 6d 17h)'));
    expect(mockApi.calls('historyUptime')).toEqual([[{ server: REF, per: 'day' }], [{ server: REF, per: 'week' }]]);
  });

  it('says so when the server was never seen', async () => {
    mockApi.answer('historyUptime', [day(start, 0, 0)]);
    showStats();
    await screen.findByText(t.stats.uptimeNone);
  });
});

describe('the Stats tab’s CSV export', () => {
  beforeEach(() => {
    charts.length = 0;
    mockApi.answer('historyUptime', []);
    mockApi.answer('historySeries', WEEK);
  });

  it('exports the shown range (the last hour from Live) and says where it went by name', async () => {
    mockApi.answer('historyExportCsv', { fileName: 'Survival-1h.csv' });
    showStats();
    await fireEvent.click(screen.getByRole('button', { name: t.stats.exportCsv }));
    await screen.findByText('Saved Survival-1h.csv.');
    await fireEvent.click(radio('30 d'));
    expect(screen.queryByText('Saved Survival-1h.csv.')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: t.stats.exportCsv }));
    expect(mockApi.calls('historyExportCsv')).toEqual([[{ server: REF, range: '1h' }], [{ server: REF, range: '30d' }]]);
  });

  it('says nothing when the save dialog was cancelled, and shows a failure', async () => {
    mockApi.answer('historyExportCsv', null);
    showStats();
    await fireEvent.click(screen.getByRole('button', { name: t.stats.exportCsv }));
    await vi.waitFor(() => expect(mockApi.calls('historyExportCsv')).toHaveLength(1));
    expect(screen.queryByText(/^Saved/)).toBeNull();
    mockApi.fail('historyExportCsv', { code: 'internal', message: 'The disk is full.' });
    await fireEvent.click(screen.getByRole('button', { name: t.stats.exportCsv }));
    expect((await screen.findByRole('alert')).textContent).toContain('The disk is full.');
  });
});
