/** The machine a run happened on, for the report: what someone needs to compare figures. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';

/** What was running the benchmark. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  curl: string;
  /** 1-minute load average when the run started (other work on the machine skews figures). */
  loadAtStart: number;
  date: string;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function curlVersion(): string {
  try {
    return execFileSync('curl', ['--version'], { encoding: 'utf8' }).split('\n')[0]?.split(' ').slice(0, 2).join(' ') ?? 'unknown';
  } catch {
    return 'not found';
  }
}

/** Reads the machine's description now. */
export function describeMachine(): MachineInfo {
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    kernel: release(),
    curl: curlVersion(),
    loadAtStart: loadavg()[0] ?? 0,
    date: new Date().toISOString(),
  };
}

/** One line: `2 × AMD EPYC, 24 GiB, Node v20.20.2, …`. */
export function machineLine(info: MachineInfo, loadAtEnd: number): string {
  return (
    `${info.cpus} × ${info.cpuModel}, ${info.memoryGiB} GiB RAM, Linux ${info.kernel}, Node ${info.node}, ${info.curl}; ` +
    `load average ${info.loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end; ${info.date}`
  );
}
