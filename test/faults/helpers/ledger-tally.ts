/** The fault ledger's line format and its tally, shared by the writer and the global setup. */

/** One line of the ledger: a fault was tried, or it was survived (every assertion held). */
export interface LedgerLine {
  fault: string;
  outcome: 'tried' | 'survived';
}

export interface LedgerTally {
  tried: number;
  survived: number;
  /** Faults tried and not survived, by name. */
  failed: string[];
}

/** Counts distinct faults: a fault tried twice (a retried test) counts once. */
export function tallyLedger(lines: readonly LedgerLine[]): LedgerTally {
  const tried = new Set(lines.filter((l) => l.outcome === 'tried').map((l) => l.fault));
  const survived = new Set(lines.filter((l) => l.outcome === 'survived').map((l) => l.fault));
  return { tried: tried.size, survived: survived.size, failed: [...tried].filter((f) => !survived.has(f)) };
}
