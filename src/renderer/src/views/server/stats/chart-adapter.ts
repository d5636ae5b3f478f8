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
  /** `xRange` (seconds): the span the x axis shows whatever the data covers (a stored range's from/to). */
  setData(columns: ChartColumns, xRange?: readonly [number, number]): void;
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

// ── layout (issue 15) ──
/** Blank room between two time labels, in CSS px. */
export const TIME_LABEL_GAP_PX = 16;

/**
 * The least distance between two time ticks for a chart spanning `spanS` seconds: the widest label
 * that span can print (measured in the axis font, so a locale's longer words count), plus a gap.
 * uPlot then picks the increment whose ticks are at least this far apart, so a narrow chart gets
 * fewer labels and a wide one more, and none overlap ("Tue 2:00 PM" needs more than "2:00:05 PM").
 */
export function timeLabelSpacePx(spanS: number, measure: (text: string) => number): number {
  return widestTimeLabelPx(spanS, measure) + TIME_LABEL_GAP_PX;
}

/** The widest time label a chart spanning `spanS` seconds can print, in CSS px. */
export function widestTimeLabelPx(spanS: number, measure: (text: string) => number): number {
  // A late hour and a long weekday or month: the widest each format gets.
  const sample = Date.UTC(2026, 8, 30, 22, 58, 58) / 1000;
  const candidates =
    spanS > 86_400 ? [timeLabel(sample, 3600, spanS), timeLabel(sample, 86_400, spanS)] : [timeLabel(sample, 1, spanS), timeLabel(sample, 60, spanS)];
  return Math.ceil(Math.max(...candidates.map(measure)));
}

// ── layout2 (issue 15b) ──
/**
 * Room right of the plot for half the widest time label (plus a pixel of air), so a tick at the
 * plot's right edge keeps its label whole: uPlot centres a label on its tick and pads the right
 * by half its default y axis (25 px), which cut "10:58:58 PM" at every width. The left needs
 * nothing: the y axis's 72 px are wider than any half label.
 */
export function rightPaddingPx(spanS: number, measure: (text: string) => number): number {
  return Math.ceil(widestTimeLabelPx(spanS, measure) / 2) + 2;
}

/**
 * Notes the time labels as drawn (text, left and right edge in CSS px) on the host's
 * `data-time-labels`, so the e2e can see that none overlap at any width: uPlot draws on a canvas.
 */
function noteTimeLabels(u: uPlot, host: HTMLElement, font: string, labels: { splits: number[]; values: string[] }): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.font = font;
  // From the canvas's own left edge (the plot starts after the y axis), as the labels are drawn: an
  // edge below 0 or past the canvas's width is a label cut off (issue 15b).
  const plotLeftPx = u.bbox.left / devicePixelRatio;
  const plotRightPx = plotLeftPx + u.bbox.width / devicePixelRatio;
  const drawn = labels.values.map((text, i) => {
    const centre = plotLeftPx + u.valToPos(labels.splits[i] ?? 0, 'x');
    const width = ctx.measureText(text).width;
    return { text, centre, left: Math.floor(centre - width / 2), right: Math.ceil(centre + width / 2) };
  });
  ctx.restore();
  // uPlot draws only the ticks inside the plot.
  const shown = drawn.filter((label) => label.text !== '' && label.centre >= plotLeftPx - 0.5 && label.centre <= plotRightPx + 0.5);
  host.dataset.timeLabels = JSON.stringify(shown.map(({ text, left, right }) => ({ text, left, right })));
  host.dataset.canvasWidth = String(u.width);
}

function axes(opts: ChartOptions, drawn: { splits: number[]; values: string[] }): uPlot.Axis[] {
  const font = `11px ${opts.theme.font}`;
  const line = { stroke: opts.theme.grid, width: 1 };
  let measureCtx: CanvasRenderingContext2D | null = null;
  const measure = (u: uPlot, text: string): number => {
    measureCtx ??= u.ctx;
    measureCtx.save();
    measureCtx.font = font;
    const width = measureCtx.measureText(text).width;
    measureCtx.restore();
    return width;
  };
  return [
    {
      stroke: opts.theme.text,
      font,
      grid: line,
      ticks: line,
      size: 30,
      space: (u, _axis, min, max) => timeLabelSpacePx(max - min, (text) => measure(u, text)),
      incrs: TIME_INCREMENTS_S,
      values: (u, splits, _axis, _space, stepS) => {
        const spanS = (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0);
        const values = splits.map((x) => timeLabel(x, stepS, spanS));
        drawn.splits = splits;
        drawn.values = values;
        return values;
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
  const drawn = { splits: [] as number[], values: [] as string[] };
  const font = `11px ${opts.theme.font}`;
  const measureTimeLabel = (u: uPlot, text: string): number => {
    u.ctx.save();
    u.ctx.font = font;
    const width = u.ctx.measureText(text).width;
    u.ctx.restore();
    return width;
  };
  const options: uPlot.Options = {
    width: opts.width,
    height: opts.height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    // Values start at zero and leave a little headroom; an idle or empty chart still gets a scale.
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max((max ?? 0) * 1.1, opts.minScale)] } },
    axes: axes(opts, drawn),
    // Top, right, bottom, left; null keeps uPlot's own. The right holds half the widest time label.
    padding: [null, (u) => rightPaddingPx((u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0), (text) => measureTimeLabel(u, text)), null, null],
    series: [{}, ...opts.series.map(seriesOptions)],
    // uPlot counts series from 1 (0 is x).
    bands: opts.bands?.map((b) => ({ series: [b.between[0] + 1, b.between[1] + 1] as [number, number], fill: b.fill })),
    hooks: {
      draw: [(u) => noteTimeLabels(u, opts.host, `11px ${opts.theme.font}`, drawn)],
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
    setData: (columns, xRange) => {
      chart.setData(columns);
      // A range with little data still spans its hours, so its time labels are drawn.
      if (xRange) chart.setScale('x', { min: xRange[0], max: xRange[1] });
    },
    setSize: (width, height) => chart.setSize({ width, height }),
    destroy: () => chart.destroy(),
  };
}
