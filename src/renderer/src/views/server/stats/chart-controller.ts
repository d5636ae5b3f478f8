/**
 * One chart's life outside Svelte: created in its host, themed from the design tokens (and
 * re-created when the theme changes, which is rare), sized to its container, fed new columns at
 * most a few times a second, and destroyed with everything it started.
 */
import { createChart, type ChartHandle, type ChartOptions, type ChartSeries } from './chart-adapter';

type ChartBand = NonNullable<ChartOptions['bands']>[number];
import { HAS_LIMIT, type ChartColumns } from './chart-data';
import { HAS_BAND } from './history-data';
import type { ChartSpec, ThemeColor } from './chart-specs';
import { readCssVars, watchTheme, withAlpha } from '../css-theme';
import { UpdateThrottle } from '../update-throttle';
import { t } from '../../../lib/strings';

/** At most four redraws a second, however fast samples arrive. */
export const CHART_UPDATE_INTERVAL_MS = 250;
/** Matches `.chart` in StatCard.svelte. */
export const CHART_HEIGHT_PX = 150;

const TOKENS = ['accent', 'ok', 'warn', 'danger', 'muted', 'border', 'font'] as const;

export interface ChartControllerOptions {
  host: HTMLElement;
  spec: ChartSpec;
  onHover: (x: number | null) => void;
  /** A range from the history on disk: each bucket's mean, with its min/max as a band where it helps. */
  isHistory?: boolean;
}

export class ChartController {
  #chart: ChartHandle | null = null;
  #columns: ChartColumns = [[]];
  #xRange: readonly [number, number] | undefined = undefined;
  readonly #throttle = new UpdateThrottle(() => this.#chart?.setData(this.#columns, this.#xRange), CHART_UPDATE_INTERVAL_MS);
  readonly #stops: (() => void)[] = [];

  constructor(private readonly opts: ChartControllerOptions) {
    this.#create();
    const resize = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (width > 0) this.#chart?.setSize(width, CHART_HEIGHT_PX);
    });
    resize.observe(opts.host);
    this.#stops.push(
      () => resize.disconnect(),
      watchTheme(() => this.#create()),
    );
  }

  /** New columns to draw (and the x span in seconds, for a stored range); redraws are throttled. */
  update(columns: ChartColumns, xRange?: readonly [number, number]): void {
    this.#columns = columns;
    this.#xRange = xRange;
    this.#throttle.request();
  }

  destroy(): void {
    this.#throttle.stop();
    for (const stop of this.#stops.splice(0)) stop();
    this.#chart?.destroy();
    this.#chart = null;
  }

  #create(): void {
    this.#chart?.destroy();
    const vars = readCssVars(TOKENS);
    const color = (name: ThemeColor): string => vars[name];
    const hasBand = this.opts.isHistory === true && HAS_BAND[this.opts.spec.kind];
    const series: ChartSeries[] = this.opts.spec.series.map((s) => ({
      label: s.label,
      color: color(s.color),
      // Under a band, a filled area would hide it.
      fill: hasBand ? undefined : withAlpha(color(s.color), 0.12),
    }));
    const bands: ChartBand[] = [];
    if (hasBand) {
      const main = this.opts.spec.series[0]!;
      series.push(
        { label: t.stats.highest, color: color(main.color), isBandEdge: true },
        { label: t.stats.lowest, color: color(main.color), isBandEdge: true },
      );
      bands.push({ between: [1, 2], fill: withAlpha(color(main.color), 0.22) });
    }
    if (HAS_LIMIT[this.opts.spec.kind]) series.push({ label: t.stats.limit, color: vars.danger, isLimit: true });
    this.#chart = createChart({
      host: this.opts.host,
      width: Math.max(1, Math.floor(this.opts.host.clientWidth)),
      height: CHART_HEIGHT_PX,
      series,
      theme: { text: vars.muted, grid: vars.border, font: vars.font },
      format: this.opts.spec.format,
      minScale: this.opts.spec.minScale,
      isBinary: this.opts.spec.isBinary,
      onHover: this.opts.onHover,
      bands,
    });
    if (this.#columns[0].length > 0) this.#chart.setData(this.#columns, this.#xRange);
  }
}
