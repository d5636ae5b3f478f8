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
  it(fault, async () => {
    record({ fault, outcome: 'tried' });
    await body();
    record({ fault, outcome: 'survived' });
  }, timeoutMs);
}

/**
 * A fault test that currently finds a bug in the app, kept in place and marked: it passes only
 * while it fails the way the bug makes it fail (`symptom`, matched against the error message), and
 * fails as soon as it passes (the bug is fixed: turn it back into `faultCase`) or fails in another
 * way. The tally counts it as tried and not survived.
 */
export function knownBug(fault: string, bug: string, symptom: RegExp, body: () => Promise<void>, timeoutMs?: number): void {
  it(`${fault} [KNOWN BUG: ${bug}]`, async () => {
    record({ fault, outcome: 'tried' });
    try {
      await body();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (symptom.test(message)) return;
      throw error;
    }
    record({ fault, outcome: 'survived' });
    throw new Error(`"${fault}" no longer shows the known bug (${bug}): make it a faultCase again`);
  }, timeoutMs);
}
