import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate } from '../../../lib/format';
import { formatModified, formatSize } from './entry-format';

describe('entry-format matches lib/format', () => {
  it.each([0, 1, 1023, 1536, 99 * 1024, 150 * 1024, 5 * 1024 ** 3, -1, Number.NaN])('formatSize(%d)', (bytes) => {
    expect(formatSize(bytes)).toBe(formatBytes(bytes));
  });

  it.each(['2024-05-02T09:30:00+00:00', null, 'not a date'])('formatModified(%j)', (iso) => {
    expect(formatModified(iso)).toBe(formatDate(iso));
  });
});
