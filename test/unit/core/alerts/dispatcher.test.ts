/** The dispatcher over a scripted receiver and a manual clock: what is sent, when, and how often. */
import { afterEach, describe, expect, it } from 'vitest';
import { writeChannelSecret } from '../../../../src/core/alerts/channel-secrets';
import { createAlertDispatcher, type AlertDispatcher } from '../../../../src/core/alerts/dispatcher';
import type { HttpPost } from '../../../../src/core/alerts/http-post';
import { NoAnswerError } from '../../../../src/core/alerts/http-post';
import type { OutgoingRequest } from '../../../../src/core/alerts/message';
import { ALERTS_SCHEMA } from '../../../../src/core/alerts/schema';
import type { ChannelConfig, IncidentFeed } from '../../../../src/core/alerts/types';
import type { Incident } from '../../../../src/core/incidents/types';
import { SessionSecretStore } from '../../../../src/core/secrets/secret-store';
import { openStore, type Database } from '../../../../src/core/store/database';
import { silentLogger } from '../../../../src/core/util/deps';
import { channel, crashIncident } from '../../../helpers/alert-fixtures';
import { AsyncClock } from '../../../helpers/manual-clock';

type Reply = { status: number; text?: string; headers?: Record<string, string> } | 'refused';

/** A receiver that answers from a script (then 204) and records every request. */
class ScriptedReceiver {
  readonly got: OutgoingRequest[] = [];
  script: Reply[] = [];
  fallback: Reply = { status: 204 };
  post: HttpPost = async (request) => {
    this.got.push(request);
    const reply = this.script.shift() ?? this.fallback;
    if (reply === 'refused') throw new NoAnswerError('refused');
    return { status: reply.status, text: reply.text ?? '', header: (n) => reply.headers?.[n] ?? null };
  };
  titles(): string[] {
    return this.got.map((r) => JSON.parse(r.body).content as string);
  }
}

