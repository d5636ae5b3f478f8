/** Number formats for bytes, rates, percentages and durations, in the person's locale. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

// Formatters are costly to build (~0.5 ms each); lists of thousands of rows reuse these.
const numberFormats = [0, 1].map((digits) => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOfDayFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const clockTimeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const DAY_MS = 86_400_000;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${numberFormats[digits]!.format(value)} ${UNITS[unit]}`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatPercent(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)}%`;
}

/** "3d 4h", "5h 12m", "4m 3s". */
export function formatUptime(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '—';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m ${s % 60}s`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return dateFormat.format(date);
}

/** A MiB limit as bytes, or null when 0 (unlimited). */
export function mibLimitBytes(mib: number): number | null {
  return mib > 0 ? mib * 1024 * 1024 : null;
}

/** A moment as the time of day when it was within the last day ("14:03"), else with its date. */
export function formatSeenAt(epochMs: number, nowMs = Date.now()): string {
  if (!Number.isFinite(epochMs)) return '—';
  return nowMs - epochMs < DAY_MS ? timeOfDayFormat.format(epochMs) : dateFormat.format(epochMs);
}

/** A moment as the time of day to the second ("14:03:20"), for when a wait ends. */
export function formatClockTime(epochMs: number): string {
  return Number.isFinite(epochMs) ? clockTimeFormat.format(epochMs) : '—';
}

/** An uptime share as 100%, 99.5%, 42%: rounded down, so any time down never reads as 100%; a decimal near the top. */
export function formatUptimeShare(share: number): string {
  if (share >= 1) return '100%';
  const percent = Math.max(0, share) * 100;
  return percent >= 99 ? `${(Math.floor(percent * 10) / 10).toFixed(1)}%` : `${Math.floor(percent)}%`;
}
