// Loaded into the app's main process by the idle benchmark only (NODE_OPTIONS=--import, with
// --expose-gc). It starts nothing: on SIGUSR2 it reads the CPU time, collects garbage (so the heap
// figure is what is really kept, not what awaits collection) and writes the process's figures to
// the file named by PTEROTRAY_BENCH_PROBE, atomically.
import { renameSync, writeFileSync } from 'node:fs';

const out = process.env.PTEROTRAY_BENCH_PROBE;
// On the double, one kill(SIGUSR2) was seen to run the listener twice ~300 ms apart; the bench
// asks at most every few seconds, so a repeat this close is the same request (and its GCs would
// count as idle CPU).
const REPEAT_MS = 1_000;
let lastAtMs = 0;

if (out) {
  process.on('SIGUSR2', () => {
    const atMs = Date.now();
    if (atMs - lastAtMs < REPEAT_MS) return;
    lastAtMs = atMs;
    const cpu = process.cpuUsage();
    globalThis.gc?.();
    globalThis.gc?.();
    const memory = process.memoryUsage();
    const figures = {
      atMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      heapUsedBytes: memory.heapUsed,
      heapTotalBytes: memory.heapTotal,
      externalBytes: memory.external,
      rssBytes: memory.rss,
      hasGc: typeof globalThis.gc === 'function',
    };
    writeFileSync(`${out}.tmp`, JSON.stringify(figures));
    renameSync(`${out}.tmp`, out);
  });
}
