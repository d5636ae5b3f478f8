import { describe, expect, it } from 'vitest';
import { parseCurlOutput } from './transfer-runs';

describe('parseCurlOutput', () => {
  it("reads bytes and seconds from -w and the peak RSS from GNU time's last line", () => {
    expect(parseCurlOutput('1073741824 0 2.5\n', 'some warning\n10520\n')).toEqual({ bytes: 1073741824, transferMs: 2500, peakRssBytes: 10520 * 1024 });
    expect(parseCurlOutput('0 1073741824 4.000', '9000')).toEqual({ bytes: 1073741824, transferMs: 4000, peakRssBytes: 9000 * 1024 });
  });
});
