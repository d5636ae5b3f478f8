import { describe, expect, it } from 'vitest';
import { createIncidentRecorder, RETENTION_MS, type Incident } from '../../../../src/core/incidents';
import type { MonitorEventMap } from '../../../../src/core/monitor/types';
import type { NotifiableEvent } from '../../../../src/core/rules/notification-policy';
import { openStore } from '../../../../src/core/store/database';
import { STORE_MODULES } from '../../../../src/core/store/modules';
import { silentLogger } from '../../../../src/core/util/deps';
import { TypedEmitter } from '../../../../src/core/util/typed-emitter';
import type { ServerView } from '../../../../src/shared/types';
import { crashDaemonLines, daemonLine } from '../../../../src/sim/state/console';
import { ManualClock } from '../../../helpers/manual-clock';

const T0 = Date.UTC(2026, 11, 4, 1, 0, 0);
const ref = { accountId: 'a1', identifier: 'abc12345' };
const server = { ...ref, name: 'Survival 1' };

function setup() {
  const clock = new ManualClock(T0);
  const { db } = openStore(':memory:', STORE_MODULES, { logger: silentLogger });
  const monitor = new TypedEmitter<MonitorEventMap>(silentLogger, 'monitor');
  const views = [{ ...ref, name: 'Survival 1', node: 'Node A' } as ServerView];
  const recorder = createIncidentRecorder({
    monitor: { on: (e, fn) => monitor.on(e, fn), servers: () => views },
    db,
    clock,
    logger: silentLogger,
    accountName: (id) => (id === 'a1' ? 'Home panel' : id),
    actorName: () => 'alice',
  });
  const told: Incident[] = [];
  recorder.on('incident', (i) => {
    // The feed's promise to the alert channels: told only once it is on disk.
    expect(recorder.store.get(i.id)).toEqual(i);
    told.push(i);
  });
  const event = (e: NotifiableEvent): void => monitor.emit('event', e);
  return { clock, db, monitor, recorder, told, event };
}

