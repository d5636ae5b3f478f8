/**
 * Resource use that drifts plausibly and deterministically: CPU wobbles around a base, memory
 * hovers near a level, network counters only grow while running; everything but disk is 0 while
 * offline (§4.2). Computed from the clock on demand, so 1000 servers need no timers.
 */
import { noise } from '../util/random';
import type { SimServer } from './servers';

const MIB = 1024 * 1024;
/** Wings adds overhead to the container's memory limit (`memory_limit_bytes`). */
const MEMORY_OVERHEAD = 1.05;

/** One reading, in the sim's vocabulary. */
export interface StatsReading {
  state: SimServer['state'];
  memoryBytes: number;
  memoryLimitBytes: number;
  cpuAbsolute: number;
  diskBytes: number;
  rxBytes: number;
  txBytes: number;
  uptimeMs: number;
}

function counter(ratePerSec: number, uptimeMs: number, seed: number): number {
  const seconds = uptimeMs / 1000;
  // rate*t + A*sin(t/P) with A <= rate*P never decreases, yet it is not a straight line.
  const period = 7;
  const phase = seed % 10;
  const wave = Math.sin(seconds / period + phase) - Math.sin(phase);
  return Math.floor(ratePerSec * seconds + 0.5 * ratePerSec * period * wave);
}

/** The server's resources at `nowMs`; `tickMs` is how often the wobble changes. */
export function readStats(server: SimServer, nowMs: number, tickMs: number): StatsReading {
  const memoryLimitBytes = Math.round(server.limits.memory * MIB * MEMORY_OVERHEAD);
  const diskBytes = Math.max(0, server.baseDiskBytes + (server.tree?.bytesDelta ?? 0));
  const base = { state: server.state, memoryLimitBytes, diskBytes };
  if (server.state === 'offline' || server.startedAtMs === null) {
    return { ...base, memoryBytes: 0, cpuAbsolute: 0, rxBytes: 0, txBytes: 0, uptimeMs: 0 };
  }
  const uptimeMs = Math.max(0, nowMs - server.startedAtMs);
  const step = Math.floor(nowMs / Math.max(1, tickMs));
  const wobble = noise(server.seed, step);
  const warmup = server.state === 'starting' ? 0.4 : 1;
  const memoryFraction = server.memoryLevel * warmup + (wobble - 0.5) * 0.04;
  const cpu = server.state === 'starting' ? 80 + wobble * 60 : server.cpuBase * (0.6 + wobble * 0.8);
  return {
    ...base,
    memoryBytes: Math.max(0, Math.round(server.limits.memory * MIB * memoryFraction)),
    cpuAbsolute: Math.round(cpu * 1000) / 1000,
    rxBytes: Math.max(0, counter(server.rxBytesPerSec, uptimeMs, server.seed)),
    txBytes: Math.max(0, counter(server.txBytesPerSec, uptimeMs, server.seed + 1)),
    uptimeMs,
  };
}

/** The websocket `stats` payload (Wings shape: `state`, nested `network`), as the JSON string it is sent as. */
export function wingsStatsJson(reading: StatsReading, withDiskIo: boolean): string {
  const payload: Record<string, unknown> = {
    memory_bytes: reading.memoryBytes,
    memory_limit_bytes: reading.memoryLimitBytes,
    cpu_absolute: reading.cpuAbsolute,
    network: { rx_bytes: reading.rxBytes, tx_bytes: reading.txBytes },
    uptime: reading.uptimeMs,
    state: reading.state,
    disk_bytes: reading.diskBytes,
  };
  if (withDiskIo) payload.disk_io = { read_bytes: Math.floor(reading.uptimeMs * 3), write_bytes: Math.floor(reading.uptimeMs * 2) };
  return JSON.stringify(payload);
}

/** The REST `/resources` attributes (`current_state`, flat network keys). */
export function restStatsAttributes(reading: StatsReading, isSuspended: boolean): Record<string, unknown> {
  return {
    current_state: reading.state,
    is_suspended: isSuspended,
    resources: {
      memory_bytes: reading.memoryBytes,
      cpu_absolute: reading.cpuAbsolute,
      disk_bytes: reading.diskBytes,
      network_rx_bytes: reading.rxBytes,
      network_tx_bytes: reading.txBytes,
      uptime: reading.uptimeMs,
    },
  };
}
