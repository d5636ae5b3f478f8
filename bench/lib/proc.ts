/** Another process's memory and CPU time, read from /proc (Linux), without touching the process. */
import { readFileSync } from 'node:fs';

/** What /proc tells about a process at one moment. */
export interface ProcSample {
  atMs: number;
  rssBytes: number;
  /** The highest RSS so far (VmHWM). */
  peakRssBytes: number;
  /** User + system CPU time so far. */
  cpuMs: number;
}

// USER_HZ: 100 on every Linux the bench runs on (`getconf CLK_TCK`).
const TICKS_PER_SECOND = 100;

function kib(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Parses /proc/<pid>/stat's utime and stime (fields 14 and 15), after the `(comm)` field. */
export function cpuMsFromStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** A sample of `pid`, or null when it is gone. */
export function sampleProcess(pid: number): ProcSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return { atMs: Date.now(), rssBytes: kib(status, 'VmRSS'), peakRssBytes: kib(status, 'VmHWM'), cpuMs: cpuMsFromStat(stat) };
  } catch {
    return null;
  }
}
