/**
 * The incident recorder over a real ServerMonitor against the simulated panel, without Electron,
 * as the daemon builds it (issue 14): an OOM crash printed as Wings prints it becomes one crash
 * incident with its exit code, OOM flag and last lines, told once on the feed; a power action
 * through the monitor names who asked; everything survives a reopen of the store, and the API key
 * is in none of it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createIncidentRecorder, IncidentStore, type Incident, type IncidentRecorder } from '../../../src/core/incidents';
import { openStore, STORE_FILE, type Database } from '../../../src/core/store/database';
import { STORE_MODULES } from '../../../src/core/store/modules';
import { silentLogger, systemClock } from '../../../src/core/util/deps';
import { ACCOUNT_ID, startRig, type MonitorRig } from './helpers';

let rig: MonitorRig | null = null;
let recorder: IncidentRecorder | null = null;
let db: Database | null = null;
afterEach(async () => {
  recorder?.dispose();
  db?.close();
  await rig?.close();
  [rig, recorder, db] = [null, null, null];
});

describe('incidents from the monitor on the simulated panel', () => {
  it('an OOM crash is one incident with Wings’ exit code, OOM flag and the last lines; power names who asked; all kept on disk', async () => {
    rig = await startRig({ servers: 2 });
    const path = join(mkdtempSync(join(tmpdir(), 'pterotray-incidents-')), STORE_FILE);
    db = openStore(path, STORE_MODULES, { logger: silentLogger }).db;
    const monitor = rig.monitor;
    recorder = createIncidentRecorder({
      monitor,
      db,
      clock: systemClock,
      logger: silentLogger,
      accountName: () => 'Sim panel',
      actorName: (id) => monitor.accounts().find((a) => a.id === id)?.username ?? null,
    });
    const told: Incident[] = [];
    recorder.on('incident', (i) => told.push(i));
    await rig.until(
      'every server live',
      () => monitor.servers().length > 0 && monitor.servers().every((s) => s.isLive && s.state !== 'unknown') && monitor.accounts()[0]?.username != null,
    );
    const running = rig.sim.control.servers().find((s) => s.state === 'running');
    if (!running) throw new Error('no running server');
    const ref = { accountId: ACCOUNT_ID, identifier: running.identifier };

    rig.sim.control.emitConsole(running.identifier, '[Server thread/ERROR]: java.lang.OutOfMemoryError: Java heap space');
    rig.sim.control.crash(running.identifier, { isOutOfMemory: true });
    await rig.until('the crash incident', () => told.some((i) => i.kind === 'crash'), 10_000);
    await rig.until('running again', () => rig?.view(running.identifier)?.state === 'running', 10_000);
    const crashes = told.filter((i) => i.kind === 'crash');
    expect(crashes).toHaveLength(1);
    expect(crashes[0]).toMatchObject({
      accountName: 'Sim panel',
      server: { identifier: running.identifier, name: running.name },
      title: `${running.name} crashed: out of memory`,
      crash: { exitCode: 137, oomKilled: true, reaction: 'restarting' },
    });
    expect(crashes[0]?.crash?.lastLines.at(-1)).toBe('[Server thread/ERROR]: java.lang.OutOfMemoryError: Java heap space');
    // The crash's own offline is the crash, not a state change; Wings' restart is one.
    expect(told.filter((i) => i.kind === 'state').map((i) => i.title)).toContain(`${running.name} is starting`);
    expect(told.filter((i) => i.kind === 'state').map((i) => i.title)).not.toContain(`${running.name} went down`);

    await monitor.power(ref, 'restart');
    const username = monitor.accounts()[0]?.username;
    await rig.until('the power incident', () => told.some((i) => i.kind === 'power'));
    expect(told.find((i) => i.kind === 'power')).toMatchObject({ actor: username, title: `${running.name} restarted by ${username}`, source: 'app' });

    // Each incident was told once, and is on disk after a reopen; the key is in none of it.
    expect(new Set(told.map((i) => i.id)).size).toBe(told.length);
    recorder.dispose();
    recorder = null;
    db.close();
    db = openStore(path, STORE_MODULES, { logger: silentLogger }).db;
    const kept = new IncidentStore(db).list({ limit: 500 });
    expect(kept.map((i) => i.id).sort()).toEqual(told.map((i) => i.id).sort());
    expect(new IncidentStore(db).add(crashes[0]!)).toBe(false);
    for (const file of [path, `${path}-wal`].filter((f) => existsSync(f))) expect(readFileSync(file, 'latin1')).not.toContain(rig.sim.apiKey);
    expect(JSON.stringify(kept)).not.toContain(rig.sim.apiKey);
  });
});
