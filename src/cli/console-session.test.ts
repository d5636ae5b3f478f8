import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelError } from '../core/api/errors';
import type { Disposer } from '../core/util/deps';
import { systemClock } from '../core/util/deps';
import type { WingsEvents } from '../core/wings/types';
import { createFakeClient, fakeServer } from '../../test/helpers/fake-client';
import { ANSWER_GRACE_MS, ConsoleSession } from './console-session';
import type { ConsoleSocket } from './external-deps';
import { createOutput } from './output';

/** A socket double: the test drives its events and sees what was sent. */
class FakeSocket implements ConsoleSocket {
  readonly sent: string[] = [];
  isConnected = false;
  isDisposed = false;
  private readonly listeners = new Map<string, Set<(p: never) => void>>();
  connect(): void {}
  dispose(): void {
    this.isDisposed = true;
  }
  on<E extends keyof WingsEvents>(event: E, cb: (payload: WingsEvents[E]) => void): Disposer {
    const set = this.listeners.get(event) ?? new Set();
    set.add(cb as (p: never) => void);
    this.listeners.set(event, set);
    return () => set.delete(cb as (p: never) => void);
  }
  emit<E extends keyof WingsEvents>(event: E, payload: WingsEvents[E]): void {
    for (const cb of this.listeners.get(event) ?? []) (cb as (p: WingsEvents[E]) => void)(payload);
  }
  sendCommand(command: string): boolean {
    if (!this.isConnected) return false;
    this.sent.push(command);
    return true;
  }
  open(): void {
    this.isConnected = true;
    this.emit('connection', { state: 'connected', reason: 'auth-success' });
  }
}

function setup(options: { isTTY?: boolean; name?: string } = {}) {
  const socket = new FakeSocket();
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  if (options.isTTY === true) Object.assign(stdout, { isTTY: true });
  const text = { out: '', err: '' };
  stdout.on('data', (c: Buffer) => (text.out += c.toString()));
  stderr.on('data', (c: Buffer) => (text.err += c.toString()));
  const restCommands: string[] = [];
  const client = createFakeClient({
    sendCommand: async (_server, command) => {
      restCommands.push(command);
    },
  });
  const abort = new AbortController();
  const session = new ConsoleSession({
    client,
    server: fakeServer({ identifier: 'aaaa1111', name: options.name ?? 'Lobby' }),
    socket,
    stdin,
    out: createOutput(stdout, stderr),
    clock: systemClock,
    signal: abort.signal,
  });
  return { socket, stdin, text, restCommands, abort, session };
}

