import { describe, expect, it } from 'vitest';
import { cpuMsFromStat, sampleProcess } from './proc';

describe('cpuMsFromStat', () => {
  it('reads utime and stime after a command name with spaces and parentheses', () => {
    const rest = 'S 1 2 3 4 5 6 7 8 9 10 150 50 0 0';
    expect(cpuMsFromStat(`42 (node (bench) x) ${rest}`)).toBe(2000);
  });
});

describe('sampleProcess', () => {
  it('measures this process and nothing for a process that is gone', () => {
    const sample = sampleProcess(process.pid);
    expect(sample?.rssBytes).toBeGreaterThan(10 * 1048576);
    expect(sample?.peakRssBytes).toBeGreaterThanOrEqual(sample?.rssBytes ?? Infinity);
    expect(sample?.cpuMs).toBeGreaterThan(0);
    expect(sampleProcess(2 ** 22 + 12345)).toBeNull();
  });
});
