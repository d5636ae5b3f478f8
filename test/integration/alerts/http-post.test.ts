/** The one POST alerts make, against local receivers: what each way of not answering becomes. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchPost, NoAnswerError } from '../../../src/core/alerts/http-post';
import { AlertReceiver } from '../../helpers/alert-receivers';
import { closedPort } from '../../helpers/ports';

const receivers: AlertReceiver[] = [];
afterEach(async () => void (await Promise.all(receivers.splice(0).map((r) => r.close()))));

async function receiver(): Promise<AlertReceiver> {
  const r = await AlertReceiver.start('webhook');
  receivers.push(r);
  return r;
}

const request = (url: string) => ({ url, headers: { 'Content-Type': 'application/json' }, body: '{"version":1}' });

describe('fetchPost', () => {
  it('answers with the status, the headers and the body', async () => {
    const r = await receiver();
    const answer = await fetchPost(2_000)(request(`${r.origin}/hook`));
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{"received":true}');
    expect(r.received[0]!.headers['user-agent']).toBe('Pterotray (alerts)');
  });

  it.each([
    { name: 'nothing listening', reason: 'refused', url: async () => `http://127.0.0.1:${await closedPort()}/hook` },
    {
      name: 'a receiver that never answers',
      reason: 'timeout',
      url: async () => {
        const r = await receiver();
        r.down('hang');
        return `${r.origin}/hook`;
      },
    },
    {
      name: 'a connection reset mid-request',
      reason: 'network',
      url: async () => {
        const r = await receiver();
        r.down('reset');
        return `${r.origin}/hook`;
      },
    },
  ])('$name is a NoAnswerError ($reason) that does not carry the URL', async ({ reason, url }) => {
    const target = await url();
    const error = await fetchPost(300)(request(`${target}?token=SECRET`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoAnswerError);
    expect(error).toMatchObject({ reason });
    expect(String((error as Error).message) + JSON.stringify(error)).not.toContain('SECRET');
  });

  it('does not follow a redirect: the body goes only where the person said', async () => {
    const elsewhere = await receiver();
    const redirector = createServer((_req, res) => res.writeHead(307, { location: `${elsewhere.origin}/collect` }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetchPost(2_000)(request(`http://127.0.0.1:${(redirector.address() as AddressInfo).port}/hook`));
      expect(answer.status).toBe(307);
      expect(elsewhere.received).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });

  it('stops at once when the dispatcher is disposed', async () => {
    const r = await receiver();
    r.down('hang');
    const abort = new AbortController();
    const pending = fetchPost(60_000)(request(`${r.origin}/hook`), abort.signal).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    expect(await pending).toBeInstanceOf(NoAnswerError);
  });
});
