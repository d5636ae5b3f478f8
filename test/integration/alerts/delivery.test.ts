/**
 * The dispatcher against local receivers on 127.0.0.1 that answer like Discord, Slack, ntfy and a
 * generic webhook, over real HTTP, on compressed time (the clock moves only when the test says,
 * and between two timers every request in flight is answered first).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeChannelSecret } from '../../../src/core/alerts/channel-secrets';
import { createAlertDispatcher, type AlertDispatcher } from '../../../src/core/alerts/dispatcher';
import { fetchPost } from '../../../src/core/alerts/http-post';
import { ALERTS_SCHEMA } from '../../../src/core/alerts/schema';
import type { ChannelConfig, IncidentFeed } from '../../../src/core/alerts/types';
import type { Incident } from '../../../src/core/incidents/types';
import { SessionSecretStore } from '../../../src/core/secrets/secret-store';
import { openStore, type Database } from '../../../src/core/store/database';
import type { Logger } from '../../../src/core/util/deps';
import { channel, crashIncident } from '../../helpers/alert-fixtures';
import { startAllReceivers, type AlertReceiver, type ReceiverKind } from '../../helpers/alert-receivers';
import { AsyncClock, flush } from '../../helpers/manual-clock';

const API_KEY = 'ptlc_' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa98765';
const NTFY_TOKEN = 'tk_' + 'n'.repeat(29);
const SIGNING_KEY = 'hmac-key-for-tests';
const KINDS: ReceiverKind[] = ['discord', 'slack', 'ntfy', 'webhook'];

/** Compressed time: between timers it waits until no delivery is in flight (real sockets, milliseconds). */
class DeliveryClock extends AsyncClock {
  busy: () => Promise<void> = async () => {};
  protected override async settle(): Promise<void> {
    await flush();
    await this.busy();
    await flush();
  }
}

class Feed implements IncidentFeed {
  #listener: ((i: Incident) => void) | null = null;
  on(_e: 'incident', l: (i: Incident) => void) {
    this.#listener = l;
    return () => (this.#listener = null);
  }
  emit(i: Incident): void {
    this.#listener?.(i);
  }
}

/** Every log line as text, to prove no secret is in any. */
class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  #add = (level: string) => (message: string, fields?: Record<string, unknown>) => void this.lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  debug = this.#add('debug');
  info = this.#add('info');
  warn = this.#add('warn');
  error = this.#add('error');
}

let receivers: Awaited<ReturnType<typeof startAllReceivers>>;
let dir: string;
const live: AlertDispatcher[] = [];

beforeEach(async () => {
  receivers = await startAllReceivers({ ntfy: { token: NTFY_TOKEN }, signingKey: SIGNING_KEY });
  dir = mkdtempSync(join(tmpdir(), 'pterotray-alerts-'));
});
afterEach(async () => {
  live.splice(0).forEach((d) => d.dispose());
  await receivers.close();
});

function channelsFor(): ChannelConfig[] {
  return [
    channel({ id: 'discord', kind: 'discord' }),
    channel({ id: 'slack', kind: 'slack' }),
    channel({ id: 'ntfy', kind: 'ntfy', ntfy: { server: receivers.ntfy.url, auth: 'token', username: null } }),
    channel({ id: 'webhook', kind: 'webhook', webhook: { isSigned: true } }),
  ];
}

async function secretsFor(): Promise<SessionSecretStore> {
  const secrets = new SessionSecretStore();
  await writeChannelSecret(secrets, 'discord', { url: receivers.discord.url });
  await writeChannelSecret(secrets, 'slack', { url: receivers.slack.url });
  await writeChannelSecret(secrets, 'ntfy', { topic: 'pterotray-ops', token: NTFY_TOKEN });
  await writeChannelSecret(secrets, 'webhook', { url: receivers.webhook.url, signingKey: SIGNING_KEY });
  return secrets;
}

interface Run {
  db: Database;
  dispatcher: AlertDispatcher;
  stop(): void;
}

function start(clock: DeliveryClock, feed: Feed, secrets: SessionSecretStore, logger: Logger): Run {
  const { db } = openStore(join(dir, 'history.sqlite'), [ALERTS_SCHEMA], { logger });
  const channels = channelsFor();
  const dispatcher = createAlertDispatcher({
    feed,
    db,
    secrets,
    channels: () => channels,
    clock,
    logger,
    isPaused: () => false,
    post: fetchPost(5_000),
    random: () => 0.5,
  });
  live.push(dispatcher);
  clock.busy = () => dispatcher.idle();
  return {
    db,
    dispatcher,
    stop: () => {
      dispatcher.dispose();
      db.close();
    },
  };
}

