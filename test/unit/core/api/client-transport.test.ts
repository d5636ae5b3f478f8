/**
 * PanelClient and plain http (issue 11, item 4): a panel on http off this machine gets no request
 * (and so never the key) unless the person allowed it; the websocket and signed links a panel hands
 * out are held to the same rule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import type { PanelConnection } from '../../../../src/core/api/client-types';
import { fakeAdapter, type AdapterAnswer, type AdapterCall } from './helpers/fake-adapter';

const KEY = 'ptlc_transporttesttest';
const clients: PanelClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function clientAt(
  conn: Omit<PanelConnection, 'apiKey'>,
  answer: (call: AdapterCall) => AdapterAnswer = () => ({ body: {} }),
): { c: PanelClient; calls: AdapterCall[] } {
  const { adapter, calls } = fakeAdapter(answer);
  const c = new PanelClient({ ...conn, apiKey: KEY }, { adapter });
  clients.push(c);
  return { c, calls };
}

const handedOut =
  (socket: string, link: string) =>
  (call: AdapterCall): AdapterAnswer => {
    if (call.path.endsWith('/websocket')) return { body: { data: { token: 'jwt', socket } } };
    return { body: { object: 'signed_url', attributes: { url: link } } };
  };

describe('PanelClient on plain http', () => {
  it('refuses a plain-http panel off this machine before any request, with advice and no key in the message', () => {
    let thrown: unknown;
    try {
      clientAt({ url: 'http://panel.example.com' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ kind: 'insecure-transport' });
    expect(String((thrown as Error).message)).toMatch(/panel\.example\.com is on plain http.*https:\/\//);
    expect(JSON.stringify(thrown)).not.toContain(KEY);
  });

  it('takes loopback http, and a plain panel the person allowed', async () => {
    const local = clientAt({ url: 'http://127.0.0.1:8080' }, () => ({
      body: { object: 'user', attributes: { id: 1, username: 'me', email: 'me@x', admin: false } },
    }));
    await expect(local.c.getAccount()).resolves.toMatchObject({ username: 'me' });
    const allowed = clientAt({ url: 'http://panel.example.com', allowPlainHttp: true }, () => ({
      body: { object: 'user', attributes: { id: 1, username: 'me', email: 'me@x', admin: false } },
    }));
    await expect(allowed.c.getAccount()).resolves.toMatchObject({ username: 'me' });
    expect(allowed.calls).toHaveLength(1);
  });

  it('refuses a ws:// websocket and an http:// signed link off this machine from an https panel', async () => {
    const { c } = clientAt(
      { url: 'https://panel.example.com' },
      handedOut('ws://node.example.com:8080/api/servers/u/ws', 'http://node.example.com:8080/download/file?token=secret-token'),
    );
    await expect(c.getWebsocketCredentials('s1')).rejects.toMatchObject({ kind: 'insecure-transport', message: expect.stringMatching(/wss:\/\//) });
    const download = c.getDownloadUrl('s1', '/a.zip');
    await expect(download).rejects.toMatchObject({ kind: 'insecure-transport' });
    // The link carries a signature: it is never echoed.
    await download.catch((error: Error) => expect(JSON.stringify({ m: error.message, ...error })).not.toContain('secret-token'));
    await expect(c.getUploadUrl('s1')).rejects.toMatchObject({ kind: 'insecure-transport' });
  });

  it('takes encrypted and loopback addresses from an https panel, and plain ones from an allowed panel', async () => {
    const tls = clientAt(
      { url: 'https://panel.example.com' },
      handedOut('wss://node.example.com:8080/ws', 'https://node.example.com:8080/upload/file?token=u'),
    );
    await expect(tls.c.getWebsocketCredentials('s1')).resolves.toMatchObject({ socket: 'wss://node.example.com:8080/ws' });
    await expect(tls.c.getUploadUrl('s1')).resolves.toContain('https://');
    const loop = clientAt({ url: 'https://panel.example.com' }, handedOut('ws://127.0.0.1:8080/ws', 'http://127.0.0.1:8080/upload/file?token=u'));
    await expect(loop.c.getWebsocketCredentials('s1')).resolves.toMatchObject({ socket: 'ws://127.0.0.1:8080/ws' });
    const plain = clientAt(
      { url: 'http://panel.example.com', allowPlainHttp: true },
      handedOut('ws://node.example.com:8080/ws', 'http://node.example.com:8080/upload/file?token=u'),
    );
    await expect(plain.c.getWebsocketCredentials('s1')).resolves.toMatchObject({ socket: 'ws://node.example.com:8080/ws' });
    await expect(plain.c.getUploadUrl('s1')).resolves.toContain('http://node.example.com');
  });
});
