/**
 * `schedules ls|run|export|import` as a child process against every panel kind, and a schedule
 * exported from one kind imported on another (panel #3010), Pelican's own export format too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelClient } from '../../src/core/api/client';
import type { SimPanel, SimPanelOptions } from '../../src/sim/types';
import { assertCliBuilt } from '../helpers/cli-process';
import { runAgainst } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';

const KINDS: ReadonlyArray<{ label: string; options: SimPanelOptions }> = [
  { label: 'pterodactyl-1.11', options: { version: 'pterodactyl-1.11' } },
  { label: 'pterodactyl-1.12', options: { version: 'pterodactyl-1.12', serverIdentifiers: 'prefixed' } },
  { label: 'pelican', options: { version: 'pelican' } },
];

let dir: string;
beforeAll(() => {
  assertCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pterotray-schedules-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ScheduleRow {
  id: number;
  name: string;
  cron: Record<string, string>;
  is_active: boolean;
  tasks: { sequence_id: number; action: string; payload: string; time_offset: number }[];
}

describe.each(KINDS)('schedules against $label', ({ options }) => {
  let sim: SimPanel;
  beforeAll(async () => {
    sim = await startTestSim({ servers: 2, seed: 13, ...options });
  });
  afterAll(async () => {
    expect(sim.control.requestLog().filter((e) => e.status === 429)).toEqual([]);
    await sim.close();
  });
  const server = (i = 0): string => sim.control.servers()[i]!.identifier;

  it('ls: a table, and --json with the tasks in order', async () => {
    const table = await runAgainst(sim, ['schedules', 'ls', server()]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/ID\s+NAME\s+CRON\s+ACTIVE/);
    expect(table.stdout).toContain('Nightly restart');
    expect(table.stdout).toContain('0 4 * * *');
    const json = await runAgainst(sim, ['schedules', 'ls', server(), '--json']);
    const rows = JSON.parse(json.stdout) as ScheduleRow[];
    expect(rows[0]).toMatchObject({ name: 'Nightly restart', is_active: true, cron: { minute: '0', hour: '4' } });
    expect(rows[0]!.tasks.map((t) => [t.sequence_id, t.action])).toEqual([
      [1, 'command'],
      [2, 'power'],
    ]);
  });

  it('run: 202 from the panel, the schedule processing; an unknown id exits 1, a bad one 2', async () => {
    const [row] = JSON.parse((await runAgainst(sim, ['schedules', 'ls', server(), '--json'])).stdout) as ScheduleRow[];
    const run = await runAgainst(sim, ['schedules', 'run', server(), String(row!.id)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Started schedule ${row!.id}`);
    expect(sim.control.requestLog().some((e) => e.method === 'POST' && e.path.endsWith(`/schedules/${row!.id}/execute`) && e.status === 202)).toBe(true);
    const missing = await runAgainst(sim, ['schedules', 'run', server(), '999999']);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('HTTP 404')]);
    const bad = await runAgainst(sim, ['schedules', 'run', server(), 'abc']);
    expect(bad.code).toBe(2);
  });

  it('export to stdout and to a file, import from the file and from stdin: the same schedule', async () => {
    const [row] = JSON.parse((await runAgainst(sim, ['schedules', 'ls', server(), '--json'])).stdout) as ScheduleRow[];
    const exported = await runAgainst(sim, ['schedules', 'export', server(), String(row!.id)]);
    expect(exported.code, exported.stderr).toBe(0);
    const file = JSON.parse(exported.stdout) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'pterotray-schedule', name: 'Nightly restart', cron: { minute: '0', hour: '4', day_of_week: '*' } });
    const path = join(dir, `${sim.control.servers()[0]!.uuid}.json`);
    const toFile = await runAgainst(sim, ['schedules', 'export', server(), String(row!.id), '-o', path]);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(exported.stdout);

    const imported = await runAgainst(sim, ['schedules', 'import', server(1), path]);
    expect(imported.code, imported.stderr).toBe(0);
    const fromStdin = await runAgainst(sim, ['schedules', 'import', server(1), '-', '--json'], { stdin: exported.stdout });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    const ids = [Number(imported.stdout.trim()), (JSON.parse(fromStdin.stdout) as { id: number }).id];
    const client = new PanelClient({ url: sim.url, apiKey: sim.apiKey });
    try {
      for (const id of ids) {
        const copy = await client.getSchedule(server(1), id);
        expect(copy).toMatchObject({ name: 'Nightly restart', cron: { minute: '0', hour: '4' }, isActive: true, onlyWhenOnline: true });
        expect(copy.tasks.map((t) => [t.sequenceId, t.action, t.payload, t.timeOffsetS])).toEqual([
          [1, 'command', 'say Restarting in 30 seconds', 0],
          [2, 'power', 'restart', 30],
        ]);
      }
    } finally {
      client.dispose();
    }
  });

  it('a file that is not a schedule exits 2; a cron the panel rejects exits 1 before anything is made', async () => {
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, '{"hello":1}');
    const refused = await runAgainst(sim, ['schedules', 'import', server(), junk]);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('neither a Pterotray schedule file nor a Pelican schedule export')]);
    const before = sim.control.requestLog().filter((e) => e.method === 'POST').length;
    const badCron = JSON.stringify({ name: 'bad', cron_minute: '5/10', cron_hour: '*', tasks: [] });
    const rejected = await runAgainst(sim, ['schedules', 'import', server(), '-'], { stdin: badCron });
    expect([rejected.code, rejected.stderr]).toEqual([1, expect.stringContaining('minute')]);
    expect(sim.control.requestLog().filter((e) => e.method === 'POST').length).toBe(before);
  });
});

describe('across panel kinds', () => {
  let from: SimPanel;
  let to: SimPanel;
  beforeAll(async () => {
    from = await startTestSim({ servers: 1, seed: 5, version: 'pterodactyl-1.11' });
    to = await startTestSim({ servers: 1, seed: 6, version: 'pelican' });
  });
  afterAll(async () => {
    await from.close();
    await to.close();
  });

  it('a Pterodactyl 1.11 export imports on Pelican, and a Pelican export with a delete_files task on Pterodactyl reports that task', async () => {
    const source = from.control.servers()[0]!.identifier;
    const [row] = JSON.parse((await runAgainst(from, ['schedules', 'ls', source, '--json'])).stdout) as ScheduleRow[];
    const exported = await runAgainst(from, ['schedules', 'export', source, String(row!.id)]);
    const target = to.control.servers()[0]!.identifier;
    const imported = await runAgainst(to, ['schedules', 'import', target, '-'], { stdin: exported.stdout });
    expect(imported.code, imported.stderr).toBe(0);
    const onPelican = JSON.parse((await runAgainst(to, ['schedules', 'ls', target, '--json'])).stdout) as ScheduleRow[];
    const copy = onPelican.find((s) => s.id === Number(imported.stdout.trim()));
    expect(copy).toMatchObject({ name: 'Nightly restart', tasks: [{ action: 'command' }, { action: 'power', payload: 'restart' }] });

    // Pelican's ScheduleExporterService shape, with the task Pterodactyl does not know.
    const pelicanExport = JSON.stringify({
      name: 'Cleanup',
      is_active: false,
      only_when_online: false,
      cron_minute: '30',
      cron_hour: '3',
      cron_day_of_month: '*',
      cron_month: '*',
      cron_day_of_week: '1-5',
      tasks: [
        { sequence_id: 1, action: 'command', payload: 'save-all', time_offset: 0, continue_on_failure: false },
        { sequence_id: 2, action: 'delete_files', payload: 'logs/old.log', time_offset: 10, continue_on_failure: false },
        { sequence_id: 3, action: 'power', payload: 'restart', time_offset: 20, continue_on_failure: true },
      ],
    });
    const partial = await runAgainst(from, ['schedules', 'import', source, '-'], { stdin: pelicanExport });
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('Task 2 (delete_files logs/old.log) was not created');
    expect(partial.stderr).toContain('with 2 of 3 tasks');
    const id = Number(partial.stdout.trim());
    const made = (JSON.parse((await runAgainst(from, ['schedules', 'ls', source, '--json'])).stdout) as ScheduleRow[]).find((s) => s.id === id);
    expect(made).toMatchObject({ name: 'Cleanup', is_active: false, cron: { minute: '30', hour: '3', day_of_week: '1-5' } });
    expect(made!.tasks.map((t) => [t.sequence_id, t.action])).toEqual([
      [1, 'command'],
      [2, 'power'],
    ]);
  });
});
