/**
 * Size and date text for the file list, with the Intl formatters built once. The list formats a
 * screenful of rows on every scroll frame, and `toLocaleString` with options builds a new
 * formatter per call (about 0.6 ms for a date in Chromium): fine for a label, too slow here.
 * The output matches lib/format.ts.
 */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const wholeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const tenthsFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const format = unit === 0 || value >= 100 ? wholeFormat : tenthsFormat;
  return `${format.format(value)} ${UNITS[unit]}`;
}

export function formatModified(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateFormat.format(date);
}
