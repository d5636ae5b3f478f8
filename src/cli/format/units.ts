/** Human renderings of the API's units: bytes, MiB limits, milliseconds of uptime. */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `1536` → `1.5 KiB`; binary units, one decimal from KiB up. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/** A memory or disk limit in MiB, where 0 means unlimited. */
export function formatLimitMib(mib: number): string {
  return mib === 0 ? 'unlimited' : formatBytes(mib * 1024 * 1024);
}

/** A CPU limit in percent of one core, where 0 means unlimited. */
export function formatCpuLimit(percent: number): string {
  return percent === 0 ? 'unlimited' : `${percent}%`;
}

/** `93784000` → `1d 2h 3m 4s`; zero units are left out, `0s` for zero. */
export function formatDuration(ms: number): string {
  let seconds = Math.max(0, Math.floor(ms / 1000));
  const parts: string[] = [];
  for (const [size, suffix] of [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'm'],
  ] as const) {
    const count = Math.floor(seconds / size);
    if (count > 0) parts.push(`${count}${suffix}`);
    seconds -= count * size;
  }
  if (seconds > 0 || parts.length === 0) parts.push(`${seconds}s`);
  return parts.join(' ');
}
