/**
 * PanelClient against a real local socket: headers, query encoding, bodies, statuses, timeouts,
 * aborts and key hygiene.
 */
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import { PanelError } from '../../../../src/core/api/errors';
import { ManualClock } from '../../../helpers/manual-clock';
import { sendJson, startLocalPanel, type LocalPanel, type SeenRequest } from './helpers/local-panel';

const KEY = 'ptlc_AbCdEfGhIjK' + 'S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tXY';
const FILE = {
  object: 'file_object',
  attributes: { name: 'a.tar.gz', mode: '-rw-r--r--', mode_bits: '644', size: 10, is_file: true, is_symlink: false, mimetype: 'application/gzip' },
};

function route(req: SeenRequest, res: ServerResponse): void {
  const p = req.path.replace(/^\/api\/client/, '');
  const table: Record<string, () => void> = {
    '/account': () =>
      sendJson(
        res,
        200,
        { object: 'user', attributes: { id: 1, admin: false, username: 'u', email: 'e' } },
        { 'x-ratelimit-limit': '720', 'x-ratelimit-remaining': '719' },
      ),
    '/servers/s1/files/contents': () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(req.query.get('file') ?? '');
    },
    '/servers/s1/files/list': () =>
      sendJson(res, 200, {
        object: 'list',
        data: [{ ...FILE, attributes: { ...FILE.attributes, name: req.query.get('directory') === '/' ? 'root' : 'sub' } }],
      }),
    '/servers/s1/files/write': () => res.writeHead(204).end(),
    '/servers/s1/files/chmod': () => res.writeHead(204).end(),
    '/servers/s1/files/compress': () => sendJson(res, 200, FILE),
    '/servers/s1/power': () => res.writeHead(204).end(),
    '/servers/seed/power': () => sendJson(res, 200, { object: 'task', status: 'success', message: 'Power action sent successfully.' }),
    '/servers/busy/power': () =>
      sendJson(res, 429, { errors: [{ code: 'ThrottleRequestsException', status: '429', detail: 'Too Many Attempts.' }] }, { 'retry-after': '30' }),
    '/servers/s1/command': () =>
      sendJson(res, 502, { errors: [{ code: 'HttpException', status: '502', detail: 'Server must be online in order to send commands.' }] }),
    '/servers/login/resources': () => res.writeHead(302, { location: '/auth/login' }).end(),
    '/servers/html/resources': () => res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>Login</title>'),
    '/servers/empty/resources': () => res.writeHead(200, { 'content-type': 'application/json' }).end(),
    '/servers/echo/resources': () =>
      sendJson(res, 401, { errors: [{ code: 'AuthenticationException', status: '401', detail: `bad ${req.headers.authorization ?? ''}` }] }),
    '/servers/hang/resources': () => {}, // never answers
  };
  const handler = table[p];
  if (handler) handler();
  else if (p === '/' || p === '')
    sendJson(res, 200, { object: 'list', data: [], meta: { pagination: { total: 0, count: 0, per_page: 100, current_page: 1, total_pages: 1 } } });
  else sendJson(res, 404, { errors: [{ code: 'NotFoundHttpException', status: '404', detail: 'The requested resource could not be found on the server.' }] });
}

let panel: LocalPanel;
let clients: PanelClient[] = [];

function client(options: ConstructorParameters<typeof PanelClient>[1] = {}, url = panel.url): PanelClient {
  const c = new PanelClient({ url, apiKey: KEY }, options);
  clients.push(c);
  return c;
}

function last(): SeenRequest {
  const req = panel.seen.at(-1);
  if (!req) throw new Error('no request reached the panel');
  return req;
}

async function caught(p: Promise<unknown>): Promise<PanelError> {
  const err = await p.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PanelError);
  return err as PanelError;
}

function expectNoKey(err: PanelError): void {
  const texts = [err.message, err.detail ?? '', JSON.stringify(err), JSON.stringify(err.toJSON()), String(err), inspect(err, { depth: 10, showHidden: true })];
  for (const text of texts) {
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(16));
  }
}

