import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../../src/core/api/errors';
import type { RawResponse } from '../../../../src/core/api/raw-response';
import { RequestScheduler, type ScheduledRequest } from '../../../../src/core/api/scheduler';
import { systemClock } from '../../../../src/core/util/deps';

/** A fake panel: every send is recorded and answered by the test, one at a time. */
class FakePanel {
  readonly sent: { id: string; signal: AbortSignal; answer(r: RawResponse): void; fail(e: unknown): void }[] = [];

  request(id: string, extra: Partial<ScheduledRequest> = {}): ScheduledRequest {
    return {
      idempotent: true,
      ...extra,
      send: (signal) =>
        new Promise<RawResponse>((resolve, reject) => {
          this.sent.push({ id, signal, answer: resolve, fail: reject });
        }),
    };
  }

  ids(): string[] {
    return this.sent.map((s) => s.id);
  }

  /** Answers the n-th send (0-based). */
  answer(n: number, status: number, headers: Record<string, string> = {}, body = ''): void {
    const entry = this.sent[n];
    if (!entry) throw new Error(`no send #${n}`);
    entry.answer({ status, headers, body });
  }
}

function ok(headers: Record<string, string> = {}): [number, Record<string, string>] {
  return [200, headers];
}

let panel: FakePanel;
let scheduler: RequestScheduler;

beforeEach(() => {
  vi.useFakeTimers();
  panel = new FakePanel();
  scheduler = new RequestScheduler({ clock: systemClock, random: () => 0 });
});

afterEach(() => {
  scheduler.dispose();
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
});

