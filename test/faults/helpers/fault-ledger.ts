/**
 * `faultCase` is `it` for a fault: it records the fault as tried before the test runs and as
 * survived only when every assertion of it held. The global setup prints the tally.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject, it } from 'vitest';
import type { LedgerLine } from './ledger-tally';

function record(line: LedgerLine): void {
  const dir = inject('faultLedgerDir');
  // One file per worker process: appends from one process never interleave.
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify(line)}\n`);
}

/** Declares a fault test; `fault` is the name the tally lists it under. */
export function faultCase(fault: string, body: () => Promise<void>, timeoutMs?: number): void {
  it(
    fault,
    async () => {
      record({ fault, outcome: 'tried' });
      await body();
      record({ fault, outcome: 'survived' });
    },
    timeoutMs,
  );
}