describe('the incident recorder', () => {
  it('a crash: stored once with the last lines, Wings’ exit code and the OOM flag; told once', () => {
    const { monitor, recorder, told, event, clock } = setup();
    const console = (text: string): void => monitor.emit('console', { server: ref, text, kind: 'output' });
    console('[Server thread/INFO]: Preparing spawn area: 97%');
    console('[Server thread/ERROR]: java.lang.OutOfMemoryError: Java heap space');
    for (const line of crashDaemonLines(137, true)) console(daemonLine('pterodactyl', line));
    const crash: NotifiableEvent = { type: 'crash', server, atMs: clock.now(), crashId: 1, reaction: 'restarting', isRepeat: false, loop: null };
    event(crash);
    event(crash); // The monitor repeating itself (a replay) is the same incident.
    expect(told).toHaveLength(1);
    const [incident] = told;
    expect(incident).toMatchObject({
      kind: 'crash',
      severity: 'critical',
      title: 'Survival 1 crashed: out of memory',
      accountName: 'Home panel',
      node: 'Node A',
      crash: { exitCode: 137, oomKilled: true, reaction: 'restarting' },
    });
    expect(incident?.detail).toContain('exit code 137');
    expect(incident?.detail).toContain('Wings is restarting it.');
    expect(incident?.crash?.lastLines).toEqual([
      '[Server thread/INFO]: Preparing spawn area: 97%',
      '[Server thread/ERROR]: java.lang.OutOfMemoryError: Java heap space',
    ]);
    expect(recorder.store.get(incident!.id)).toEqual(incident);
    recorder.dispose();
  });

  it('state changes, usage raised and cleared, node and key episodes; not a first sight nor a crash’s own offline', () => {
    const { told, event } = setup();
    const at = T0;
    event({ type: 'state', server, from: 'unknown', to: 'running', atMs: at, isCrash: false });
    event({ type: 'state', server, from: 'running', to: 'offline', atMs: at + 1, isCrash: true });
    event({ type: 'state', server, from: 'running', to: 'stopping', atMs: at + 2, isCrash: false });
    event({ type: 'usage', server, metric: 'memory', percentOfLimit: 95.4, atMs: at + 3 });
    event({ type: 'usage-cleared', server, metric: 'memory', percentOfLimit: 40, atMs: at + 4 });
    event({ type: 'node-unreachable', accountId: 'a1', accountName: 'Home panel', node: 'Node A', atMs: at + 5 });
    event({ type: 'node-recovered', accountId: 'a1', node: 'Node A', atMs: at + 6 });
    event({ type: 'key-revoked', accountId: 'a1', accountName: 'Home panel', atMs: at + 7 });
    expect(told.map((i) => [i.kind, i.title])).toEqual([
      ['state', 'Survival 1 is stopping'],
      ['usage-raised', 'Survival 1: Memory high'],
      ['usage-cleared', 'Survival 1: Memory back to normal'],
      ['node-unreachable', 'Node A is unreachable'],
      ['node-recovered', 'Node A is reachable again'],
      ['key-revoked', 'Home panel: API key rejected'],
    ]);
    expect(told.find((i) => i.kind === 'key-revoked')).toMatchObject({ server: null, severity: 'critical' });
  });

  it('backups made, failed and restored, and power asked through the app with who asked', () => {
    const { monitor, told } = setup();
    const backup = { uuid: 'b-1', isSuccessful: true, checksum: null, checksumType: null, fileSizeBytes: 10 };
    monitor.emit('backup-completed', ref, backup);
    monitor.emit('backup-completed', ref, backup); // Wings says it again on a reconnect: once.
    monitor.emit('backup-completed', ref, { ...backup, uuid: 'b-2', isSuccessful: false });
    monitor.emit('backup-restored', ref);
    monitor.emit('power-asked', ref, 'restart', T0 + 10);
    expect(told.map((i) => i.kind)).toEqual(['backup-completed', 'backup-failed', 'backup-restored', 'power']);
    expect(told.at(-1)).toMatchObject({ actor: 'alice', title: 'Survival 1 restarted by alice', source: 'app' });
  });

  it('merges the panel’s activity once, without its properties or IP, and not the app’s own power request again', () => {
    const { monitor, recorder, told } = setup();
    monitor.emit('power-asked', ref, 'start', T0);
    const entry = (id: string, event: string, atMs: number, isApi = true) => ({
      id,
      event,
      isApi,
      ip: '203.0.113.9',
      description: null,
      properties: { old: 'hunter2-secret', new: 'x' },
      timestamp: new Date(atMs).toISOString(),
      actorUsername: 'bob',
    });
    const page = [
      entry('e1', 'server:power.start', T0 + 1_000),
      entry('e2', 'server:startup.edit', T0 + 2_000, false),
      entry('e3', 'server:power.stop', T0 + 3_000),
      entry('e4', 'server:file.write', T0 - RETENTION_MS - 1), // Older than the timeline keeps.
    ];
    expect(recorder.importActivity(ref, page)).toBe(2);
    expect(recorder.importActivity(ref, page)).toBe(0);
    const merged = told.filter((i) => i.source === 'panel');
    expect(merged.map((i) => i.title)).toEqual(['Survival 1: startup edit by bob', 'Survival 1: power stop by bob']);
    expect(JSON.stringify(recorder.store.list())).not.toMatch(/hunter2|203\.0\.113/);
  });

  it('words a state change in the past, never "It was stopping." (issue 15)', () => {
    const { recorder, event } = setup();
    event({ type: 'state', server, from: 'running', to: 'stopping', atMs: T0, isCrash: false });
    event({ type: 'state', server, from: 'stopping', to: 'offline', atMs: T0 + 1_000, isCrash: false });
    event({ type: 'state', server, from: 'offline', to: 'starting', atMs: T0 + 2_000, isCrash: false });
    event({ type: 'state', server, from: 'starting', to: 'running', atMs: T0 + 3_000, isCrash: false });
    const details = recorder.store.list().map((i) => [i.title, i.detail]);
    expect(details).toEqual([
      ['Survival 1 is up', 'It finished starting.'],
      ['Survival 1 is starting', 'It had been offline.'],
      ['Survival 1 went down', 'It finished stopping.'],
      ['Survival 1 is stopping', 'It had been running.'],
    ]);
    expect(details.flat().join(' ')).not.toMatch(/It was (stopping|starting|running|offline)/);
  });

  it('keeps 90 days: older incidents are dropped at start and every hour; dispose leaves no timer', () => {
    const { clock, recorder, event } = setup();
    event({ type: 'state', server, from: 'running', to: 'stopping', atMs: T0, isCrash: false });
    event({ type: 'state', server, from: 'stopping', to: 'offline', atMs: T0 + 60 * 60_000, isCrash: false });
    clock.advance(RETENTION_MS + 30 * 60_000);
    expect(recorder.store.list().map((i) => i.title)).toEqual(['Survival 1 went down', 'Survival 1 is stopping']);
    clock.advance(60 * 60_000);
    expect(recorder.store.list().map((i) => i.title)).toEqual(['Survival 1 went down']);
    recorder.dispose();
    expect(clock.pendingCount).toBe(0);
  });

  it('a store that refuses the write is logged, and the monitor goes on', () => {
    const { db, told, event } = setup();
    db.exec('DROP TABLE incidents_log');
    expect(() => event({ type: 'state', server, from: 'running', to: 'stopping', atMs: T0, isCrash: false })).not.toThrow();
    expect(told).toEqual([]);
  });
});
