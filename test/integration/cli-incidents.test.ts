/**
 * `pterotray incidents [--server S] [--since …] [--kind …] [--json]` as a child process, reading
 * the timeline the app or the daemon keeps (history.sqlite in the app's folder) while that writer
 * still has it open: newest first, a crash with its exit code and OOM flag, the filters, the
 * usage errors, and a machine where nothing was recorded yet. No panel is asked.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore, type Incident } from '../../src/core/incidents';
import { openStore, STORE_FILE, type Database } from '../../src/core/store/database';
import { STORE_MODULES } from '../../src/core/store/modules';
import { silentLogger } from '../../src/core/util/deps';
import { assertCliBuilt, runCliProcess } from '../helpers/cli-process';

const NOW = Date.now();
const HOUR = 3_600_000;

function incident(fields: Partial<Incident> & Pick<Incident, 'id' | 'at' | 'kind' | 'title'>): Incident {
  return {
    severity: 'info',
    accountId: 'acc-home',
    accountName: 'Home panel',
    server: { identifier: '1a2b3c4d', name: 'Survival 1' },
    node: 'Node A',
    detail: 'It finished stopping.',
    actor: null,
    source: 'app',
    crash: null,
    ...fields,
  };
}

const INCIDENTS: Incident[] = [
  incident({
    id: 'crash:acc-home/1a2b3c4d:1:1',
    at: NOW - HOUR,
    kind: 'crash',
    severity: 'critical',
    title: 'Survival 1 crashed: out of memory',
    crash: { exitCode: 137, oomKilled: true, lastLines: ['java.lang.OutOfMemoryError: Java heap space'], reaction: 'restarting' },
  }),
  incident({ id: 'state:1', at: NOW - 2 * HOUR, kind: 'state', title: 'Survival 1 is stopping' }),
  incident({ id: 'power:1', at: NOW - 3 * HOUR, kind: 'power', title: 'Survival 1 restarted by alice', actor: 'alice' }),
  incident({ id: 'state:2', at: NOW - 3 * 24 * HOUR, kind: 'state', title: 'Creative went down', server: { identifier: '9f8e7d6c', name: 'Creative' } }),
  incident({
    id: 'key:1',
    at: NOW - 4 * 24 * HOUR,
    kind: 'key-revoked',
    severity: 'critical',
    title: 'Work panel: API key rejected',
    accountId: 'acc-work',
    accountName: 'Work panel',
    server: null,
  }),
];

describe('pterotray incidents', () => {
  let dir: string;
  let writer: Database;

  beforeAll(() => {
    assertCliBuilt();
    dir = mkdtempSync(join(tmpdir(), 'pterotray-incidents-cli-'));
    // The app's own store, left open as the running app leaves it (WAL: a reader does not wait).
    writer = openStore(join(dir, STORE_FILE), STORE_MODULES, { logger: silentLogger }).db;
    const store = new IncidentStore(writer);
    for (const i of INCIDENTS) store.add(i);
  });

  afterAll(() => writer?.close());

  const run = (args: string[], configDir = dir) => runCliProcess(['incidents', ...args], { env: { PTEROTRAY_CONFIG_DIR: configDir } });

  it('lists every incident newest first, a crash with its exit code and OOM flag', async () => {
    const result = await run([]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^WHEN\s+SERVER\s+KIND\s+WHAT$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[3])).toEqual([
      'Survival 1 crashed: out of memory (exit code 137, out of memory)',
      'Survival 1 is stopping',
      'Survival 1 restarted by alice',
      'Creative went down',
      'Work panel: API key rejected',
    ]);
    expect(lines[1]).toContain(new Date(NOW - HOUR).toISOString());
  });

  it('--server by name or identifier, --since and --kind narrow it; --json keeps the record', async () => {
    const byName = await run(['--server', 'survival 1', '--since', '150m', '--json']);
    expect(byName.code, byName.stderr).toBe(0);
    const records = JSON.parse(byName.stdout) as Incident[];
    expect(records.map((r) => r.id)).toEqual(['crash:acc-home/1a2b3c4d:1:1', 'state:1']);
    expect(records[0]).toEqual(INCIDENTS[0]);
    const byId = await run(['--server', '9f8e7d6c', '--json']);
    expect((JSON.parse(byId.stdout) as Incident[]).map((r) => r.title)).toEqual(['Creative went down']);
    const crashes = await run(['--kind', 'crash,key-revoked', '--json']);
    expect((JSON.parse(crashes.stdout) as Incident[]).map((r) => r.kind)).toEqual(['crash', 'key-revoked']);
    const work = await run(['--account', 'work panel', '--json']);
    expect((JSON.parse(work.stdout) as Incident[]).map((r) => r.id)).toEqual(['key:1']);
    const since = await run(['--since', new Date(NOW - 2.5 * HOUR).toISOString().slice(0, 19) + 'Z', '--json']);
    expect((JSON.parse(since.stdout) as Incident[]).map((r) => r.id)).toEqual(['crash:acc-home/1a2b3c4d:1:1', 'state:1']);
  });

  it('nothing matching says so on stderr and prints no table', async () => {
    const result = await run(['--kind', 'backup-failed']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('No incident matches.');
  });

  it.each([
    [['--since', 'yesterday'], "--since takes a duration such as 24h, 7d or 30m, or a date such as 2026-12-01, not 'yesterday'"],
    [['--kind', 'explosion'], '--kind takes one or more of crash, state'],
    [['--server', 'nowhere'], "No incidents of a server matching 'nowhere'"],
    [['--server', 'i'], "'i' matches 2 servers: Creative (9f8e7d6c), Survival 1 (1a2b3c4d); give the identifier"],
    [['--account', 'Elsewhere'], "No incidents of a panel named 'Elsewhere'; the timeline has"],
    [['extra'], 'incidents'],
  ])('%j is a usage error (exit 2) that says what to do', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Run 'pterotray incidents --help'");
  });

  it('where nothing was recorded yet: a sentence, exit 0, and [] for --json; the file is not created', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pterotray-incidents-none-'));
    const text = await run([], empty);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('No incidents are recorded yet');
    const json = await run(['--json'], empty);
    expect(json.stdout.trim()).toBe('[]');
    expect(() => statSync(join(empty, STORE_FILE))).toThrow();
  });

  it('--help names the options', async () => {
    const result = await runCliProcess(['incidents', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--since <when>');
    expect(result.stdout).toContain('--kind <k,...>');
  });
});
