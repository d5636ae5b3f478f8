/**
 * One chart's life outside Svelte: created in its host, themed from the design tokens (and
 * re-created when the theme changes, which is rare), sized to its container, fed new columns at
 * most a few times a second, and destroyed with everything it started.
 */
import { createChart, type ChartHandle, type ChartSeries } from './chart-adapter';
import { HAS_LIMIT, type ChartColumns } from './chart-data';
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
}

export class ChartController {
  #chart: ChartHandle | null = null;
  #columns: ChartColumns = [[]];
  readonly #throttle = new UpdateThrottle(() => this.#chart?.setData(this.#columns), CHART_UPDATE_INTERVAL_MS);
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

  /** New columns to draw; redraws are throttled. */
  update(columns: ChartColumns): void {
    this.#columns = columns;
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
    const series: ChartSeries[] = this.opts.spec.series.map((s) => ({ label: s.label, color: color(s.color), fill: withAlpha(color(s.color), 0.12) }));
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
    });
    if (this.#columns[0].length > 0) this.#chart.setData(this.#columns);
  }
}
