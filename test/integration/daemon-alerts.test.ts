/**
 * Issue 14's proof for the monitor people leave running: `pterotray daemon` as a process, against
 * the simulated panel (its Wings prints a crash as wings `server/crash.go` does) and local
 * receivers on 127.0.0.1 that speak like Discord, Slack, ntfy and a generic webhook. A crash is
 * exactly one alert on every channel, with Wings' exit code; a channel that is down while the
 * daemon is stopped and started again gets every alert afterwards, once; the API key is in no
 * body, header or log line. The hour-long outage on compressed time is delivery.test.ts's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { startAllReceivers, type ReceiverKind } from '../helpers/alert-receivers';
import { assertCliBuilt, CliSession } from '../helpers/cli-process';
import { expectNoKey } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';

const NTFY_TOKEN = 'tk_daemonntfytoken000000000000';
const SIGNING_KEY = 'daemon-signing-key-SECRET';
const KINDS: readonly ReceiverKind[] = ['discord', 'slack', 'ntfy', 'webhook'];

let sim: SimPanel;
let receivers: Awaited<ReturnType<typeof startAllReceivers>>;
let dir: string;
const sessions: CliSession[] = [];

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 2, seed: 31 });
  receivers = await startAllReceivers({ ntfy: { token: NTFY_TOKEN }, signingKey: SIGNING_KEY });
  dir = mkdtempSync(join(tmpdir(), 'pterotray-daemon-alerts-'));
  // Only crashes are alerted here: state changes would make the counts depend on timing.
  const rules = { kinds: ['crash'] };
  writeFileSync(
    join(dir, 'daemon.json'),
    JSON.stringify({
      accounts: [{ name: 'home', url: sim.url, keyEnv: 'PANEL_KEY' }],
      store: 'history.sqlite',
      channels: [
        { type: 'discord', name: 'Discord', urlEnv: 'DISCORD_URL', rules },
        { type: 'slack', name: 'Slack', urlEnv: 'SLACK_URL', rules },
        { type: 'ntfy', name: 'ntfy', server: receivers.ntfy.url, topic: 'servers', tokenEnv: 'NTFY_TOKEN', rules },
        { type: 'webhook', name: 'Hook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_KEY', rules },
      ],
    }),
  );
});

afterEach(() => {
  for (const s of sessions.splice(0)) {
    expectNoKey(s.allOutput(), [sim.apiKey, NTFY_TOKEN, SIGNING_KEY, receivers.discord.url, receivers.slack.url, receivers.webhook.url]);
    s.kill();
  }
});

afterAll(async () => {
  await Promise.all([sim?.close(), receivers?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function daemon(): CliSession {
  const session = new CliSession(['daemon', '--json', '--config', join(dir, 'daemon.json')], {
    env: {
      PANEL_KEY: sim.apiKey,
      DISCORD_URL: receivers.discord.url,
      SLACK_URL: receivers.slack.url,
      NTFY_TOKEN,
      HOOK_URL: receivers.webhook.url,
      HOOK_KEY: SIGNING_KEY,
      PTEROTRAY_CONFIG_DIR: join(dir, 'app'),
    },
  });
  sessions.push(session);
  return session;
}

type Line = Record<string, unknown>;
const is =
  (fields: Line) =>
  (line: string): boolean => {
    try {
      const entry = JSON.parse(line) as Line;
      return Object.entries(fields).every(([k, v]) => entry[k] === v);
    } catch {
      return false;
    }
  };

/** A running server the daemon follows live (its state line came), crashed on the panel; resolves once the daemon logged the crash. */
async function crashOne(cli: CliSession, identifier: string): Promise<void> {
  sim.control.crash(identifier);
  await cli.waitForLine('stdout', is({ event: 'crash', server: identifier }));
}

/** Everything every receiver was sent, as one text: bodies and headers. */
function everythingSent(): string {
  return KINDS.flatMap((k) => receivers[k].received.map((r) => JSON.stringify(r))).join('\n');
}

describe('pterotray daemon with alert channels', () => {
  it('a crash is exactly one alert on every channel; a channel down across a restart gets every alert afterwards, once; no key anywhere', async () => {
    const [first, second] = sim.control.servers().map((s) => s.identifier) as [string, string];
    sim.control.setState(first, 'running');
    sim.control.setState(second, 'running');
    let cli = daemon();
    await cli.waitForLine('stdout', is({ event: 'state', server: first, to: 'running' }));
    await cli.waitForLine('stdout', is({ event: 'state', server: second, to: 'running' }));

    // One crash: one alert on each channel, in each service's own shape.
    await crashOne(cli, first);
    await Promise.all(KINDS.map((k) => receivers[k].waitFor(1)));
    const name = sim.control.servers().find((s) => s.identifier === first)!.name;
    expect(JSON.stringify(receivers.discord.received[0]!.json)).toContain(name);
    expect(JSON.stringify(receivers.webhook.received[0]!.json)).toMatch(/"exitCode":1\b/);
    expect(receivers.ntfy.received[0]!.headers.authorization).toBe(`Bearer ${NTFY_TOKEN}`);

    // Discord goes down; a second crash reaches the others and waits for Discord.
    receivers.discord.down('reset');
    await cli.waitForLine('stdout', is({ event: 'state', server: first, to: 'running' })); // Wings restarted it
    await crashOne(cli, second);
    await Promise.all((['slack', 'ntfy', 'webhook'] as const).map((k) => receivers[k].waitFor(2)));
    await receivers.discord.waitForTurnedAway(1);

    // The daemon is stopped and started again while Discord is still down: the alert stays queued on disk.
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    cli = daemon();
    await cli.waitForLine('stdout', is({ event: 'started' }));
    await cli.waitForLine('stdout', is({ event: 'state', server: second, to: 'running' }));
    await crashOne(cli, second);
    await Promise.all((['slack', 'ntfy', 'webhook'] as const).map((k) => receivers[k].waitFor(3)));

    // Discord is back: every alert it missed, once each, in order.
    receivers.discord.up();
    await receivers.discord.waitFor(3, 60_000);
    const ids = receivers.discord.received.map((r) => r.headers['x-pterotray-delivery'] ?? JSON.stringify(r.json));
    expect(new Set(ids).size).toBe(3);
    // Delivered is delivered: a later crash brings exactly one more to each, none repeated.
    await cli.waitForLine('stdout', is({ event: 'state', server: second, to: 'running' }));
    await crashOne(cli, first);
    await Promise.all(KINDS.map((k) => receivers[k].waitFor(4)));
    for (const k of KINDS) expect(receivers[k].received, k).toHaveLength(4);
    expect(receivers.webhook.received.map((r) => r.headers['x-pterotray-delivery'])).toEqual([
      ...new Set(receivers.webhook.received.map((r) => r.headers['x-pterotray-delivery'])),
    ]);

    // No API key, token or webhook URL of another channel in anything sent.
    expectNoKey(everythingSent(), [sim.apiKey, SIGNING_KEY]);
    expect(everythingSent()).not.toContain(receivers.slack.url);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});
