/** The component tests' `window.api`: typed by the contract, and reset between tests. */
import { describe, expect, it } from 'vitest';
import { api } from '../src/lib/api';
import { mockApi } from './mock-api';
import { makeServer } from './view-models';

describe('mockApi', () => {
  const heard: unknown[] = [];

  it('answers what a test sets, and records the calls with their arguments', async () => {
    const server = makeServer();
    mockApi.answer('serversList', [server]);
    mockApi.fail('filesRead', { code: 'not-found', message: 'No such file.' });
    api.onServersChanged((servers) => heard.push(servers));
    expect(await api.serversList()).toEqual([server]);
    await expect(api.filesRead({ server, path: '/a' })).rejects.toMatchObject({ code: 'not-found' });
    mockApi.emit('servers:changed', [server]);
    expect(mockApi.calls('filesRead')).toEqual([[{ server, path: '/a' }]]);
    expect(heard).toEqual([[server]]);
  });

  // Runs after the test above (tests in a file run in order): nothing it set is left.
  it('starts each test from the defaults: no answer, call or subscriber of an earlier test', async () => {
    expect(mockApi.calls('filesRead')).toEqual([]);
    expect(await api.serversList()).toBeNull();
    expect(await api.filesRead({ server: makeServer(), path: '/a' })).toBeNull();
    mockApi.emit('servers:changed', [makeServer({ name: 'Later' })]);
    expect(heard).toHaveLength(1);
    expect(mockApi.bridge.onServersChanged).not.toHaveBeenCalled();
  });

  it('is typed by the contract', () => {
    // @ts-expect-error: no such method in the contract
    expect(() => mockApi.answer('filesFly', [])).toThrow('window.api has no filesFly');
    // @ts-expect-error: servers:list answers ServerView[], not a string
    mockApi.answer('serversList', 'servers');
    // @ts-expect-error: files:write answers nothing
    mockApi.answer('filesWrite', { saved: true });
    const call: [{ server: { accountId: string; identifier: string }; path: string }] | undefined = mockApi.calls('filesRead')[0];
    expect(call).toBeUndefined();
  });
});
