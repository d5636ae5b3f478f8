/**
 * IPC fuzzing: every invoke channel of the contract called with thousands of malformed,
 * oversized and hostile argument lists (helpers/hostile-args.ts). Every one must be refused with
 * a typed error, main must not crash, and nothing may reach the panel or change the app.
 *
 * Two depths. Through `window.api` in the real app on the Electron double, batched inside one
 * `page.evaluate`: the whole path a compromised renderer would use. And main's wrapper itself
 * (registerHandlers with the real argument schemas and stub handlers), which also gets own
 * `__proto__` keys and calls from untrusted frames: the double's structured-clone stand-in cannot
 * carry an own `__proto__` key (it assigns keys, which sets the prototype; Electron keeps it as a
 * key), so those are fed to the wrapper directly, as Electron would deliver them.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARG_SCHEMAS } from '../../src/main/ipc/arg-schemas';
import { APP_PAGE_URL, appUrlMatcher } from '../../src/main/app-protocol';
import { registerHandlers, type Handlers, type IpcMainLike } from '../../src/main/ipc/register-handlers';
import { silentLogger } from '../../src/core/util/deps';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../src/shared/ipc-contract';
import type { IpcErrorCode, IpcResult } from '../../src/shared/types';
import { invoke } from '../e2e/helpers/app-on-sim';
import { expectAlive, useFaultApp, type FaultApp } from '../faults/helpers/fault-app';
import { decodeArg, hostileCases, type HostileCase } from './helpers/hostile-args';

/** Typed codes a well-formed call aimed at nothing may get. `internal` is an unexpected throw: never. */
const TYPED: ReadonlySet<IpcErrorCode> = new Set<IpcErrorCode>([
  'invalid-argument',
  'unknown-account',
  'unknown-server',
  'not-found',
  'validation',
  'auth',
  'network',
  'forbidden-sender',
]);

type Reply = IpcResult<unknown> | { thrown: string };

function verdict(c: HostileCase, reply: Reply): string | null {
  if ('thrown' in reply) return `threw ${reply.thrown}`;
  if (c.expect === 'invalid-argument') return !reply.ok && reply.error.code === 'invalid-argument' ? null : `answered ${JSON.stringify(reply).slice(0, 200)}`;
  if (reply.ok) return null;
  return TYPED.has(reply.error.code) ? null : `answered ${reply.error.code}`;
}

function failuresOf(cases: readonly HostileCase[], replies: readonly Reply[]): string[] {
  return cases.flatMap((c, i) => {
    const problem = verdict(c, replies[i] ?? { thrown: 'no reply' });
    return problem === null ? [] : [`${c.channel} (${c.why}): ${problem}`];
  });
}