describe('ConsoleSession', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds piped lines until connected, prints the answers, ends after the grace period', async () => {
    const { socket, stdin, text, session } = setup();
    const done = session.run();
    stdin.end('say hello\n\nlist\n');
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sent).toEqual([]);
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sent).toEqual(['say hello', 'list']);
    socket.emit('console', '\u001b[33m[Server] hello\u001b[0m');
    await vi.advanceTimersByTimeAsync(ANSWER_GRACE_MS);
    await expect(done).resolves.toBeUndefined();
    expect(text.out).toBe('[Server] hello\n');
    expect(text.err).toContain('connected to Lobby');
    expect(socket.isDisposed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with empty input, still connects and prints the replayed log before ending', async () => {
    const { socket, stdin, text, session } = setup();
    let isDone = false;
    const done = session.run().then(() => (isDone = true));
    stdin.end();
    await vi.advanceTimersByTimeAsync(ANSWER_GRACE_MS * 2);
    expect(isDone).toBe(false);
    socket.open();
    socket.emit('console', 'recent line');
    await vi.advanceTimersByTimeAsync(ANSWER_GRACE_MS);
    await done;
    expect(text.out).toBe('recent line\n');
  });

  it('falls back to REST when the socket is down after the first connection', async () => {
    const { socket, stdin, restCommands, abort, session } = setup();
    const done = session.run();
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    socket.isConnected = false;
    stdin.write('save-all\n');
    await vi.advanceTimersByTimeAsync(0);
    expect(restCommands).toEqual(['save-all']);
    abort.abort();
    await expect(done).resolves.toBeUndefined();
  });

  it('sends by REST what Wings refused with a jwt error, and says so on stderr', async () => {
    const { socket, stdin, text, restCommands, abort, session } = setup();
    const done = session.run();
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    stdin.write('say once\n');
    await vi.advanceTimersByTimeAsync(0);
    expect(socket.sent).toEqual(['say once']);
    socket.emit('commands-refused', ['say once']);
    await vi.advanceTimersByTimeAsync(0);
    expect(restCommands).toEqual(['say once']);
    expect(text.err).toContain('the node did not take "say once" (its token had expired, or the socket closed); sending it through the panel');
    abort.abort();
    await expect(done).resolves.toBeUndefined();
  });

  it('says on stderr which commands Wings may have dropped for going too fast, and does not resend them', async () => {
    const { socket, stdin, text, restCommands, abort, session } = setup();
    const done = session.run();
    socket.open();
    await vi.advanceTimersByTimeAsync(0);
    stdin.write('say fast\n');
    await vi.advanceTimersByTimeAsync(0);
    socket.emit('commands-throttled', ['say fast']);
    await vi.advanceTimersByTimeAsync(0);
    expect(text.err).toContain('the node throttled commands sent too fast; "say fast" may not have run');
    expect(restCommands).toEqual([]);
    abort.abort();
    await expect(done).resolves.toBeUndefined();
  });

  describe('a hostile Wings', () => {
    const ESC = '\u001b';
    const hostile = `${ESC}[1;33mwarn${ESC}[0m ${ESC}]52;c;cm0gLXJmIH4=\u0007${ESC}]0;owned${ESC}\\${ESC}[2J\u009b1A\u009d0;t\u009c${ESC}P1$r${ESC}\\${ESC}cdone\r`;

    it('keeps only SGR colours in console lines on a terminal', async () => {
      const { socket, text, abort, session } = setup({ isTTY: true });
      const done = session.run();
      socket.open();
      socket.emit('console', hostile);
      abort.abort();
      await done;
      expect(text.out).toBe(`${ESC}[1;33mwarn${ESC}[0m done \n`);
    });

    it('strips every sequence from console lines off a terminal', async () => {
      const { socket, text, abort, session } = setup();
      const done = session.run();
      socket.open();
      socket.emit('console', hostile);
      socket.emit('console', 'at\tMain.java');
      abort.abort();
      await done;
      expect(text.out).toBe('warn done \nat\tMain.java\n');
    });

    it('strips daemon messages, daemon errors and the server name on stderr', async () => {
      const { socket, text, abort, session } = setup({ isTTY: true, name: `Lobby${ESC}]0;owned\u0007 \u009b2J` });
      const done = session.run();
      socket.open();
      socket.emit('daemon-message', `Server marked as ${ESC}]52;c;AAAA\u0007running`);
      socket.emit('daemon-error', `boom${ESC}[31m\u0085!`);
      abort.abort();
      await done;
      expect(text.err).toContain('connected to Lobby ; type commands');
      expect(text.err).toContain('[daemon] Server marked as running\n');
      expect(text.err).toContain('[daemon error] boom !\n');
      // eslint-disable-next-line no-control-regex -- control characters are what is looked for.
      expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text.err)).toBe(false);
    });
  });

  it('fails at once when no token can be had before the first connection', async () => {
    const { socket, session } = setup();
    const done = session.run();
    const error = new PanelError({ kind: 'conflict', conflictReason: 'suspended', status: 409 });
    socket.emit('connection', { state: 'reconnecting', reason: 'credentials-failed', error, retryInMs: 1000 });
    await expect(done).rejects.toBe(error);
  });

  it('fails when the node says the server is suspended', async () => {
    const { socket, session } = setup();
    const done = session.run();
    socket.emit('connection', { state: 'idle', reason: 'suspended', closeCode: 4409 });
    await expect(done).rejects.toMatchObject({ kind: 'conflict' });
    expect(socket.isDisposed).toBe(true);
  });
});
