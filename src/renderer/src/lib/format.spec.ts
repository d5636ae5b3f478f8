import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent, formatUptime, mibLimitBytes } from './format';

describe('format', () => {
  it.each([
    [0, '0 B'],
    [1023, '1,023 B'],
    [1536, '1.5 KiB'],
    [1024 * 1024 * 200, '200 MiB'],
    [-1, '—'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('formats uptime, percent and limits', () => {
    expect(formatUptime(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
    expect(formatUptime(65_000)).toBe('1m 5s');
    expect(formatUptime(0)).toBe('—');
    expect(formatPercent(12.345, 1)).toBe('12.3%');
    expect(mibLimitBytes(0)).toBeNull();
    expect(mibLimitBytes(2)).toBe(2 * 1024 * 1024);
  });
});
