/**
 * A server's recent stats in a fixed ring of typed arrays: one allocation per server for its
 * whole life, so 500 servers pushing stats every second for hours never grow the heap. Network
 * counters are cumulative on the wire; the history keeps rates (bytes/s) between kept samples,
 * which is what a graph plots (the official UI plots the difference of successive counters).
 */
import type { ServerResources } from '../api/models';
import type { StatsSample } from '../../shared/types';

const FIELDS = 7;
const AT = 0;
const CPU = 1;
const MEMORY = 2;
const DISK = 3;
const RX = 4;
const TX = 5;
const UPTIME = 6;

/** Ring buffer of StatsSample. */
export class StatsHistory {
  private data: Float64Array | null = null;
  private start = 0;
  private count = 0;
  private lastAtMs = Number.NEGATIVE_INFINITY;
  private lastRxBytes = 0;
  private lastTxBytes = 0;

  constructor(
    private readonly capacity: number,
    private readonly minSpacingMs: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /**
   * Keeps a sample unless it comes less than `minSpacingMs` after the last kept one. Returns the
   * kept sample, or null. A counter that went down (the container restarted) gives a rate of 0.
   */
  add(resources: ServerResources, atMs: number): StatsSample | null {
    if (this.capacity <= 0 || atMs - this.lastAtMs < this.minSpacingMs) return null;
    const seconds = (atMs - this.lastAtMs) / 1000;
    const isFirst = this.count === 0 || !Number.isFinite(seconds) || seconds <= 0;
    const sample: StatsSample = {
      at: atMs,
      cpuPercent: resources.cpuAbsolute,
      memoryBytes: resources.memoryBytes,
      diskBytes: resources.diskBytes,
      networkRxBytesPerSec: isFirst ? 0 : rate(resources.networkRxBytes, this.lastRxBytes, seconds),
      networkTxBytesPerSec: isFirst ? 0 : rate(resources.networkTxBytes, this.lastTxBytes, seconds),
      uptimeMs: resources.uptimeMs,
    };
    this.write(sample);
    this.lastAtMs = atMs;
    this.lastRxBytes = resources.networkRxBytes;
    this.lastTxBytes = resources.networkTxBytes;
    return sample;
  }

  /** The kept samples, oldest first. */
  samples(): StatsSample[] {
    const out: StatsSample[] = [];
    const data = this.data;
    if (!data) return out;
    for (let i = 0; i < this.count; i++) {
      const o = ((this.start + i) % this.capacity) * FIELDS;
      out.push({
        at: data[o + AT] ?? 0,
        cpuPercent: data[o + CPU] ?? 0,
        memoryBytes: data[o + MEMORY] ?? 0,
        diskBytes: data[o + DISK] ?? 0,
        networkRxBytesPerSec: data[o + RX] ?? 0,
        networkTxBytesPerSec: data[o + TX] ?? 0,
        uptimeMs: data[o + UPTIME] ?? 0,
      });
    }
    return out;
  }

  /** Forgets every sample (the server went away and came back, or its counters are meaningless). */
  clear(): void {
    this.start = 0;
    this.count = 0;
    this.lastAtMs = Number.NEGATIVE_INFINITY;
  }

  private write(sample: StatsSample): void {
    // Allocated on the first sample: servers that never report (suspended) cost nothing.
    const data = (this.data ??= new Float64Array(this.capacity * FIELDS));
    const index = (this.start + this.count) % this.capacity;
    if (this.count < this.capacity) this.count += 1;
    else this.start = (this.start + 1) % this.capacity;
    const o = index * FIELDS;
    data[o + AT] = sample.at;
    data[o + CPU] = sample.cpuPercent;
    data[o + MEMORY] = sample.memoryBytes;
    data[o + DISK] = sample.diskBytes;
    data[o + RX] = sample.networkRxBytesPerSec;
    data[o + TX] = sample.networkTxBytesPerSec;
    data[o + UPTIME] = sample.uptimeMs;
  }
}

function rate(nowBytes: number, thenBytes: number, seconds: number): number {
  return nowBytes >= thenBytes ? (nowBytes - thenBytes) / seconds : 0;
}