/** The incident ids each receiver accepted, in order. */
function idsAt(receiver: AlertReceiver): string[] {
  return receiver.received.map((r) => {
    switch (receiver.kind) {
      case 'discord':
        return (r.json as { embeds: Array<{ title: string }> }).embeds[0]!.title;
      case 'slack':
        return (r.json as { text: string }).text.split(':')[0]!;
      case 'ntfy':
        return r.title!;
      case 'webhook':
        return (r.json as { incident: { title: string } }).incident.title;
    }
  });
}

const numbered = (n: number): Incident => crashIncident({ id: `crash:acc1/abcd1234:${n}`, title: `Crash ${n}` });

describe('alert delivery over HTTP', () => {
  it('a crash gives exactly one alert on every channel, each in its service’s format, signed and authorised', async () => {
    const clock = new DeliveryClock(Date.UTC(2026, 11, 4, 12));
    const feed = new Feed();
    const run = start(clock, feed, await secretsFor(), new RecordingLogger());
    const crash = numbered(1);
    feed.emit(crash);
    feed.emit(crash); // offered twice: told once
    await clock.advance(0);
    await clock.advance(60_000);
    for (const kind of KINDS) expect(idsAt(receivers[kind])).toEqual(['Crash 1']);
    expect(receivers.discord.received[0]!.headers['content-type']).toBe('application/json');
    expect(receivers.ntfy.received[0]).toMatchObject({
      path: '/pterotray-ops',
      headers: { priority: '5', tags: 'rotating_light,crash', authorization: `Bearer ${NTFY_TOKEN}` },
    });
    expect(receivers.webhook.received[0]!.isSignatureValid).toBe(true);
    expect(receivers.webhook.received[0]!.headers['x-pterotray-delivery']).toBe(crash.id);
    run.stop();
  });

  it('a receiver down for an hour gets every alert afterwards, once each, in order; the others get theirs at once', async () => {
    const clock = new DeliveryClock(Date.UTC(2026, 11, 4, 12));
    const feed = new Feed();
    const run = start(clock, feed, await secretsFor(), new RecordingLogger());
    receivers.discord.down('reset');
    receivers.ntfy.down(503);
    // Twelve crashes over the hour, one every five minutes.
    for (let n = 1; n <= 12; n++) {
      feed.emit(numbered(n));
      await clock.advance(5 * 60_000);
    }
    expect(receivers.discord.received).toHaveLength(0);
    expect(receivers.ntfy.received).toHaveLength(0);
    expect(run.dispatcher.status('discord')).toMatchObject({ health: 'failing', pending: 12 });
    expect(run.dispatcher.status('ntfy')).toMatchObject({ health: 'failing', pending: 12 });
    // One probe per back-off step, not one request per alert.
    expect(receivers.ntfy.turnedAway.length).toBeLessThan(25);
    const expected = Array.from({ length: 12 }, (_v, i) => `Crash ${i + 1}`);
    expect(idsAt(receivers.slack)).toEqual(expected);
    expect(idsAt(receivers.webhook)).toEqual(expected);
    receivers.discord.up();
    receivers.ntfy.up();
    await clock.advance(6 * 60_000); // Past the longest back-off.
    expect(idsAt(receivers.discord)).toEqual(expected);
    expect(idsAt(receivers.ntfy)).toEqual(expected);
    expect(run.dispatcher.status('discord')).toMatchObject({ health: 'ok', pending: 0 });
    await clock.advance(3_600_000);
    for (const kind of KINDS) expect(receivers[kind].received).toHaveLength(12);
    run.stop();
  });

  it("Discord's 429: waits its retry_after (seconds, a float) before the next request, then delivers everything once", async () => {
    const clock = new DeliveryClock(Date.UTC(2026, 11, 4, 12));
    const feed = new Feed();
    const run = start(clock, feed, await secretsFor(), new RecordingLogger());
    receivers.discord.rateLimitNext(2, 1.5);
    for (let n = 1; n <= 3; n++) feed.emit(numbered(n));
    await clock.advance(0);
    expect(receivers.discord.turnedAway).toEqual([{ path: '/api/webhooks/1187/discord-token-SECRET', status: 429 }]);
    await clock.advance(1_549);
    expect(receivers.discord.turnedAway).toHaveLength(1);
    await clock.advance(1);
    expect(receivers.discord.turnedAway).toHaveLength(2);
    await clock.advance(1_550);
    expect(idsAt(receivers.discord)).toEqual(['Crash 1', 'Crash 2', 'Crash 3']);
    expect(run.dispatcher.status('discord')).toMatchObject({ health: 'ok', consecutiveFailures: 0 });
    run.stop();
  });

  it('a restart in the middle loses none and repeats none', async () => {
    const clock = new DeliveryClock(Date.UTC(2026, 11, 4, 12));
    const secrets = await secretsFor();
    const feed = new Feed();
    const first = start(clock, feed, secrets, new RecordingLogger());
    for (const kind of KINDS) receivers[kind].down('reset');
    for (let n = 1; n <= 5; n++) feed.emit(numbered(n));
    await clock.advance(60_000);
    receivers.slack.up();
    await clock.advance(5 * 60_000);
    expect(idsAt(receivers.slack)).toHaveLength(5);
    first.stop(); // Quit with four channels' alerts undelivered.
    for (const kind of KINDS) receivers[kind].up();
    const second = start(clock, new Feed(), secrets, new RecordingLogger());
    // The back-off each channel had reached is kept across the restart (a 429's wait too).
    await clock.advance(6 * 60_000);
    const expected = ['Crash 1', 'Crash 2', 'Crash 3', 'Crash 4', 'Crash 5'];
    for (const kind of KINDS) expect(idsAt(receivers[kind])).toEqual(expected);
    second.stop();
  });

  it('the API key, tokens and webhook URLs are in no body, header of another channel, or log line', async () => {
    const clock = new DeliveryClock(Date.UTC(2026, 11, 4, 12));
    const feed = new Feed();
    const logger = new RecordingLogger();
    const run = start(clock, feed, await secretsFor(), logger);
    receivers.discord.rateLimitNext(1, 0.2);
    receivers.slack.down(503);
    feed.emit(
      crashIncident({
        id: 'crash:leaky',
        title: 'Survival 1 crashed',
        detail: `Key ${API_KEY} was printed; backup at ${receivers.webhook.origin}/download?token=abc.def.ghi&signature=xyz`,
        crash: { exitCode: 1, oomKilled: false, lastLines: [`[Server] Authorization: Bearer ${API_KEY}`, `ntfy ${NTFY_TOKEN}`], reaction: 'restarting' },
      }),
    );
    await clock.advance(0);
    receivers.slack.up();
    await clock.advance(60_000);
    for (const kind of KINDS) expect(receivers[kind].received).toHaveLength(1);
    const secrets = [API_KEY, NTFY_TOKEN, 'signature=xyz', 'discord-token-SECRET', 'slack-token-SECRET', 'pterotray-SECRET', SIGNING_KEY];
    for (const kind of KINDS) {
      const { body, headers } = receivers[kind].received[0]!;
      // ntfy's own Authorization header carries its token by design; nothing else may.
      const { authorization: _own, ...rest } = headers;
      for (const s of secrets) {
        expect(body, `${kind} body`).not.toContain(s);
        expect(JSON.stringify(rest), `${kind} headers`).not.toContain(s);
      }
    }
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const line of logger.lines) for (const s of [...secrets, 'pterotray-ops', '127.0.0.1']) expect(line).not.toContain(s);
    run.stop();
  });

  it('"Send test" reports what the receiver said', async () => {
    const clock = new DeliveryClock(Date.UTC(2026, 11, 4, 12));
    const secrets = await secretsFor();
    const run = start(clock, new Feed(), secrets, new RecordingLogger());
    expect(await run.dispatcher.sendTest('ntfy')).toEqual({ ok: true, status: 200, message: 'Delivered (HTTP 200).' });
    expect(receivers.ntfy.received[0]!.title).toBe('Pterotray test message');
    await writeChannelSecret(secrets, 'ntfy', { topic: 'pterotray-ops', token: 'tk_wrong' });
    expect(await run.dispatcher.sendTest('ntfy')).toMatchObject({ ok: false, status: 401, message: expect.stringMatching(/refused the credentials/) });
    await writeChannelSecret(secrets, 'webhook', { url: receivers.webhook.url, signingKey: 'not-the-key' });
    expect(await run.dispatcher.sendTest('webhook')).toMatchObject({ ok: false, status: 401 });
    receivers.discord.down('reset');
    expect(await run.dispatcher.sendTest('discord')).toMatchObject({ ok: false, status: null, message: expect.stringMatching(/could not be reached/) });
    run.stop();
  });
});