beforeAll(async () => {
  panel = await startLocalPanel(route);
});

afterEach(() => {
  for (const c of clients) c.dispose();
  clients = [];
});

afterAll(async () => {
  await panel.close();
});

describe('headers', () => {
  it('sends the key, Accept JSON and the User-Agent, and no Content-Type on a GET', async () => {
    await client({}, `${panel.url}/api/client//`).getAccount();
    const req = last();
    expect(req.path).toBe('/api/client/account');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['user-agent']).toBe('Pterotray/0.1.0');
    expect(req.headers['content-type']).toBeUndefined();
  });

  it('sends JSON with Content-Type application/json and files/write as text/plain', async () => {
    const c = client();
    await c.power('s1', 'start');
    expect(last().headers['content-type']).toBe('application/json');
    expect(JSON.parse(last().body)).toEqual({ signal: 'start' });

    await c.writeFile('s1', '/server.properties', '{"not":"json to the panel"}\nmotd=hi');
    expect(last().headers['content-type']).toMatch(/^text\/plain/);
    expect(last().body).toBe('{"not":"json to the panel"}\nmotd=hi');
  });

  it('reads the rate-limit headers of every answer', async () => {
    const c = client();
    await c.getAccount();
    expect(c.rateLimit()).toMatchObject({ limitPerMinute: 720, remaining: 719, blockedUntilMs: null });
  });
});

