import { describe, expect, it } from 'vitest';
import { headerText, requestFor, testIncident } from '../../../../src/core/alerts/formats';
import { safeMessage, secretValues } from '../../../../src/core/alerts/message';
import { scrub } from '../../../../src/core/alerts/safe-text';
import { signatureOf, SIGNATURE_HEADER, TIMESTAMP_HEADER, type WebhookBody } from '../../../../src/core/alerts/webhook-format';
import type { ChannelSecret } from '../../../../src/core/alerts/types';
import { channel, crashIncident } from '../../../helpers/alert-fixtures';

const NOW = Date.UTC(2026, 11, 4, 1, 30, 0);
const API_KEY = 'ptlc_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzZXJ2ZXJfdXVpZCI6IjEyMyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const SIGNED = 'https://node1.example.com:8080/download/backup?token=' + JWT + '&expires=123';

function build(kind: 'discord' | 'slack' | 'ntfy' | 'webhook', secret: ChannelSecret, over = {}) {
  const ch = channel({ kind, ...over });
  const incident = crashIncident({ id: 'crash:1' });
  return requestFor(ch, secret, safeMessage(incident, secretValues(secret)), NOW);
}

describe('scrub', () => {
  it.each([
    { name: 'a Pterodactyl client key', text: `key ${API_KEY} here`, gone: API_KEY },
    { name: 'an application key', text: `ptla_${'x'.repeat(43)}`, gone: 'ptla_' },
    { name: 'a Pelican key', text: `pacc_${'y'.repeat(43)}`, gone: 'pacc_' },
    { name: 'a Wings JWT', text: `token: ${JWT}`, gone: JWT },
    { name: 'a bearer header', text: 'Authorization: Bearer abcdefghijklmnop', gone: 'abcdefghijklmnop' },
    { name: "a signed URL's query", text: `get ${SIGNED} now`, gone: 'expires=123' },
    { name: 'an ntfy token', text: `tk_${'z'.repeat(29)}`, gone: 'tk_z' },
  ])('cuts out $name', ({ text, gone }) => {
    const out = scrub(text);
    expect(out).not.toContain(gone);
    expect(out).toContain('[redacted]');
  });

  it('cuts out known secrets by value, and keeps ordinary text', () => {
    expect(scrub('my topic is alerts-7781 ok', ['alerts-7781'])).toBe('my topic is [redacted] ok');
    expect(scrub('Survival 1 crashed: exit code 137')).toBe('Survival 1 crashed: exit code 137');
    expect(scrub('see https://panel.example.com/server/abcd1234')).toBe('see https://panel.example.com/server/abcd1234');
  });
});

