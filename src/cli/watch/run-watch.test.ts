import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../core/util/deps';
import type { AccountView, ServerView } from '../../shared/types';
import { createFakeClient } from '../../../test/helpers/fake-client';
import type { CliDeps, CommandContext } from '../context';
import { describeFailure } from '../failure';
import { createOutput } from '../output';
import { runWatch, type WatchMonitor } from './run-watch';

/** A monitor whose `start()` plays `script` (account patches and views), firing `changed` as the real one does. */
function fakeMonitor(script: (set: (patch: Partial<AccountView>, views?: ServerView[]) => void) => void) {
  let account: AccountView = {
    id: 'cli',
    name: 'panel',
    url: 'http://panel.test',
    username: null,
    status: 'checking',
    statusMessage: null,
    keyStorage: 'session',
    isDemo: false,
    allowsPlainHttp: false,
  };
  let views: ServerView[] = [];
  const listeners = new Set<() => void>();
  const set = (patch: Partial<AccountView>, next: ServerView[] = views): void => {
    account = { ...account, ...patch };
    views = next;
    for (const cb of listeners) cb();
  };
  const monitor: WatchMonitor = {
    setAccounts: () => {},
    start: () => script(set),
    dispose: vi.fn(),
    on: ((_event: 'changed', cb: () => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    }) as WatchMonitor['on'],
    servers: () => views,
    accounts: () => [account],
  };
  return monitor;
}

const server = (state: ServerView['state']): ServerView => ({
  accountId: 'cli',
  identifier: 'serv_abc',
  uuid: null,
  name: 'Lobby',
  node: 'n',
  description: null,
  state,
  availability: 'ok',
  isLive: true,
  isStateCurrent: true,
  stateSeenAt: 0,
  resources: null,
  limits: { memoryMib: 0, diskMib: 0, cpuPercent: 0 },
  address: null,
  sftp: null,
  liveIssue: null,
  featurePrompt: null,
});

function context(abort: AbortController) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = { out: '', err: '' };
  stdout.on('data', (c: Buffer) => (text.out += c.toString()));
  stderr.on('data', (c: Buffer) => (text.err += c.toString()));
  const client = createFakeClient();
  const ctx = {
    command: 'watch',
    args: [],
    options: { json: false },
    out: createOutput(stdout, stderr),
    deps: { clock: systemClock } as CliDeps,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    client: () => Promise.resolve(client),
    signal: abort.signal,
  } as unknown as CommandContext;
  return { ctx, text };
}

describe('runWatch', () => {
  it('prints what the monitor sees, and resolves with the monitor disposed on Ctrl-C', async () => {
    const abort = new AbortController();
    const { ctx, text } = context(abort);
    const monitor = fakeMonitor((set) => {
      set({ status: 'ok' }, [server('unknown')]);
      set({}, [server('running')]);
      abort.abort();
    });
    await expect(runWatch(ctx, () => monitor)).resolves.toBeUndefined();
    expect(text.err).toContain('watching 1 servers over their websockets; Ctrl-C to stop');
    expect(text.out).toMatch(/^\S+Z {2}serv_abc {2}Lobby {2}unknown -> running\n$/);
    expect(monitor.dispose).toHaveBeenCalledTimes(1);
  });

  it('says the panel is down and keeps going; a refused key ends it with exit 1 and the reason', async () => {
    const { ctx, text } = context(new AbortController());
    const monitor = fakeMonitor((set) => {
      set({ status: 'unreachable', statusMessage: 'Could not reach the panel.' });
      set({ status: 'key-revoked', statusMessage: 'The panel refused the API key.' });
    });
    const error = await runWatch(ctx, () => monitor).catch((e: unknown) => e);
    expect(text.err).toContain('pterotray: the panel cannot be reached: Could not reach the panel. Retrying');
    expect(describeFailure(error)).toMatchObject({ exitCode: 1, lines: [expect.stringMatching(/^pterotray: The panel refused the API key/)] });
    expect(monitor.dispose).toHaveBeenCalledTimes(1);
  });
});
