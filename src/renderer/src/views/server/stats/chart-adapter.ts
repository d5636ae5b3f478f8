/**
 * uPlot behind a small interface, so components never touch it and tests can vi.mock this one
 * module (happy-dom has no canvas). uPlot styles itself with its CSS file and the CSSOM
 * (element.style), never with <style> elements, so it draws under the window's strict CSP.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartColumns } from './chart-data';

export interface ChartTheme {
  /** Axis labels. */
  text: string;
  /** Grid and tick lines. */
  grid: string;
  /** The font family of the window. */
  font: string;
}

export interface ChartSeries {
  label: string;
  /** A CSS colour; the area under a value line is this colour, faded. */
  color: string;
  fill?: string;
  isLimit?: boolean;
  /** An edge of a min/max band: no line of its own, the band between a pair is filled. */
  isBandEdge?: boolean;
}

export interface ChartOptions {
  host: HTMLElement;
  width: number;
  height: number;
  series: ChartSeries[];
  theme: ChartTheme;
  /** Formats a y value (axis ticks). */
  format: (value: number) => string;
  /** The least top of the y scale. */
  minScale: number;
  /** Ticks on powers of two, for bytes. */
  isBinary: boolean;
  /** The x (epoch seconds) under the pointer, or null when it leaves the chart. */
  onHover: (x: number | null) => void;
  /** Filled bands between two series (indices into `series`, upper first), e.g. a bucket's max and min. */
  bands?: { between: [number, number]; fill: string }[];
}

export interface ChartHandle {
  setData(columns: ChartColumns): void;
  setSize(width: number, height: number): void;
  destroy(): void;
}

// Room for the y axis labels ("512 KiB/s") at 11 px.
const Y_AXIS_PX = 72;

// 1 B … 512 TiB in powers of two: byte axes tick at 256 KiB, 512 KiB, 1 MiB, not at 488 KiB.
const BINARY_INCREMENTS = Array.from({ length: 50 }, (_, i) => 2 ** i);

function seriesOptions(series: ChartSeries): uPlot.Series {
  if (series.isBandEdge) return { label: series.label, stroke: 'transparent', width: 0, points: { show: false } };
  if (series.isLimit) return { label: series.label, stroke: series.color, width: 1, dash: [4, 4], points: { show: false } };
  return { label: series.label, stroke: series.color, fill: series.fill, width: 1.5, points: { show: false } };
}

// Times only while a chart spans a day or less (uPlot's date line under the first tick is noise
// there); the weekday with the hour over a week; the date alone once ticks are days apart.
function timeLabel(seconds: number, stepS: number, spanS: number): string {
  const at = new Date(seconds * 1000);
  if (stepS >= 86_400) return at.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  if (spanS > 86_400) return at.toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  const options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', second: stepS < 60 ? '2-digit' : undefined };
  return at.toLocaleTimeString(undefined, options);
}

// Whole seconds and up: labels show seconds at most, so half-second ticks printed every label
// twice on a young chart ("7:09:20, 7:09:20, 7:09:21…", seen in the window's e2e screenshots).
const TIME_INCREMENTS_S = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 28_800, 43_200, 86_400, 172_800, 604_800, 1_209_600, 2_592_000,
];

function axes(opts: ChartOptions): uPlot.Axis[] {
  const font = `11px ${opts.theme.font}`;
  const line = { stroke: opts.theme.grid, width: 1 };
  return [
    {
      stroke: opts.theme.text,
      font,
      grid: line,
      ticks: line,
      size: 30,
      // "Tue 14:00" needs more room than "14:00:05".
      space: (_u, _axis, min, max) => (max - min > 86_400 ? 90 : 60),
      incrs: TIME_INCREMENTS_S,
      values: (u, splits, _axis, _space, stepS) => {
        const spanS = (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0);
        return splits.map((x) => timeLabel(x, stepS, spanS));
      },
    },
    {
      stroke: opts.theme.text,
      font,
      grid: line,
      ticks: line,
      size: Y_AXIS_PX,
      space: 24,
      incrs: opts.isBinary ? BINARY_INCREMENTS : undefined,
      values: (_u, splits) => splits.map(opts.format),
    },
  ];
}

/** Creates a time chart in `host`. */
export function createChart(opts: ChartOptions): ChartHandle {
  const options: uPlot.Options = {
    width: opts.width,
    height: opts.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    // Values start at zero and leave a little headroom; an idle or empty chart still gets a scale.
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max((max ?? 0) * 1.1, opts.minScale)] } },
    axes: axes(opts),
    series: [{}, ...opts.series.map(seriesOptions)],
    // uPlot counts series from 1 (0 is x).
    bands: opts.bands?.map((b) => ({ series: [b.between[0] + 1, b.between[1] + 1] as [number, number], fill: b.fill })),
    hooks: {
      setCursor: [
        (u) => {
          const index = u.cursor.idx;
          opts.onHover(index === null || index === undefined ? null : (u.data[0][index] ?? null));
        },
      ],
    },
  };
  const chart = new uPlot(options, [[], ...opts.series.map(() => [])], opts.host);
  return {
    setData: (columns) => chart.setData(columns),
    setSize: (width, height) => chart.setSize({ width, height }),
    destroy: () => chart.destroy(),
  };
}
