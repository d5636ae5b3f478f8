/**
 * `pterotray history` as a process against a history file the test writes with HistoryStore, as
 * the app would have after ten days: the summary and per-day uptime, the CSV, the JSON, servers
 * named from the app's last-states file, and clear errors for a missing file, a foreign one, a bad
 * range and an unknown server. No panel is involved: the command reads the store alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE, loadSqlite } from '../../src/core/store/database';
import { assertCliBuilt, runCliProcess } from '../helpers/cli-process';
import { seedHistory, wavySample } from '../helpers/history-seed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SURVIVAL = { accountId: 'acc-main', identifier: '1a2b3c4d' };
const LOBBY = { accountId: 'acc-main', identifier: '9f8e7d6c' };
// The seed's "now" is the real now: the CLI reads with its own clock.
const NOW = Date.now();

describe('pterotray history', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pterotray-cli-history-'));
  const env = { PTEROTRAY_CONFIG_DIR: dir };
  const run = (...args: string[]) => runCliProcess(args, { env });

  beforeAll(() => {
    assertCliBuilt();
    // Survival: running for ten days except 6 hours offline two days ago; Lobby: seen offline only.
    seedHistory(join(dir, STORE_FILE), {
      nowMs: NOW,
      fromMs: NOW - 10 * DAY,
      everyMs: 5 * 60_000,
      servers: [
        {
          ref: SURVIVAL,
          states: [
            { at: NOW - 10 * DAY, state: 'running' },
            { at: NOW - 2 * DAY, state: 'offline' },
            { at: NOW - 2 * DAY + 6 * HOUR, state: 'running' },
          ],
          sample: (at) => (at >= NOW - 2 * DAY && at < NOW - 2 * DAY + 6 * HOUR ? null : wavySample(at)),
        },
        { ref: LOBBY, states: [{ at: NOW - 3 * DAY, state: 'offline' }], sample: () => null },
      ],
    });
    // The names the app last saw (src/main/services/last-states.ts), and the panel's name.
    const server = (identifier: string, name: string) => ({ server: { identifier, name, uuid: `${identifier}-uuid` }, state: 'running', seenAtMs: NOW });
    writeFileSync(
      join(dir, 'last-states.json'),
      JSON.stringify({
        version: 1,
        savedAtMs: NOW,
        accounts: { 'acc-main': { url: 'https://panel.example.com', servers: [server(SURVIVAL.identifier, 'Survival'), server(LOBBY.identifier, 'Lobby')] } },
      }),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the servers the history holds with their 24-hour uptime', async () => {
    const r = await run('history');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^SERVER\s+NAME\s+PANEL\s+UPTIME 24H$/);
    expect(lines.find((l) => l.includes('1a2b3c4d'))).toMatch(/^acc-main\/1a2b3c4d\s+\S+\s+-\s+100%$/);
    expect(lines.find((l) => l.includes('9f8e7d6c'))).toMatch(/0\.0%|0%$/);
  });

  it('prints the summary of a range with its uptime per day, the server found by identifier', async () => {
    const r = await run('history', '1a2b3c4d', '--range', '7d');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/acc-main\/1a2b3c4d\): the last 7 days, 15m buckets$/);
    // 7 days seen, 6 hours of them offline: 162/168 = 96.4%.
    // To the minute: the seed quit a moment before the CLI looked, and that moment is unknown.
    expect(lines[1]).toMatch(/^Uptime: 96\.4% \(running 6d 1[78]h of (7d|6d 23h) seen\)$/);
    expect(r.stdout).toMatch(/^CPU\s+\d+\.\d%\s+\d+\.\d%\s+\d+\.\d%$/m);
    expect(r.stdout).toMatch(/^Memory\s+1\.\d GiB\s+1\.\d GiB\s+1\.\d GiB$/m);
    expect(r.stdout).toMatch(/^Disk\s+2\.0 GiB/m);
    const days = lines.filter((l) => /^\d{4}-\d{2}-\d{2}\s/.test(l));
    expect(days).toHaveLength(8);
    // Somewhere two days ago the six hours offline show; the rest of the seen days are whole.
    expect(days.some((d) => /\s(7\d|9\d|8\d)\.\d%\s/.test(d))).toBe(true);
    expect(days.filter((d) => /\s100%\s+1d$/.test(d)).length).toBeGreaterThanOrEqual(4);
  });

  it('finds a server by the name the app last saw, and says when a range is empty for it', async () => {
    const r = await run('history', 'lobby', '--range', '1h');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lobby (acc-main/9f8e7d6c): the last hour, every sample');
    // Seen offline for the hour, less the moment since the seed quit (unknown from then).
    expect(r.stdout).toMatch(/Uptime: 0\.0% \(running 0s of (1h|59m 5\ds) seen\)/);
  });

  it('prints CSV rows of the range', async () => {
    const r = await run('history', 'Survival', '--range', '24h', '--csv');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe(
      'time,bucket_seconds,samples,cpu_percent_min,cpu_percent_avg,cpu_percent_max,memory_bytes_min,memory_bytes_avg,memory_bytes_max,disk_bytes_min,disk_bytes_avg,disk_bytes_max,network_rx_bytes_per_s_min,network_rx_bytes_per_s_avg,network_rx_bytes_per_s_max,network_tx_bytes_per_s_min,network_tx_bytes_per_s_avg,network_tx_bytes_per_s_max',
    );
    // 1-minute buckets, one sample each 5 minutes: about 288 rows in 24 hours.
    expect(rows.length - 1).toBeGreaterThan(280);
    expect(rows.length - 1).toBeLessThan(300);
    expect(rows[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,60,1,/);
  });

  it('prints JSON with the uptime, each day and every point', async () => {
    const r = await run('history', 'acc-main/1a2b3c4d', '--range', '30d', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      server: { name: string };
      tier: string;
      uptime: { running_ms: number; observed_ms: number; share: number };
      days: Array<{ date: string; observed_ms: number }>;
      points: Array<{ time: string; cpu_percent: { min: number; avg: number; max: number } }>;
      metrics: { cpu_percent: { avg: number } };
    };
    expect(json.server.name).toBe('Survival');
    expect(json.tier).toBe('quarter');
    // Ten days seen of the thirty asked, six hours of them offline.
    expect(json.uptime.observed_ms).toBeGreaterThan(10 * DAY - HOUR);
    expect(json.uptime.running_ms).toBe(json.uptime.observed_ms - 6 * HOUR);
    expect(json.days).toHaveLength(31);
    expect(json.days.filter((d) => d.observed_ms === 0).length).toBeGreaterThanOrEqual(19);
    expect(json.points.length).toBeGreaterThan(900);
    expect(json.points[0]!.cpu_percent.min).toBeLessThanOrEqual(json.points[0]!.cpu_percent.max);
  });

  it('refuses a bad range and an unknown server with what to do', async () => {
    const bad = await run('history', 'Survival', '--range', '1y');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--range must be one of 1h, 24h, 7d, 30d, 90d, not '1y'");
    const unknown = await run('history', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no server in the history matches 'nope' (run 'pterotray history' to list them)");
  });

  it('says there is no history yet where there is no file, and refuses another program’s database untouched', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pterotray-cli-history-none-'));
    try {
      const none = await runCliProcess(['history', 'x'], { env: { PTEROTRAY_CONFIG_DIR: empty } });
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/no history yet \(looked for .*history\.sqlite\): the Pterotray app or 'pterotray daemon' records it while it runs/);
      const { DatabaseSync } = loadSqlite();
      const foreign = new DatabaseSync(join(empty, STORE_FILE));
      foreign.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (1)');
      foreign.close();
      const refused = await runCliProcess(['history'], { env: { PTEROTRAY_CONFIG_DIR: empty } });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is not a Pterotray history file');
      const after = new DatabaseSync(join(empty, STORE_FILE), { readOnly: true });
      expect(after.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
      after.close();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
