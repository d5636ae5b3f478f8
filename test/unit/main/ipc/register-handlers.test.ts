import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../../src/core/api/errors';
import { AccountServiceError } from '../../../../src/core/accounts/account-service';
import { registerHandlers, type Handlers } from '../../../../src/main/ipc/register-handlers';
import { HandlerError } from '../../../../src/main/ipc/to-ipc-error';
import { INVOKE_CHANNELS } from '../../../../src/shared/ipc-contract';
import { silentLogger } from '../../../../src/core/util/deps';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const APP_URL = 'app://pterotray/index.html';
const ref = { accountId: 'a1', identifier: 'abcd1234' };

function setup(overrides: Partial<Handlers> = {}) {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (c: string, l: Listener) => listeners.set(c, l), removeHandler: (c: string) => listeners.delete(c) };
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((c) => [
      c,
      (...args: unknown[]) => {
        calls.push(`${c} ${JSON.stringify(args)}`);
        return null;
      },
    ]),
  ) as unknown as Handlers;
  Object.assign(handlers, overrides);
  const dispose = registerHandlers({ ipcMain, handlers, isAppUrl: (u) => u === APP_URL, logger: silentLogger });
  const event = (url = APP_URL, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
  const invoke = (channel: string, args: unknown[], ev = event()) => listeners.get(channel)!(ev, ...args);
  return { listeners, calls, dispose, invoke, event };
}

describe('registerHandlers', () => {
  it('registers every channel of the contract and removes them all', () => {
    const { listeners, dispose } = setup();
    expect([...listeners.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    dispose();
    expect(listeners.size).toBe(0);
  });

  it('answers a valid call with the handler value in an envelope', async () => {
    const { invoke } = setup({
      'stats:history': () => [{ at: 1, cpuPercent: 2, memoryBytes: 3, diskBytes: 4, networkRxBytesPerSec: 5, networkTxBytesPerSec: 6, uptimeMs: 7 }],
    });
    await expect(invoke('stats:history', [ref])).resolves.toMatchObject({ ok: true, value: [{ cpuPercent: 2 }] });
  });

  it.each([
    ['another origin', 'https://evil.example.com/', null],
    ['a subframe of the app', APP_URL, { url: APP_URL }],
  ])('refuses %s before reaching the handler', async (_name, url, parent) => {
    const { invoke, calls, event } = setup();
    const reply = await invoke('servers:power', [{ server: ref, signal: 'start' }], event(url, parent));
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('refuses a call with no sender frame (a frame that navigated away)', async () => {
    const { invoke, calls } = setup();
    const reply = await invoke('servers:list', [], { senderFrame: null } as unknown as IpcMainInvokeEvent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['servers:power', [{ server: ref, signal: 'explode' }]],
    ['servers:power', [{ server: { ...ref, identifier: '../../x' }, signal: 'start' }]],
    ['files:read', [{ server: ref, path: '/../../etc/passwd' }]],
    ['files:read', [{ server: ref, path: 'relative.txt' }]],
    ['files:create-folder', [{ server: ref, root: '/', name: 'a/b' }]],
    ['files:chmod', [{ server: ref, path: '/a', mode: 755 }]],
    ['console:send', [{ server: ref, command: 'say hi\nop me' }]],
    ['accounts:add', [{ url: 'x', name: 'n', apiKey: 'k', __proto__: { admin: true }, extra: 1 }]],
    ['settings:update', [{ theme: 'purple' }]],
    ['servers:list', ['unexpected']],
    ['accounts:check', []],
    ['files:write', [{ server: ref, path: '/a', content: 'x'.repeat(17 * 1024 * 1024) }]],
  ])('rejects bad arguments for %s with invalid-argument', async (channel, args) => {
    const { invoke, calls } = setup();
    const reply = (await invoke(channel, args)) as { ok: boolean; error: { code: string; message: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('invalid-argument');
    expect(reply.error.message).toMatch(/^Invalid /);
    expect(calls).toEqual([]);
  });

  it('passes a move with odd names through untouched', async () => {
    const { invoke, calls } = setup();
    const reply = await invoke('files:rename', [{ server: ref, root: '/a b', from: '100% #1 & more?.txt', to: '/ünï/-dash+.txt' }]);
    expect(reply).toEqual({ ok: true, value: null });
    expect(calls).toEqual([`files:rename ${JSON.stringify([{ server: ref, root: '/a b', from: '100% #1 & more?.txt', to: '/ünï/-dash+.txt' }])}`]);
  });

  it.each([
    [
      new PanelError({ kind: 'conflict', conflictReason: 'suspended', detail: 'This server is currently suspended.' }),
      { code: 'conflict', reason: 'suspended' },
    ],
    [new PanelError({ kind: 'rate-limited', retryAfterMs: 5000 }), { code: 'rate-limited', retryAfterMs: 5000 }],
    [new AccountServiceError('keychain-unavailable', 'No keychain.'), { code: 'keychain-unavailable' }],
    [new HandlerError('unknown-server', 'No such server.'), { code: 'unknown-server', message: 'No such server.' }],
  ])('maps a thrown %s to a typed error', async (thrown, expected) => {
    const { invoke } = setup({
      'servers:refresh': () => {
        throw thrown;
      },
    });
    const reply = (await invoke('servers:refresh', [])) as { ok: false; error: object };
    expect(reply.ok).toBe(false);
    expect(reply.error).toMatchObject(expected);
  });

  it('hides the text of unexpected errors', async () => {
    const logger = { ...silentLogger, error: vi.fn() };
    const listeners = new Map<string, Listener>();
    const handlers = Object.fromEntries(
      INVOKE_CHANNELS.map((c) => [
        c,
        () => {
          throw new Error('/home/alex/.secret path');
        },
      ]),
    ) as unknown as Handlers;
    registerHandlers({ ipcMain: { handle: (c, l) => listeners.set(c, l), removeHandler: () => {} }, handlers, isAppUrl: () => true, logger });
    const reply = (await listeners.get('servers:refresh')!({ senderFrame: { url: APP_URL, parent: null } } as unknown as IpcMainInvokeEvent)) as {
      error: { code: string; message: string };
    };
    expect(reply.error.code).toBe('internal');
    expect(reply.error.message).not.toContain('secret');
    expect(logger.error).toHaveBeenCalledOnce();
  });
});
