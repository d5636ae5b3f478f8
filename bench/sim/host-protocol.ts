/** Messages between the bench and its sim host (a child process running the simulated panels). */
import type { SimPanelOptions } from '../../src/sim';

/** A panel as the bench reaches it. The key is the sim's own test key; it is never printed. */
export interface HostedPanel {
  url: string;
  wingsUrl: string;
  apiKey: string;
}

/** CPU and memory of a process, as `process.cpuUsage()` and `process.memoryUsage()` give them. */
export interface ProcessUsage {
  cpuMicros: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/** Options a panel can be started with from another process (no clock: it cannot cross). */
export type HostedPanelOptions = Omit<SimPanelOptions, 'clock'>;

export type HostRequest = { type: 'start'; panels: HostedPanelOptions[] } | { type: 'usage' } | { type: 'close' };

export type HostReply =
  { type: 'started'; panels: HostedPanel[] } | { type: 'usage'; usage: ProcessUsage } | { type: 'closed' } | { type: 'failed'; message: string };

/** Reads this process's usage. */
export function ownUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return { cpuMicros: cpu.user + cpu.system, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
}
