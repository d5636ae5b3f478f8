/**
 * The keeper as main and the daemon share it: it records the monitor's states and stats into the
 * store, stops recording on dispose, and writes what was buffered before the caller closes the db.
 */
import { describe, expect, it } from 'vitest';
import { startKeeper } from '../../../../src/core/keeper/keeper';
import { openStore } from '../../../../src/core/store/database';
import { STORE_MODULES } from '../../../../src/core/store/modules';
import { silentLogger } from '../../../../src/core/util/deps';
import type { ServerRef, ServerView, StatsSample } from '../../../../src/shared/types';
import { ManualClock } from '../../../helpers/manual-clock';

/** A monitor with one server whose state the test sets. */
class FakeMonitor {
  private stats = new Set<(ref: ServerRef, sample: StatsSample) => void>();
  private changed = new Set<() => void>();
  view = { accountId: 'main', identifier: '1a2b3c4d', state: 'offline', isStateCurrent: true } as ServerView;

  on(event: string, listener: never): () => void {
    // The incidents' recorder listens to the monitor's other events too; this monitor has none.
    if (event !== 'stats' && event !== 'changed') return () => {};
    const set = (event === 'stats' ? this.stats : this.changed) as Set<unknown>;
    set.add(listener);
    return () => set.delete(listener);
  }
  servers(): ServerView[] {
    return [this.view];
  }
  setState(state: ServerView['state']): void {
    this.view = { ...this.view, state };
    for (const fn of this.changed) fn();
  }
  sample(at: number): void {
    for (const fn of this.stats)
      fn(this.view, { at, cpuPercent: 12.5, memoryBytes: 1 << 30, diskBytes: 1 << 31, networkRxBytesPerSec: 10, networkTxBytesPerSec: 20, uptimeMs: 1000 });
  }
  get listenerCount(): number {
    return this.stats.size + this.changed.size;
  }
}

function count(db: ReturnType<typeof openStore>['db'], table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('startKeeper', () => {
  it('records states and stats, and on dispose writes the buffer, marks the states unknown and stops listening', () => {
    const clock = new ManualClock(Date.UTC(2026, 11, 4));
    const { db } = openStore(':memory:', STORE_MODULES, { logger: silentLogger });
    const monitor = new FakeMonitor();
    const keeper = startKeeper({ monitor, db, clock, logger: silentLogger });
    clock.advance(1_000);
    monitor.setState('running');
    monitor.sample(clock.now());
    expect(count(db, 'history_raw')).toBe(0); // Buffered until the next flush.

    clock.advance(1_000);
    keeper.dispose();
    expect(count(db, 'history_raw')).toBe(1);
    const states = db.prepare('SELECT state FROM history_states ORDER BY at_ms').all() as Array<{ state: string }>;
    expect(states.map((s) => s.state)).toEqual(['offline', 'running', 'unknown']);
    expect(monitor.listenerCount).toBe(0);
    expect(clock.pendingCount).toBe(0);

    keeper.dispose(); // Twice is harmless.
    monitor.sample(clock.now());
    expect(count(db, 'history_raw')).toBe(1);
    db.close();
  });
});
