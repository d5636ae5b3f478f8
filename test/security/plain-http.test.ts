/**
 * Issue 11, item 4: the key went in clear text to any http:// panel, with no word to the user.
 * Now plain http is allowed only for loopback; a panel anywhere else needs the explicit choice in
 * onboarding and main's own warning, and then carries a lasting "Not encrypted" mark.
 *
 * A panel that is not on this machine, without leaving it: the app runs with HTTP_PROXY pointing
 * at a recording proxy on 127.0.0.1 (axios honours it, as it would a user's), which forwards
 * `http://panel.example.test` to the simulated panel. What the proxy sees is what anyone on that
 * network would see: before the fix it saw the key; without the choice it now sees nothing.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../src/shared/types';
import { hasSecretService, invoke, screenshot, startAppOnSim, type FreshApp } from '../e2e/helpers/app-on-sim';

const PLAIN_PANEL = 'http://panel.example.test';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A forward proxy that records every request and passes it to the simulated panel. */
async function recordingProxy(target: () => string): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const to = new URL(target());
    const from = new URL(req.url ?? '/', PLAIN_PANEL);
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: `${from.pathname}${from.search}`, headers: { ...req.headers, host: to.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe.skipIf(!hasSecretService)('a panel on plain http that is not on this machine', () => {
  let env: FreshApp;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;

  beforeAll(async () => {
    let simUrl = '';
    proxy = await recordingProxy(() => simUrl);
    env = await startAppOnSim({
      until: 'launched',
      sim: { servers: 2 },
      launch: { env: { HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' } },
    });
    simUrl = env.sim.url;
    await env.page.getByRole('heading', { name: 'Welcome to Pterotray' }).waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    await env?.close();
    await new Promise<void>((resolve) => proxy?.server.close(() => resolve()));
  });

  it('gets nothing, key or otherwise, when a page asks main directly', async () => {
    const check = await invoke(env.page, 'accountsCheck', { url: PLAIN_PANEL, apiKey: env.sim.apiKey });
    expect(check).toMatchObject({ ok: false, error: { code: 'insecure-transport', message: expect.stringMatching(/plain http.*https:\/\//) } });
    const add = await invoke(env.page, 'accountsAdd', { url: PLAIN_PANEL, name: 'Plain', apiKey: env.sim.apiKey });
    expect(add).toMatchObject({ ok: false, error: { code: 'insecure-transport' } });
    expect(JSON.stringify([check, add])).not.toContain(env.sim.apiKey);
    expect(proxy.seen).toEqual([]);
  });

  it('warns as the address is typed and refuses to go on without the choice', async () => {
    const form = env.page.getByRole('form', { name: 'Add a panel' });
    await form.getByLabel('Panel address').fill(PLAIN_PANEL);
    await form.getByLabel('API key', { exact: true }).fill(env.sim.apiKey);
    await form.getByText('This panel is not encrypted: anyone on the network can read your key.').waitFor();
    await form.getByRole('button', { name: 'Check and add' }).click();
    await form.getByText(/This address is not encrypted\. Use the panel’s https:\/\/ address/).waitFor();
    await screenshot(env.page, 'plain-http-onboarding-warning');
    expect(proxy.seen).toEqual([]);
  });

  it('adds it after the choice and main’s own warning, and marks it "Not encrypted" for good', async () => {
    const form = env.page.getByRole('form', { name: 'Add a panel' });
    await form.getByRole('checkbox', { name: 'Send my key without encryption' }).check();
    const mark = env.app.dialog.calls().length;
    await env.app.dialog.answerNext('showMessageBox', { response: 1 });
    await form.getByRole('button', { name: 'Check and add' }).click();
    await env.page.getByRole('heading', { level: 2, name: 'panel.example.test' }).waitFor({ timeout: 20_000 });
    const [question] = env.app.dialog.calls().slice(mark);
    expect(question?.options).toMatchObject({
      type: 'warning',
      message: 'Add panel.example.test without encryption?',
      buttons: ['Cancel', 'Add without encryption'],
      defaultId: 0,
    });
    // This is what plain http means: the key crossed the "network" readable by anyone on it.
    expect(proxy.seen.some((r) => r.url.startsWith(`${PLAIN_PANEL}/api/client`) && r.headers.authorization === `Bearer ${env.sim.apiKey}`)).toBe(true);
    const accounts = await invoke<AccountView[]>(env.page, 'accountsList');
    expect(accounts.ok && accounts.value.map((a) => [a.url, a.allowsPlainHttp])).toEqual([[PLAIN_PANEL, true]]);
    const settings = JSON.parse(readFileSync(join(env.app.home, 'config', 'pterotray', 'settings.json'), 'utf8')) as {
      accounts: Array<{ url: string; allowsPlainHttp: boolean }>;
    };
    expect(settings.accounts.map((a) => [a.url, a.allowsPlainHttp])).toEqual([[PLAIN_PANEL, true]]);
    await env.page.getByRole('button', { name: 'Settings' }).click();
    await env.page.getByText('Not encrypted', { exact: true }).waitFor();
    await screenshot(env.page, 'plain-http-settings-mark');
  });
});
