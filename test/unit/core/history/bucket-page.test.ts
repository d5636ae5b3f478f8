import { describe, expect, it } from 'vitest';
import { decodePage, encodePage, pageBytes, type SlotValues } from '../../../../src/core/history/bucket-page';

function slot(count: number, cpu: number, memory: number): SlotValues {
  const m = (v: number) => ({ min: v / 2, avg: v, max: v * 2 });
  return { count, metrics: { cpuPercent: m(cpu), memoryBytes: m(memory), diskBytes: m(5e10), networkRxBytesPerSec: m(10), networkTxBytesPerSec: m(0) } };
}

describe('bucket pages', () => {
  it('packs 18 quarters in 644 bytes and an hour of minutes in 1988, so 6 and 2 fill a 4 KiB page', () => {
    expect(pageBytes(18)).toBe(644);
    expect(pageBytes(60)).toBe(1988);
    expect(encodePage(Array(18).fill(null)).byteLength).toBe(644);
  });

  it('round-trips empty slots as empty and counts exactly', () => {
    const slots = [slot(450, 12.5, 2 ** 33), null, slot(1, 0, 0)];
    const back = decodePage(encodePage(slots), 3);
    expect(back[1]).toBeNull();
    expect(back[0]!.count).toBe(450);
    expect(back[2]!.count).toBe(1);
  });

  it('keeps every value within 1/131070 of its metric’s largest value on the page', () => {
    const slots = Array.from({ length: 60 }, (_, i) => slot(30, (i * 7.3) % 200, (i + 1) * 123_456_789));
    const back = decodePage(encodePage(slots), 60);
    const maxCpu = Math.max(...slots.map((s) => s.metrics.cpuPercent.max));
    // min/avg/max of a metric share its largest max as the scale.
    const maxMem = Math.max(...slots.map((s) => s.metrics.memoryBytes.max));
    slots.forEach((s, i) => {
      expect(Math.abs(back[i]!.metrics.cpuPercent.avg - s.metrics.cpuPercent.avg)).toBeLessThanOrEqual(maxCpu / 131_070 + 1e-9);
      expect(Math.abs(back[i]!.metrics.memoryBytes.max - s.metrics.memoryBytes.max)).toBeLessThanOrEqual(maxMem / 131_070 + 1e-3);
      expect(back[i]!.metrics.networkTxBytesPerSec).toEqual({ min: 0, avg: 0, max: 0 });
    });
  });

  it('keeps min ≤ avg ≤ max after rounding, however close they are', () => {
    const slots = Array.from({ length: 60 }, (_, i) => {
      const v = 33.6998 + i * 1e-5;
      const m = (x: number) => ({ min: x, avg: x + 1e-7, max: x + 2e-7 });
      return { count: 30, metrics: { cpuPercent: m(v), memoryBytes: m(v * 1e9), diskBytes: m(v), networkRxBytesPerSec: m(v), networkTxBytesPerSec: m(v) } };
    });
    for (const slot of decodePage(encodePage(slots), 60)) {
      for (const metric of Object.values(slot!.metrics)) {
        expect(metric.min).toBeLessThanOrEqual(metric.avg);
        expect(metric.avg).toBeLessThanOrEqual(metric.max);
      }
    }
  });

  it('reads a blob of another size or version as empty, never throwing', () => {
    expect(decodePage(new Uint8Array(10), 60)).toEqual(Array(60).fill(null));
    const other = encodePage([slot(1, 1, 1)]);
    other[0] = 9;
    expect(decodePage(other, 1)).toEqual([null]);
  });

  it('treats non-finite and negative values as 0 rather than poisoning the page', () => {
    const bad = slot(3, Number.NaN, -5);
    const [back] = decodePage(encodePage([bad, slot(3, 50, 100)]), 2);
    expect(back!.metrics.cpuPercent.avg).toBe(0);
    expect(back!.metrics.memoryBytes.avg).toBe(0);
  });
});