describe('requestFor', () => {
  it('Discord: content and one embed with the facts, no mentions parsed', () => {
    const r = build('discord', { url: 'https://discord.com/api/webhooks/1/tok' });
    expect(r.url).toBe('https://discord.com/api/webhooks/1/tok');
    expect(r.headers['Content-Type']).toBe('application/json');
    const body = JSON.parse(r.body);
    expect(body.content).toContain('Survival 1 crashed');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toHaveLength(1);
    expect(body.embeds[0]).toMatchObject({ title: 'Survival 1 crashed', color: 0xe5484d, timestamp: expect.stringMatching(/^2026-12-04T01:00:00\.\d{3}Z$/) });
    expect(body.embeds[0].fields).toEqual(
      expect.arrayContaining([
        { name: 'Server', value: 'Survival 1', inline: true },
        { name: 'Exit code', value: '137', inline: true },
        { name: 'Out of memory', value: 'yes', inline: true },
      ]),
    );
    expect(body.embeds[0].description).toContain('OutOfMemoryError');
  });

  it('Slack: a text fallback and blocks, with mrkdwn escaped', () => {
    const ch = channel({ kind: 'slack' });
    const incident = crashIncident({ title: 'Survival <1> & co crashed' });
    const r = requestFor(ch, { url: 'https://hooks.slack.com/services/T/B/X' }, safeMessage(incident, []), NOW);
    const body = JSON.parse(r.body);
    expect(body.text).toContain('Survival <1> & co crashed');
    expect(body.blocks[0].text.text).toContain('Survival &lt;1&gt; &amp; co crashed');
    expect(body.blocks.map((b: { type: string }) => b.type)).toEqual(['section', 'context', 'section']);
  });

  it.each([
    { auth: 'none' as const, username: null, secret: { topic: 'pt-alerts' }, authorization: undefined },
    { auth: 'token' as const, username: null, secret: { topic: 'pt-alerts', token: 'tk_abc' }, authorization: 'Bearer tk_abc' },
    {
      auth: 'basic' as const,
      username: 'phil',
      secret: { topic: 'pt-alerts', password: 'my pass' },
      authorization: `Basic ${Buffer.from('phil:my pass').toString('base64')}`,
    },
  ])('ntfy with $auth auth: POST to server/topic with Title, Priority, Tags', ({ auth, username, secret, authorization }) => {
    const r = build('ntfy', secret, { ntfy: { server: 'https://ntfy.example/', auth, username } });
    expect(r.url).toBe('https://ntfy.example/pt-alerts');
    expect(r.headers).toMatchObject({ Title: 'Survival 1 crashed', Priority: '5', Tags: 'rotating_light,crash' });
    expect(r.headers.Authorization).toBe(authorization);
    expect(r.body).toContain('Wings is restarting it.');
    expect(r.body).toContain('Exit code: 137');
  });

  it('ntfy: a title beyond Latin-1 goes as an RFC 2047 encoded-word', () => {
    expect(headerText('Сервер упал')).toBe(`=?UTF-8?B?${Buffer.from('Сервер упал').toString('base64')}?=`);
    expect(headerText('plain\r\ntitle')).toBe('plain title');
  });

  it('generic webhook: the documented body, the delivery id, and a signature a receiver can check', () => {
    const r = build('webhook', { url: 'https://example.com/hook', signingKey: 's3cret-key' }, { webhook: { isSigned: true } });
    const body = JSON.parse(r.body) as WebhookBody;
    expect(body).toMatchObject({
      version: 1,
      type: 'incident',
      incident: { id: 'crash:1', kind: 'crash', severity: 'critical', server: 'Survival 1', crash: { exitCode: 137, oomKilled: true } },
    });
    expect(r.headers['X-Pterotray-Delivery']).toBe('crash:1');
    const ts = Number(r.headers[TIMESTAMP_HEADER]);
    expect(ts).toBe(Math.floor(NOW / 1000));
    expect(r.headers[SIGNATURE_HEADER]).toBe(signatureOf('s3cret-key', ts, r.body));
    expect(r.headers[SIGNATURE_HEADER]).toMatch(/^sha256=[0-9a-f]{64}$/);
    const unsigned = build('webhook', { url: 'https://example.com/hook', signingKey: 'k' });
    expect(unsigned.headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it.each(['discord', 'slack', 'ntfy', 'webhook'] as const)('%s: no key, token, signed URL or channel secret reaches the body or headers', (kind) => {
    const secret: ChannelSecret = {
      url: 'https://hooks.example.com/secret-path-123456',
      topic: 'topic-secret-77',
      token: 'tk_' + 'q'.repeat(29),
      signingKey: 'sign-key-123456',
    };
    const leaky = crashIncident({
      title: `Survival 1 crashed ${API_KEY}`,
      detail: `download at ${SIGNED} with topic-secret-77`,
      crash: {
        exitCode: 1,
        oomKilled: false,
        lastLines: [`Authorization: Bearer ${JWT}`, `key=${API_KEY}`, 'hooks: https://hooks.example.com/secret-path-123456'],
        reaction: 'restarting',
      },
    });
    const ch = channel({ kind, ntfy: { server: 'https://ntfy.example', auth: 'token', username: null }, webhook: { isSigned: true } });
    const r = requestFor(ch, secret, safeMessage(leaky, secretValues(secret)), NOW);
    const text = r.body + JSON.stringify({ ...r.headers, Authorization: undefined });
    for (const s of [API_KEY, JWT, 'expires=123', 'secret-path-123456', 'topic-secret-77', secret.token!, 'sign-key-123456']) expect(text).not.toContain(s);
  });

  it('says what is missing when a secret is not there', () => {
    expect(() => build('discord', {})).toThrow(/webhook URL is not set/);
    expect(() => build('ntfy', { topic: 't' }, { ntfy: { server: 'https://n', auth: 'token', username: null } })).toThrow(/access token/);
  });

  it('a test message says it is one', () => {
    const ch = channel({ kind: 'webhook', name: 'Ops' });
    const r = requestFor(ch, { url: 'https://example.com/h' }, safeMessage(testIncident(ch, NOW), [], true), NOW);
    expect(JSON.parse(r.body)).toMatchObject({ type: 'test', incident: { title: 'Pterotray test message' } });
  });
});