describe("main's IPC wrapper, fed directly", () => {
  // The real matcher main uses (the renderer on app://pterotray), not a stub.
  const APP_URL = APP_PAGE_URL;
  const listeners = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const called: string[] = [];
  let dispose: () => void = () => {};

  beforeAll(() => {
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => void listeners.set(channel, listener),
      removeHandler: (channel) => void listeners.delete(channel),
    };
    // Stub handlers: reaching one with a hostile argument is the failure this test looks for.
    const handlers = Object.fromEntries(INVOKE_CHANNELS.map((c) => [c, () => void called.push(c)])) as unknown as Handlers;
    dispose = registerHandlers({ ipcMain, handlers, isAppUrl: appUrlMatcher(APP_PAGE_URL), logger: silentLogger });
  });

  afterAll(() => dispose());

  const event = (frame: unknown): IpcMainInvokeEvent => ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;
  const call = async (channel: InvokeChannel, frame: unknown, args: unknown[]): Promise<Reply> => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    try {
      return (await listener(event(frame), ...args)) as IpcResult<unknown>;
    } catch (error) {
      return { thrown: String(error) };
    }
  };

  it('registers every channel of the contract, and nothing else', () => {
    expect([...listeners.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('refuses thousands of hostile argument lists, own __proto__ keys included, before any handler runs', async () => {
    const cases = hostileCases({ accountId: 'acc1', identifier: '1a2b3c4d', withProtoKeys: true, combinations: 40, hugeBytes: 1_000_000 }).filter(
      (c) => c.expect === 'invalid-argument',
    );
    expect(cases.length).toBeGreaterThan(2_000);
    const top = { url: APP_URL, parent: null };
    const replies: Reply[] = [];
    for (const c of cases) replies.push(await call(c.channel, top, decodeArg(c.args) as unknown[]));
    expect(failuresOf(cases, replies)).toEqual([]);
    expect(called).toEqual([]);
    // Nothing leaked onto Object.prototype along the way.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 16 MiB + 1 editor content (and takes 16 MiB)', async () => {
    const server = { accountId: 'acc1', identifier: '1a2b3c4d' };
    const top = { url: APP_URL, parent: null };
    const over = await call('files:write', top, [{ server, path: '/x.txt', content: 'x'.repeat(16 * 1024 * 1024 + 1) }]);
    expect('thrown' in over || over.ok ? over : over.error.code).toBe('invalid-argument');
    const at = await call('files:write', top, [{ server, path: '/x.txt', content: 'x'.repeat(16 * 1024 * 1024) }]);
    expect('thrown' in at ? at : at.ok).toBe(true);
    expect(called.splice(0)).toEqual(['files:write']);
  });

  it('answers forbidden-sender to every channel called from anywhere but the app page, top frame', async () => {
    const frames: Array<[string, unknown]> = [
      ['no frame', null],
      ['a sub-frame of the app page', { url: APP_URL, parent: { url: APP_URL } }],
      ['another origin', { url: 'https://evil.example/', parent: null }],
      ['another local file', { url: 'file:///etc/passwd', parent: null }],
      // The built page itself, loaded as a file (how the window used to load it): refused now.
      ['the built page as file://', { url: 'file:///opt/pterotray/resources/app.asar/out/renderer/index.html', parent: null }],
      ['another host of the app scheme', { url: 'app://evil/index.html', parent: null }],
      ['a look-alike host', { url: 'app://pterotray.evil.example/index.html', parent: null }],
      ['the app host on https', { url: 'https://pterotray/index.html', parent: null }],
      ['the app page on http', { url: 'http://127.0.0.1/opt/pterotray/out/renderer/index.html', parent: null }],
      ['a sub-frame of the app page on the app scheme', { url: 'app://pterotray/index.html', parent: { url: 'https://evil.example/' } }],
      ['a javascript: URL', { url: 'javascript:alert(1)', parent: null }],
    ];
    for (const channel of INVOKE_CHANNELS) {
      for (const [what, frame] of frames) {
        const reply = await call(channel, frame, []);
        expect('thrown' in reply || reply.ok ? `${channel} from ${what}: ${JSON.stringify(reply)}` : reply.error.code).toBe('forbidden-sender');
      }
    }
    expect(called).toEqual([]);
  });
});

/** The page side: decodes the cases (same tags as decodeArg) and calls window.api, 100 at a time. */
async function callFromPage(env: FaultApp, cases: readonly HostileCase[]): Promise<Reply[]> {
  const payload: Array<{ method: string; args: unknown }> = cases.map((c) => ({ method: c.method, args: c.args }));
  return env.page.evaluate(async (batch: Array<{ method: string; args: unknown }>) => {
    type Api = Record<string, (...args: unknown[]) => Promise<unknown>>;
    const api = (globalThis as unknown as { api: Api }).api;
    const decode = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(decode);
      if (value === null || typeof value !== 'object') return value;
      const v = value as Record<string, unknown>;
      if (v.$t === 'u') return undefined;
      if (v.$t === 'nan') return Number.NaN;
      if (v.$t === 'inf') return Number.POSITIVE_INFINITY;
      if (v.$t === 'big') return BigInt(String(v.v));
      if (v.$t === 'date') return new Date(Number(v.v));
      if (v.$t === 'rep') return String(v.s).repeat(Number(v.n));
      const define = (target: Record<string, unknown>, key: string, item: unknown): void => {
        Object.defineProperty(target, key, { value: decode(item), enumerable: true, writable: true, configurable: true });
      };
      if (v.$t === 'own') {
        const out = decode(v.o ?? {}) as Record<string, unknown>;
        define(out, String(v.k), v.v ?? null);
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) define(out, key, item);
      return out;
    };
    const replies: unknown[] = [];
    for (let i = 0; i < batch.length; i += 100) {
      const chunk = batch.slice(i, i + 100).map(async ({ method, args }) => {
        try {
          const fn = api[method];
          if (!fn) return { thrown: `no method ${method}` };
          return await fn(...(decode(args) as unknown[]));
        } catch (error) {
          return { thrown: String(error) };
        }
      });
      replies.push(...(await Promise.all(chunk)));
    }
    return replies;
  }, payload) as Promise<Reply[]>;
}

/**
 * The monitor's own background reads, which go on while the calls run: the heartbeat (`GET
 * /account` after 20 s without an answer, src/core/monitor/heartbeat.ts), the server list's
 * refresh, a websocket's credentials and a poll of resources. A fuzz run on a loaded machine
 * outlasts their timers. Anything else reaching the panel (any write, any other read) is a call's.
 */
const MONITOR_READS = new Set([
  'GET /api/client/account',
  'GET /api/client',
  'GET /api/client/servers/:server/websocket',
  'GET /api/client/servers/:server/resources',
]);

function panelRequestsOfCalls(env: { sim: { control: { requestLog(): Array<{ route: string }> } } }): Array<{ route: string }> {
  return env.sim.control.requestLog().filter((r) => !MONITOR_READS.has(r.route));
}

/** Well-formed calls for an account that does not exist, on the two channels that ask a dialog. */
function opensDialogFirst(c: HostileCase): boolean {
  return c.expect === 'no-effect' && (c.channel === 'files:download' || c.channel === 'files:pick-and-upload');
}

describe('window.api, fuzzed from the real page', () => {
  const env = useFaultApp();

  it('refuses every hostile call with a typed error; main stays up, the panel sees nothing, nothing changes', async () => {
    const server = env.sim.control.servers()[0];
    if (!server) throw new Error('no server');
    const cases = hostileCases({ accountId: env.account.id, identifier: server.identifier, withProtoKeys: false, combinations: 0, hugeBytes: 20_000 });
    expect(cases.length).toBeGreaterThan(2_000);
    const state = async () => ({
      settings: await invoke(env.page, 'settingsGet'),
      accounts: await invoke(env.page, 'accountsList'),
      tray: (env.app.tray()?.menu ?? []).map((i) => i.label),
      shell: env.app.shellCalls().length,
      dialogs: env.app.dialog.calls().length,
      notifications: env.app.notifications().length,
      windows: env.app.windows().length,
    });
    const before = await state();
    env.sim.control.resetCounts();
    const replies = await callFromPage(env, cases);
    expect(replies).toHaveLength(cases.length);
    expect(failuresOf(cases, replies)).toEqual([]);
    expect(panelRequestsOfCalls(env), 'requests that reached the panel').toEqual([]);
    await expectAlive(env);
    expect(await state()).toEqual(before);
  });

  // Once a bug: these showed the native save or open dialog before looking up the account.
  it('refuses downloads and uploads for no account without a dialog', async () => {
    const server = env.sim.control.servers()[0];
    if (!server) throw new Error('no server');
    const cases = hostileCases({ accountId: env.account.id, identifier: server.identifier, withProtoKeys: false, combinations: 0, hugeBytes: 20_000 }).filter(
      opensDialogFirst,
    );
    expect(cases.length).toBeGreaterThan(0);
    const dialogs = env.app.dialog.calls().length;
    const replies = await callFromPage(env, cases);
    const codes = replies.map((r) => ('thrown' in r || r.ok ? 'accepted' : r.error.code));
    expect(new Set(codes)).toEqual(new Set(['unknown-account']));
    expect(env.app.dialog.calls().length - dialogs, 'native dialogs opened').toBe(0);
    expect(panelRequestsOfCalls(env), 'requests that reached the panel').toEqual([]);
  });
});
