/** The four charts of the Stats tab: what they plot, in which colours, and how numbers read. */
import { formatBytes, formatPercent, formatRate, mibLimitBytes } from '../../../lib/format';
import { t } from '../../../lib/strings';
import { sampleValues, type ChartKind } from './chart-data';
import type { ServerView, StatsSample } from '../../../../../shared/types';

/** Colours from the design tokens (styles/app.css). */
export type ThemeColor = 'accent' | 'ok' | 'warn' | 'danger';

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  series: { label: string; color: ThemeColor }[];
  /** Formats a value of this chart: axis ticks and big numbers. */
  format: (value: number) => string;
  /** The least top of the y scale, so an idle or empty chart gets readable ticks. */
  minScale: number;
  /** Ticks on powers of two (bytes: 256 KiB, 512 KiB, 1 MiB) rather than of ten. */
  isBinary: boolean;
  /** The limit line, or null when the server has none (unlimited) or the chart has no limit. */
  limitOf: (limits: ServerView['limits']) => number | null;
}

const s = t.stats;
const MiB = 1024 * 1024;

export const CHART_SPECS: readonly ChartSpec[] = [
  {
    kind: 'cpu',
    title: s.cpu,
    series: [{ label: s.cpu, color: 'accent' }],
    format: (v) => formatPercent(v, v > 0 && v < 10 ? 1 : 0),
    minScale: 10,
    isBinary: false,
    limitOf: (l) => (l.cpuPercent > 0 ? l.cpuPercent : null),
  },
  {
    kind: 'memory',
    title: s.memory,
    series: [{ label: s.memory, color: 'accent' }],
    format: formatBytes,
    minScale: MiB,
    isBinary: true,
    limitOf: (l) => mibLimitBytes(l.memoryMib),
  },
  {
    kind: 'disk',
    title: s.disk,
    series: [{ label: s.disk, color: 'accent' }],
    format: formatBytes,
    minScale: MiB,
    isBinary: true,
    limitOf: (l) => mibLimitBytes(l.diskMib),
  },
  {
    kind: 'network',
    title: s.network,
    series: [
      { label: s.inbound, color: 'accent' },
      { label: s.outbound, color: 'ok' },
    ],
    format: formatRate,
    minScale: 1024,
    isBinary: true,
    limitOf: () => null,
  },
];

export interface Readout {
  /** One big number per series (network has two). */
  values: { label: string; text: string; color: ThemeColor }[];
  /** The limit as text, or "No limit"; empty for charts without a limit. */
  limit: string;
  /** True when a limit line is drawn. */
  hasLimit: boolean;
}

/** The numbers shown above a chart for `sample` (the latest, or the one under the pointer). */
export function readout(spec: ChartSpec, sample: StatsSample | null, limits: ServerView['limits']): Readout {
  const numbers = sample ? sampleValues(sample, spec.kind) : [];
  const values = spec.series.map((series, i) => {
    const value = numbers[i];
    return { label: series.label, text: value === undefined ? s.noValue : spec.format(value), color: series.color };
  });
  if (spec.kind === 'network') return { values, limit: '', hasLimit: false };
  const limit = spec.limitOf(limits);
  return { values, limit: limit === null ? s.unlimited : `${s.limit} ${spec.format(limit)}`, hasLimit: limit !== null };
}
