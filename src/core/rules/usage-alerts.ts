/**
 * Usage alerts, pure: CPU or memory above a threshold for a sustained time raise one alert; the
 * alert clears only once the value has stayed clearly below (hysteresis), so a value flapping
 * around the threshold does not spam.
 */

export type UsageMetric = 'cpu' | 'memory';

/** Thresholds in percent of the server's own limit. */
export interface UsageThresholds {
  cpuPercent: number;
  memoryPercent: number;
  /** How long a value must stay over its threshold before the alert fires. */
  sustainedMs: number;
}

/** How far below the threshold a value must fall to count as recovered, in percentage points. */
export const HYSTERESIS_POINTS = 10;

/** What is remembered of one metric of one server. */
export interface MetricTrack {
  overSinceMs: number | null;
  underSinceMs: number | null;
  isAlerting: boolean;
}

export const initialMetricTrack: MetricTrack = { overSinceMs: null, underSinceMs: null, isAlerting: false };

/** One sample as a percent of the limit, or null when there is no limit or the server is offline. */
export interface UsageSample {
  percentOfLimit: number | null;
  atMs: number;
}

export type UsageTransition = { type: 'alert' | 'recovered'; percentOfLimit: number; atMs: number } | null;

/** Percent of a limit, or null when the limit is unlimited (0) or unknown. */
export function percentOfLimit(value: number, limit: number): number | null {
  if (!(limit > 0) || !Number.isFinite(value)) return null;
  return (value / limit) * 100;
}

/** Folds one sample into a metric's track and says whether an alert fired or cleared. */
export function observeUsage(
  track: MetricTrack,
  sample: UsageSample,
  thresholdPercent: number,
  sustainedMs: number,
): { track: MetricTrack; transition: UsageTransition } {
  const { percentOfLimit: value, atMs } = sample;
  if (value === null) {
    // No data (offline, unlimited): forget the streak; an alert in progress stays until data says otherwise.
    return { track: { ...track, overSinceMs: null, underSinceMs: null }, transition: null };
  }
  if (value > thresholdPercent) {
    const overSinceMs = track.overSinceMs ?? atMs;
    const fires = !track.isAlerting && atMs - overSinceMs >= sustainedMs;
    return {
      track: { overSinceMs, underSinceMs: null, isAlerting: track.isAlerting || fires },
      transition: fires ? { type: 'alert', percentOfLimit: value, atMs } : null,
    };
  }
  if (!track.isAlerting) return { track: { ...track, overSinceMs: null }, transition: null };
  if (value > thresholdPercent - HYSTERESIS_POINTS) {
    // In the dead band: neither over nor recovered.
    return { track: { ...track, overSinceMs: null, underSinceMs: null }, transition: null };
  }
  const underSinceMs = track.underSinceMs ?? atMs;
  const recovers = atMs - underSinceMs >= sustainedMs / 2;
  return {
    track: recovers ? initialMetricTrack : { overSinceMs: null, underSinceMs, isAlerting: true },
    transition: recovers ? { type: 'recovered', percentOfLimit: value, atMs } : null,
  };
}