class Feed implements IncidentFeed {
  listener: ((i: Incident) => void) | null = null;
  on(_event: 'incident', listener: (i: Incident) => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  emit(i: Incident): void {
    this.listener?.(i);
  }
}

interface Rig {
  db: Database;
  clock: AsyncClock;
  feed: Feed;
  receiver: ScriptedReceiver;
  secrets: SessionSecretStore;
  channels: ChannelConfig[];
  paused: { value: boolean };
  start(): AlertDispatcher;
}

const started: AlertDispatcher[] = [];
afterEach(() => started.splice(0).forEach((d) => d.dispose()));

async function rig(channels: ChannelConfig[] = [channel()]): Promise<Rig> {
  const { db } = openStore(':memory:', [ALERTS_SCHEMA], { logger: silentLogger });
  const secrets = new SessionSecretStore();
  for (const c of channels) await writeChannelSecret(secrets, c.id, { url: `https://hooks.example/${c.id}` });
  const r: Rig = {
    db,
    clock: new AsyncClock(Date.UTC(2026, 11, 4, 12)),
    feed: new Feed(),
    receiver: new ScriptedReceiver(),
    secrets,
    channels,
    paused: { value: false },
    start: () => {
      const d = createAlertDispatcher({
        feed: r.feed,
        db,
        secrets,
        channels: () => r.channels,
        clock: r.clock,
        logger: silentLogger,
        isPaused: () => r.paused.value,
        post: r.receiver.post,
        random: () => 0.5,
        localMinute: () => 12 * 60,
      });
      started.push(d);
      return d;
    },
  };
  return r;
}

describe('createAlertDispatcher', () => {
  it('sends each new incident once to each channel, in order, and nothing for a repeat', async () => {
    const r = await rig([channel({ id: 'a' }), channel({ id: 'b' })]);
    const d = r.start();
    const first = crashIncident({ title: 'first' });
    r.feed.emit(first);
    r.feed.emit(crashIncident({ title: 'second' }));
    r.feed.emit(first);
    await r.clock.advance(0);
    expect(r.receiver.got.map((g) => `${g.url} ${JSON.parse(g.body).embeds[0].title}`)).toEqual([
      'https://hooks.example/a first',
      'https://hooks.example/b first',
      'https://hooks.example/a second',
      'https://hooks.example/b second',
    ]);
    expect(d.status('a')).toMatchObject({ health: 'ok', pending: 0 });
  });

  it("waits out Discord's retry_after on a 429 and then sends, without marking the channel failing", async () => {
    const r = await rig();
    const d = r.start();
    r.receiver.script = [{ status: 429, text: '{"message":"You are being rate limited.","retry_after":2.5,"global":false}' }];
    r.feed.emit(crashIncident({ title: 'one' }));
    r.feed.emit(crashIncident({ title: 'two' }));
    await r.clock.advance(0);
    expect(r.receiver.got).toHaveLength(1);
    expect(r.clock.pendingDelays()).toEqual([2_550]);
    await r.clock.advance(2_549);
    expect(r.receiver.got).toHaveLength(1);
    await r.clock.advance(1);
    expect(r.receiver.titles().map((t) => t.slice(-3))).toEqual(['one', 'one', 'two']);
    expect(d.status('ch-discord')).toMatchObject({ health: 'ok', consecutiveFailures: 0 });
  });

  it('backs off while the receiver is down, marks the channel failing after three failures, and clears it on the next delivery', async () => {
    const r = await rig();
    const d = r.start();
    r.receiver.fallback = 'refused';
    r.feed.emit(crashIncident());
    await r.clock.advance(0);
    expect(d.status('ch-discord')).toMatchObject({ health: 'idle', consecutiveFailures: 1, pending: 1 });
    expect(r.clock.pendingDelays()).toEqual([5_000]);
    await r.clock.advance(5_000);
    expect(r.clock.pendingDelays()).toEqual([10_000]);
    await r.clock.advance(10_000);
    const failing = d.status('ch-discord');
    expect(failing).toMatchObject({ health: 'failing', consecutiveFailures: 3, pending: 1 });
    expect(failing.lastError).toMatch(/could not be reached: nothing listens/);
    expect(failing.lastError).not.toContain('hooks.example');
    r.receiver.fallback = { status: 204 };
    await r.clock.advance(20_000);
    expect(d.status('ch-discord')).toMatchObject({ health: 'ok', consecutiveFailures: 0, pending: 0, lastError: null });
    expect(r.receiver.got).toHaveLength(4);
  });

  it('probes a down channel with its oldest alert only, then sends the rest in order once it is back', async () => {
    const r = await rig();
    r.start();
    r.receiver.fallback = { status: 503 };
    for (const t of ['a', 'b', 'c']) r.feed.emit(crashIncident({ title: t }));
    await r.clock.advance(0);
    await r.clock.advance(5_000);
    expect(r.receiver.titles().map((t) => t.slice(-1))).toEqual(['a', 'a']);
    r.receiver.fallback = { status: 204 };
    await r.clock.advance(10_000);
    expect(r.receiver.titles().map((t) => t.slice(-1))).toEqual(['a', 'a', 'a', 'b', 'c']);
  });

  it('queues nothing while notifications are paused, and what came before the pause still goes', async () => {
    const r = await rig();
    r.start();
    r.receiver.fallback = 'refused';
    r.feed.emit(crashIncident({ title: 'before' }));
    await r.clock.advance(0);
    r.paused.value = true;
    r.feed.emit(crashIncident({ title: 'during' }));
    r.receiver.fallback = { status: 204 };
    await r.clock.advance(5_000);
    expect(r.receiver.titles().map((t) => t.split(' ').pop())).toEqual(['before', 'before']);
  });

  it('delivers after a restart what the last run left undelivered, once', async () => {
    const r = await rig();
    const first = r.start();
    r.receiver.fallback = 'refused';
    r.feed.emit(crashIncident({ title: 'kept' }));
    await r.clock.advance(0);
    first.dispose();
    r.receiver.fallback = { status: 204 };
    const second = r.start();
    await r.clock.advance(5_000);
    await second.idle();
    expect(r.receiver.titles().filter((t) => t.endsWith('kept'))).toHaveLength(2); // one refused, one delivered
    expect(second.status('ch-discord')).toMatchObject({ pending: 0, health: 'ok' });
    await r.clock.advance(600_000);
    expect(r.receiver.got).toHaveLength(2);
  });

  it('marks a channel whose secret is gone failing at once, and sends nothing', async () => {
    const r = await rig();
    await r.secrets.delete('alert-channel:ch-discord');
    const d = r.start();
    r.feed.emit(crashIncident());
    await r.clock.advance(0);
    expect(r.receiver.got).toHaveLength(0);
    expect(d.status('ch-discord')).toMatchObject({ health: 'failing', lastError: expect.stringMatching(/webhook URL is not set/) });
  });

  it('a test message goes past the rules and the pause; when it gets through it clears the failing mark and sends what waited', async () => {
    const r = await rig([channel({ rules: { accounts: ['nobody'], servers: null, kinds: null, minSeverity: 'info' } })]);
    const d = r.start();
    r.paused.value = true;
    expect(await d.sendTest('ch-discord')).toEqual({ ok: true, status: 204, message: 'Delivered (HTTP 204).' });
    expect(JSON.parse(r.receiver.got[0]!.body).embeds[0].title).toBe('Pterotray test message');
    r.receiver.script = [{ status: 404 }];
    const refused = await d.sendTest('ch-discord');
    expect(refused).toMatchObject({ ok: false, status: 404, message: expect.stringMatching(/deleted or the URL is wrong/) });
    expect(await d.sendTest('gone')).toMatchObject({ ok: false, message: 'That channel is no longer configured.' });
  });

  it('holds the queue of a switched-off channel until it is on again', async () => {
    const r = await rig([channel({ id: 'a' })]);
    const d = r.start();
    r.receiver.fallback = 'refused';
    r.feed.emit(crashIncident());
    await r.clock.advance(0);
    r.channels = [channel({ id: 'a', isEnabled: false })];
    r.receiver.fallback = { status: 204 };
    await r.clock.advance(60_000);
    expect(r.receiver.got).toHaveLength(1);
    expect(d.status('a').pending).toBe(1);
    r.channels = [channel({ id: 'a' })];
    await r.clock.advance(300_000);
    expect(r.receiver.got).toHaveLength(2);
    expect(d.status('a').pending).toBe(0);
  });

  it('forgets the queue of a removed channel', async () => {
    const r = await rig([channel({ id: 'a' })]);
    const d = r.start();
    r.receiver.fallback = 'refused';
    r.feed.emit(crashIncident());
    await r.clock.advance(0);
    r.channels = [];
    r.receiver.fallback = { status: 204 };
    await r.clock.advance(60_000);
    expect(d.status('a').pending).toBe(0);
    expect(r.receiver.got).toHaveLength(1);
    expect(r.clock.pendingCount).toBe(0);
  });

  it('leaves no timer behind when disposed', async () => {
    const r = await rig();
    const d = r.start();
    r.receiver.fallback = 'refused';
    r.feed.emit(crashIncident());
    await r.clock.advance(0);
    expect(r.clock.pendingCount).toBe(1);
    d.dispose();
    expect(r.clock.pendingCount).toBe(0);
    expect(r.feed.listener).toBeNull();
  });
});

describe('the feed side', () => {
  it('queues an incident emitted from inside the feed’s own store transaction, once that has committed', async () => {
    const r = await rig();
    r.start();
    r.db.exec('BEGIN');
    r.feed.emit(crashIncident({ title: 'inside' }));
    r.db.exec('COMMIT');
    await r.clock.advance(0);
    expect(r.receiver.titles()).toHaveLength(1);
  });
});