describe('query encoding', () => {
  it.each([
    '/plain.txt',
    '/dir with spaces/a b.txt',
    '/hash#tag.txt',
    '/100%/50%.txt',
    '/what?.txt',
    '/a&b=c.txt',
    '/a+b.txt',
    '/ünïcödé/日本語 ファイル.txt',
    '-leading-dash.txt',
    '/trailing space ',
    '/%2e%2e/literal-percent-escapes',
  ])('the panel receives exactly %j', async (path) => {
    const c = client();
    await expect(c.readFile('s1', path)).resolves.toBe(path); // the panel echoes the decoded query value
    expect(last().query.get('file')).toBe(path);
    await c.listFiles('s1', path);
    expect(last().query.get('directory')).toBe(path);
  });

  it('sends type, per_page and filter[*] on the server list', async () => {
    await client().listServersPage(1, { type: 'admin-all', filter: { '*': 'mc & co', name: 'a+b' } });
    const q = last().query;
    expect([q.get('page'), q.get('per_page'), q.get('type'), q.get('filter[*]'), q.get('filter[name]')]).toEqual(['1', '100', 'admin-all', 'mc & co', 'a+b']);
  });

  it('keeps a server id to one path segment', async () => {
    const err = await caught(client().getServer('a/../../account'));
    expect(err.kind).toBe('not-found');
    expect(last().path).toBe('/api/client/servers/a%2F..%2F..%2Faccount');
    await expect(client().getServer('..')).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('calls', () => {
  it("treats any 2xx as success for power: 204 empty or the seed guide's 200 task body", async () => {
    const c = client();
    await expect(c.power('s1', 'restart')).resolves.toBeUndefined();
    await expect(c.power('seed', 'kill')).resolves.toBeUndefined();
  });

  it('refuses an unknown power signal without sending anything', async () => {
    const before = panel.seen.length;
    await expect(client().power('s1', 'explode' as never)).rejects.toMatchObject({ kind: 'validation' });
    expect(panel.seen.length).toBe(before);
  });

  it('maps 502 on a command to server-offline', async () => {
    const err = await caught(client().sendCommand('s1', 'say hi'));
    expect(err).toMatchObject({ kind: 'server-offline', status: 502, detail: 'Server must be online in order to send commands.' });
  });

  it('sends chmod modes as strings', async () => {
    await client().chmodFiles('s1', '/', [{ file: 'start.sh', mode: '755' }]);
    expect(JSON.parse(last().body)).toEqual({ root: '/', files: [{ file: 'start.sh', mode: '755' }] });
    await expect(client().chmodFiles('s1', '/', [{ file: 'x', mode: '999' }])).rejects.toMatchObject({ kind: 'validation' });
  });

  it('returns the new archive from compress', async () => {
    await expect(client().compressFiles('s1', '/', ['world'])).resolves.toMatchObject({ name: 'a.tar.gz', mimetype: 'application/gzip', modeBits: '644' });
    expect(JSON.parse(last().body)).toEqual({ root: '/', files: ['world'] });
  });

  it('does not retry a POST that got 429 and reports the wait', async () => {
    const c = client();
    const before = panel.seen.length;
    const err = await caught(c.power('busy', 'start'));
    expect(err).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
    expect(panel.seen.length).toBe(before + 1);
    expect(c.rateLimit().blockedUntilMs).not.toBeNull();
  });
});

describe('answers that are not JSON API answers', () => {
  it('maps a redirect to /auth/login to auth and does not follow it', async () => {
    const before = panel.seen.length;
    const err = await caught(client().getResources('login'));
    expect(err.kind).toBe('auth');
    expect(panel.seen.length).toBe(before + 1);
  });

  it.each(['html', 'empty'])('maps a 200 %s body on a JSON call to bad-response', async (server) => {
    expect((await caught(client().getResources(server))).kind).toBe('bad-response');
  });
});

describe('timeouts, aborts and dispose', () => {
  it('times out on the injected clock', async () => {
    const clock = new ManualClock();
    const c = client({ clock, timeoutMs: 5_000 });
    const before = panel.seen.length;
    const call = c.getResources('hang');
    await panel.waitForRequests(before + 1);
    clock.advance(4_999);
    clock.advance(1);
    const err = await caught(call);
    expect(err.kind).toBe('timeout');
    expect(clock.pendingCount).toBe(0);
  });

  it('honours a per-call timeout override', async () => {
    const clock = new ManualClock();
    const c = client({ clock, timeoutMs: 60_000 });
    const before = panel.seen.length;
    const call = c.getResources('hang', { timeoutMs: 100 });
    await panel.waitForRequests(before + 1);
    clock.advance(100);
    expect((await caught(call)).kind).toBe('timeout');
  });

  it('cancels when the caller aborts mid-flight, and before sending', async () => {
    const controller = new AbortController();
    const before = panel.seen.length;
    const call = client().getResources('hang', { signal: controller.signal });
    await panel.waitForRequests(before + 1);
    controller.abort();
    expect((await caught(call)).kind).toBe('cancelled');

    const count = panel.seen.length;
    await expect(client().getResources('s1', { signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'cancelled' });
    expect(panel.seen.length).toBe(count);
  });

  it('cancels calls in flight on dispose and clears its timers', async () => {
    const clock = new ManualClock();
    const c = client({ clock });
    const before = panel.seen.length;
    const call = c.getResources('hang');
    await panel.waitForRequests(before + 1);
    c.dispose();
    expect((await caught(call)).kind).toBe('cancelled');
    expect(clock.pendingCount).toBe(0);
    await expect(c.getAccount()).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('key hygiene', () => {
  it('keeps the key out of every error, even when the panel echoes the Authorization header', async () => {
    const errors = [
      await caught(client().getResources('echo')),
      await caught(client().getResources('missing')),
      await caught(client().getResources('login')),
      await caught(client().getResources('html')),
      await caught(client().power('busy', 'start')),
      await caught(client().sendCommand('s1', 'x')),
    ];
    expect(errors[0]?.detail).toContain('[redacted]');
    for (const err of errors) expectNoKey(err);
  });

  it('keeps the key out of a connection-refused error and its cause', async () => {
    const dead = await startLocalPanel(() => {});
    const url = dead.url;
    await dead.close();
    const err = await caught(client({}, url).getAccount());
    expect(err).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    expect(err.cause).not.toHaveProperty('config');
    expectNoKey(err);
  });

  it('keeps the key out of timeout and cancelled errors', async () => {
    const clock = new ManualClock();
    const before = panel.seen.length;
    const call = client({ clock }).getResources('hang');
    await panel.waitForRequests(before + 1);
    clock.advance(20_000);
    expectNoKey(await caught(call));
  });
});
