import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerSession } from './server-session.svelte';
import { mockApi } from '../../../test/mock-api';
import { OTHER_REF, REF, sample, serverView, withoutEscapes } from './test-fixtures';
import type { ConsoleSink } from './console/console-store.svelte';

const plain = (lines: string[]) => lines.map(withoutEscapes);

function terminal(): ConsoleSink & { lines: string[] } {
  const s = { lines: [] as string[], write: (l: readonly string[]) => void s.lines.push(...l), clear: () => void (s.lines = []) };
  return s;
}

describe('ServerSession', () => {
  beforeEach(() => {
    mockApi.answer('consoleAttach', { backlog: ['backlog line'], connection: 'connected' });
    mockApi.answer('statsHistory', [sample(1000), sample(3000)]);
    mockApi.answer('consoleHistory', ['list']);
    mockApi.answer('consoleDetach', undefined);
  });

  it('attaches once, loads history and detaches when stopped', async () => {
    const session = new ServerSession(REF, 'running');
    const stop = session.start();
    await vi.waitFor(() => expect(session.console.attachStatus).toBe('attached'));
    await vi.waitFor(() => expect(session.stats.status).toBe('ready'));
    expect(mockApi.calls('consoleAttach')).toEqual([[REF]]);
    expect(mockApi.calls('statsHistory')).toEqual([[REF]]);
    expect(mockApi.calls('consoleHistory')).toEqual([[REF]]);
    stop();
    stop();
    expect(mockApi.calls('consoleDetach')).toEqual([[REF]]);
  });

  it('takes pushed stats and lines of its own server only', async () => {
    const session = new ServerSession(REF, 'running');
    const sink = terminal();
    session.console.connect(sink);
    const stop = session.start();
    await vi.waitFor(() => expect(session.stats.status).toBe('ready'));
    await vi.waitFor(() => expect(session.console.attachStatus).toBe('attached'));
    mockApi.emit('stats:sample', { server: OTHER_REF, sample: sample(5000) });
    mockApi.emit('stats:sample', { server: REF, sample: sample(7000) });
    mockApi.emit('console:line', { server: OTHER_REF, text: 'not mine', kind: 'output' });
    mockApi.emit('console:line', { server: REF, text: 'mine', kind: 'output' });
    mockApi.emit('console:connection', { server: OTHER_REF, connection: 'failed' });
    expect(session.stats.samples.map((s) => s.at)).toEqual([1000, 3000, 7000]);
    expect(plain(sink.lines)).toEqual(['backlog line', 'mine']);
    expect(session.console.connection).toBe('connected');
    stop();
    mockApi.emit('console:line', { server: REF, text: 'after stop', kind: 'output' });
    expect(plain(sink.lines)).toEqual(['backlog line', 'mine']);
  });

  it('clears the stats when its server goes offline, and takes samples again once it runs', async () => {
    const session = new ServerSession(REF, 'running');
    const stop = session.start();
    await vi.waitFor(() => expect(session.stats.samples).toHaveLength(2));
    mockApi.emit('servers:changed', [serverView({ ...OTHER_REF, state: 'offline' }), serverView({ state: 'running' })]);
    expect(session.stats.samples).toHaveLength(2);
    mockApi.emit('servers:changed', [serverView({ state: 'offline' })]);
    expect(session.stats.samples).toEqual([]);
    expect(session.stats.isOffline).toBe(true);
    mockApi.emit('stats:sample', { server: REF, sample: sample(9000) });
    expect(session.stats.samples).toEqual([]);
    mockApi.emit('servers:changed', [serverView({ state: 'starting' })]);
    mockApi.emit('stats:sample', { server: REF, sample: sample(11_000) });
    expect(session.stats.samples.map((s) => s.at)).toEqual([11_000]);
    stop();
  });

  it('shows no old history for a server that is offline when opened', async () => {
    const session = new ServerSession(REF, 'offline');
    const stop = session.start();
    await vi.waitFor(() => expect(session.stats.status).toBe('ready'));
    expect(session.stats.samples).toEqual([]);
    stop();
  });

  it('reports a failed attach and can attach again', async () => {
    mockApi.fail('consoleAttach', { code: 'unknown-server', message: 'This server is not known.' });
    const session = new ServerSession(REF, 'running');
    const stop = session.start();
    await vi.waitFor(() => expect(session.console.attachStatus).toBe('failed'));
    expect(session.console.attachError).toBe('This server is not known.');
    mockApi.answer('consoleAttach', { backlog: [], connection: 'reconnecting' });
    await session.attach();
    expect(session.console.attachStatus).toBe('attached');
    expect(session.console.connection).toBe('reconnecting');
    stop();
  });
});
