/**
 * The faults project's global setup: a scratch folder where every test file records the faults it
 * tried and survived (fault-ledger.ts), and, when the run ends, one line with the tally:
 * `faults: N tried, N survived`. It prints from the main vitest process, so `npm test` shows it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { tallyLedger, type LedgerLine } from './ledger-tally';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where fault-ledger.ts writes one JSON line per fault tried and survived. */
    faultLedgerDir: string;
  }
}

function readLines(dir: string): LedgerLine[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LedgerLine);
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'pterotray-faults-'));
  project.provide('faultLedgerDir', dir);
  return () => {
    const tally = tallyLedger(readLines(dir));
    rmSync(dir, { recursive: true, force: true });
    const failed = tally.failed.length > 0 ? ` (not survived: ${tally.failed.join('; ')})` : '';
    console.log(`\nfaults: ${tally.tried} tried, ${tally.survived} survived${failed}\n`);
  };
}
