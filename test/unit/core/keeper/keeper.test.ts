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
import { AsyncClock, ManualClock } from '../../../helpers/manual-clock';
import { crashIncident } from '../../../helpers/alert-fixtures';
import type { HttpPost } from '../../../../src/core/alerts/http-post';
import type { HttpAnswer } from '../../../../src/core/alerts/outcome';

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

describe('startKeeper with the daemon’s channels', () => {
  const CHANNEL = { type: 'discord', name: 'Ops', url: 'https://discord.example/api/webhooks/1/SECRET' } as const;

  function answer(status: number): HttpAnswer {
    return { status, header: () => null, text: '' };
  }

  it('sends each stored incident to the channel once, tells its failing mark once each way, and keeps its queue across a reload', async () => {
    const clock = new AsyncClock(Date.UTC(2026, 11, 4));
    const { db } = openStore(':memory:', STORE_MODULES, { logger: silentLogger });
    const sent: string[] = [];
    let isDown = false;
    const post: HttpPost = async (request) => {
      if (isDown) return answer(503);
      sent.push(String(request.body));
      return answer(204);
    };
    const health: string[] = [];
    const keeper = startKeeper({
      monitor: new FakeMonitor(),
      db,
      clock,
      logger: silentLogger,
      alerts: { from: 'config', channels: [CHANNEL] },
      post,
      onChannelHealth: (channel, status) => health.push(`${channel.name}:${status.health}`),
    });
    const crash = crashIncident({ title: 'Survival 1 crashed' });
    expect(keeper.incidents.record(crash)).toBe(true);
    expect(keeper.incidents.record(crash)).toBe(false); // stored once, told once
    await clock.advance(1_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Survival 1 crashed');
    expect(sent[0]).not.toContain('SECRET');

    isDown = true;
    keeper.incidents.record(crashIncident({ title: 'Survival 1 crashed again' }));
    await clock.advance(10 * 60_000); // several failures, backing off
    expect(health).toEqual(['Ops:failing']);
    // A reload that keeps the channel (same name) keeps what it has queued.
    keeper.setChannels([{ ...CHANNEL }]);
    isDown = false;
    await clock.advance(10 * 60_000);
    expect(sent.map((b) => (b.includes('again') ? 'again' : 'first'))).toEqual(['first', 'again']);
    expect(health).toEqual(['Ops:failing', 'Ops:ok']);
    keeper.dispose();
    db.close();
  });
});