describe('RequestScheduler', () => {
  it('caps concurrency at 4 by default and starts the next when one finishes', async () => {
    const results = Array.from({ length: 6 }, (_v, i) => scheduler.run(panel.request(`r${i}`)));
    expect(panel.ids()).toEqual(['r0', 'r1', 'r2', 'r3']);
    panel.answer(0, ...ok());
    await expect(results[0]).resolves.toMatchObject({ status: 200 });
    expect(panel.ids()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    for (let i = 1; i < 5; i += 1) panel.answer(i, ...ok());
    await vi.advanceTimersByTimeAsync(0);
    panel.answer(5, ...ok());
    await expect(Promise.all(results)).resolves.toHaveLength(6);
  });

  it('holds every caller of the panel during a 429 Retry-After window, then releases them', async () => {
    const get = scheduler.run(panel.request('get'));
    panel.answer(0, 429, { 'retry-after': '10', 'x-ratelimit-limit': '720', 'x-ratelimit-remaining': '0' });
    await vi.advanceTimersByTimeAsync(0);
    const post = scheduler.run(panel.request('post', { idempotent: false }));
    const poll = scheduler.run(panel.request('poll', { priority: 'background' }));
    expect(scheduler.rateLimit()).toMatchObject({ limitPerMinute: 720, remaining: 0, blockedUntilMs: Date.now() + 10_000 });

    await vi.advanceTimersByTimeAsync(9_999);
    expect(panel.ids()).toEqual(['get']); // nothing at all went out inside the window

    await vi.advanceTimersByTimeAsync(1);
    expect(panel.ids()).toEqual(['get', 'get', 'post', 'poll']); // the GET retry goes first
    panel.answer(1, ...ok());
    panel.answer(2, 204);
    panel.answer(3, ...ok());
    await expect(get).resolves.toMatchObject({ status: 200 });
    await expect(post).resolves.toMatchObject({ status: 204 });
    await expect(poll).resolves.toMatchObject({ status: 200 });
    expect(scheduler.rateLimit().blockedUntilMs).toBeNull();
  });

  it('tells its block listeners when a 429 holds every caller, though the call waits it out itself', async () => {
    const told: number[] = [];
    const stop = scheduler.onBlock((until) => told.push(until));
    const get = scheduler.run(panel.request('get'));
    panel.answer(0, 429, { 'retry-after': '30' });
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toEqual([Date.now() + 30_000]); // the GET has not failed: it waits inside run()
    await vi.advanceTimersByTimeAsync(30_000);
    panel.answer(1, ...ok());
    await expect(get).resolves.toMatchObject({ status: 200 });
    stop();
    scheduler.run(panel.request('again')).catch(() => {});
    panel.answer(2, 429, { 'retry-after': '5' });
    await vi.advanceTimersByTimeAsync(0);
    expect(told).toHaveLength(1); // unsubscribed
    await vi.advanceTimersByTimeAsync(5_000);
    panel.answer(3, ...ok());
  });

  it('never retries a POST that got 429: it returns the 429 at once', async () => {
    const post = scheduler.run(panel.request('power', { idempotent: false }));
    panel.answer(0, 429, { 'retry-after': '5' });
    await expect(post).resolves.toMatchObject({ status: 429 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(panel.ids()).toEqual(['power']);
  });

  it('does not retry a POST on 503 or on a reset connection', async () => {
    const a = scheduler.run(panel.request('a', { idempotent: false }));
    const b = scheduler.run(panel.request('b', { idempotent: false }));
    panel.answer(0, 503);
    panel.sent[1]?.fail(new PanelError({ kind: 'network', code: 'ECONNRESET' }));
    await expect(a).resolves.toMatchObject({ status: 503 });
    await expect(b).rejects.toMatchObject({ kind: 'network' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(panel.ids()).toEqual(['a', 'b']);
  });

  it('retries a GET on 503 after a jittered backoff', async () => {
    const get = scheduler.run(panel.request('get'));
    panel.answer(0, 503);
    await vi.advanceTimersByTimeAsync(249); // random() = 0 → half of the 500 ms step
    expect(panel.ids()).toEqual(['get']);
    await vi.advanceTimersByTimeAsync(1);
    expect(panel.ids()).toEqual(['get', 'get']);
    panel.answer(1, ...ok());
    await expect(get).resolves.toMatchObject({ status: 200 });
  });

  it('gives up after 2 retries and hands back the last answer', async () => {
    const get = scheduler.run(panel.request('get'));
    panel.answer(0, 502);
    await vi.advanceTimersByTimeAsync(250);
    panel.answer(1, 504);
    await vi.advanceTimersByTimeAsync(500);
    panel.answer(2, 503);
    await expect(get).resolves.toMatchObject({ status: 503 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(panel.sent).toHaveLength(3);
  });

  it('retries a GET on a reset connection but not on a refused one', async () => {
    const reset = scheduler.run(panel.request('reset'));
    const refused = scheduler.run(panel.request('refused'));
    panel.sent[0]?.fail(new PanelError({ kind: 'network', code: 'ECONNRESET' }));
    panel.sent[1]?.fail(new PanelError({ kind: 'network', code: 'ECONNREFUSED' }));
    await expect(refused).rejects.toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    await vi.advanceTimersByTimeAsync(250);
    expect(panel.ids()).toEqual(['reset', 'refused', 'reset']);
    panel.answer(2, ...ok());
    await expect(reset).resolves.toMatchObject({ status: 200 });
  });

  it('does not wait inside a call when Retry-After is longer than maxRetryWaitMs', async () => {
    const get = scheduler.run(panel.request('get'));
    panel.answer(0, 429, { 'retry-after': '600' });
    await expect(get).resolves.toMatchObject({ status: 429 });
    // The panel-wide block is capped at one minute (Laravel's global window).
    expect(scheduler.rateLimit().blockedUntilMs).toBe(Date.now() + 60_000);
  });

  it('does not block the panel for a backup-creation throttle (one server, one route)', async () => {
    const post = scheduler.run(panel.request('backup', { idempotent: false }));
    const body = JSON.stringify({ errors: [{ code: 'TooManyRequestsHttpException', status: '429', detail: 'Only 2 backups…' }] });
    panel.answer(0, 429, { 'retry-after': '600' }, body);
    await expect(post).resolves.toMatchObject({ status: 429 });
    scheduler.run(panel.request('next')).catch(() => {});
    expect(panel.ids()).toEqual(['backup', 'next']);
  });

  it('waits for the window when X-RateLimit-Remaining reaches 0 without a 429', async () => {
    const first = scheduler.run(panel.request('first'));
    panel.answer(0, 200, { 'x-ratelimit-limit': '720', 'x-ratelimit-remaining': '0' });
    await expect(first).resolves.toMatchObject({ status: 200 });
    const second = scheduler.run(panel.request('second'));
    expect(scheduler.rateLimit()).toMatchObject({ limitPerMinute: 720, remaining: 0 });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(panel.ids()).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(1);
    expect(panel.ids()).toEqual(['first', 'second']);
    panel.answer(1, 200, { 'x-ratelimit-remaining': '719' });
    await expect(second).resolves.toMatchObject({ status: 200 });
    expect(scheduler.rateLimit().remaining).toBe(719);
  });

  it('sends user calls before background polling', async () => {
    scheduler.dispose();
    scheduler = new RequestScheduler({ clock: systemClock, maxConcurrency: 1 });
    const calls = [
      scheduler.run(panel.request('busy')),
      scheduler.run(panel.request('poll', { priority: 'background' })),
      scheduler.run(panel.request('click', { priority: 'user' })),
    ];
    panel.answer(0, ...ok());
    await vi.advanceTimersByTimeAsync(0);
    panel.answer(1, ...ok());
    await vi.advanceTimersByTimeAsync(0);
    panel.answer(2, ...ok());
    await Promise.all(calls);
    expect(panel.ids()).toEqual(['busy', 'click', 'poll']);
  });

  it('rejects a queued call with cancelled when its signal aborts, without sending it', async () => {
    scheduler.dispose();
    scheduler = new RequestScheduler({ clock: systemClock, maxConcurrency: 1 });
    const busy = scheduler.run(panel.request('busy'));
    const controller = new AbortController();
    const queued = scheduler.run(panel.request('queued', { signal: controller.signal }));
    controller.abort();
    await expect(queued).rejects.toMatchObject({ kind: 'cancelled' });
    panel.answer(0, ...ok());
    await busy;
    expect(panel.ids()).toEqual(['busy']);
  });

  it('aborts an in-flight call through the signal it handed to send', async () => {
    const controller = new AbortController();
    const call = scheduler.run(panel.request('slow', { signal: controller.signal }));
    controller.abort();
    expect(panel.sent[0]?.signal.aborted).toBe(true);
    panel.sent[0]?.fail(new PanelError({ kind: 'cancelled' }));
    await expect(call).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('on dispose rejects queued and waiting calls, aborts running ones and clears every timer', async () => {
    const retrying = scheduler.run(panel.request('retrying'));
    panel.answer(0, 503); // now waiting on a backoff timer
    await vi.advanceTimersByTimeAsync(0);
    const running = scheduler.run(panel.request('running'));
    panel.answer(1, 429, { 'retry-after': '30' }, '');
    await vi.advanceTimersByTimeAsync(0); // running is now queued behind the block
    const blocked = scheduler.run(panel.request('blocked'));
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    scheduler.dispose();
    await expect(retrying).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(blocked).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(scheduler.run(panel.request('late'))).rejects.toMatchObject({ kind: 'cancelled' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts requests still in flight on dispose', async () => {
    const call = scheduler.run(panel.request('inflight'));
    scheduler.dispose();
    expect(panel.sent[0]?.signal.aborted).toBe(true);
    panel.answer(0, ...ok()); // even if the answer still arrives, the caller sees cancelled
    await expect(call).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
