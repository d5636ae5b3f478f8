import { describe, expect, it } from 'vitest';
import { ChannelBook, ChannelBookError } from '../../../../src/core/alerts/channel-book';
import { parseChannelConfig } from '../../../../src/core/alerts/channel-config';
import { readChannelSecret } from '../../../../src/core/alerts/channel-secrets';
import { ALERTS_SCHEMA } from '../../../../src/core/alerts/schema';
import { SessionSecretStore } from '../../../../src/core/secrets/secret-store';
import { openStore } from '../../../../src/core/store/database';
import { silentLogger } from '../../../../src/core/util/deps';
import { channel } from '../../../helpers/alert-fixtures';

function book() {
  const { db } = openStore(':memory:', [ALERTS_SCHEMA], { logger: silentLogger });
  const secrets = new SessionSecretStore();
  let n = 0;
  return { db, secrets, book: new ChannelBook({ db, secrets, logger: silentLogger, newId: () => `id${++n}` }) };
}

const { id: _id, ...draft } = channel({ kind: 'discord', name: 'Ops' });

describe('ChannelBook', () => {
  it('keeps settings in the store and the URL in the SecretStore only', async () => {
    const { db, secrets, book: b } = book();
    const saved = await b.save({ config: draft, secret: { url: 'https://discord.com/api/webhooks/1/TOKEN' } });
    expect(saved.id).toBe('id1');
    expect(b.list()).toEqual([saved]);
    expect(JSON.stringify(db.prepare('SELECT * FROM alerts_channels').all())).not.toContain('TOKEN');
    expect(await readChannelSecret(secrets, 'id1')).toEqual({ url: 'https://discord.com/api/webhooks/1/TOKEN' });
    expect(await b.hasSecret(saved)).toBe(true);
  });

  it('an edit without a URL keeps the stored one; a removal takes the secret with it', async () => {
    const { secrets, book: b } = book();
    await b.save({ config: draft, secret: { url: 'https://discord.com/api/webhooks/1/T' } });
    const renamed = await b.save({ config: { ...draft, id: 'id1', name: 'Renamed' } });
    expect(renamed.name).toBe('Renamed');
    expect((await readChannelSecret(secrets, 'id1')).url).toBe('https://discord.com/api/webhooks/1/T');
    expect(await b.remove('id1')).toBe(true);
    expect(b.list()).toEqual([]);
    expect(await secrets.get('alert-channel:id1')).toBeNull();
  });

  it.each([
    { name: 'no URL', config: draft, secret: {}, problem: 'invalid-secret', message: /Paste the webhook URL/ },
    { name: 'plain http to Discord', config: draft, secret: { url: 'http://discord.com/api/webhooks/1/T' }, problem: 'invalid-secret', message: /https:\/\// },
    { name: 'an empty name', config: { ...draft, name: ' ' }, secret: { url: 'https://d.example/x' }, problem: 'invalid-channel', message: /channel\.name/ },
    {
      name: 'ntfy with a token auth and no token',
      config: { ...channel({ kind: 'ntfy', ntfy: { server: 'https://ntfy.sh', auth: 'token', username: null } }), id: undefined },
      secret: { topic: 'alerts' },
      problem: 'invalid-secret',
      message: /access token/,
    },
    {
      name: 'an edit of a channel that is gone',
      config: { ...draft, id: 'gone' },
      secret: { url: 'https://d.example/x' },
      problem: 'unknown-channel',
      message: /no longer configured/,
    },
  ])('refuses $name, writing nothing', async ({ config, secret, problem, message }) => {
    const { secrets, book: b } = book();
    const attempt = b.save({ config, secret });
    await expect(attempt).rejects.toBeInstanceOf(ChannelBookError);
    await expect(attempt).rejects.toMatchObject({ problem, message: expect.stringMatching(message) });
    expect(b.list()).toEqual([]);
    expect(await secrets.list()).toEqual([]);
  });

  it('skips a stored row that no longer reads, and keeps the rest', async () => {
    const { db, book: b } = book();
    await b.save({ config: draft, secret: { url: 'https://discord.com/api/webhooks/1/T' } });
    db.prepare(`INSERT INTO alerts_channels (id, position, config) VALUES ('bad', 9, '{"kind":"pager"}')`).run();
    expect(b.list().map((c) => c.id)).toEqual(['id1']);
  });
});

describe('parseChannelConfig', () => {
  it.each([
    { raw: { ...channel(), kind: 'pager' }, problem: 'channel.kind: must be one of discord, slack, ntfy, webhook' },
    {
      raw: { ...channel(), quietHours: { startMinute: 1440, endMinute: 0 } },
      problem: 'channel.quietHours.startMinute: must be minutes after midnight, 0 to 1439 (22:00 is 1320)',
    },
    { raw: { ...channel(), rules: { kinds: ['crash', 'explosion'] } }, problem: expect.stringMatching(/^channel\.rules\.kinds\[1\]: must be incident kinds/) },
    {
      raw: { ...channel({ kind: 'ntfy' }), ntfy: { server: 'https://u:p@ntfy.sh', auth: 'none' } },
      problem: expect.stringMatching(/channel\.ntfy\.server: must be the address only/),
    },
    {
      raw: { ...channel({ kind: 'ntfy' }), ntfy: { server: 'https://ntfy.sh', auth: 'basic', username: 'a:b' } },
      problem: expect.stringMatching(/channel\.ntfy\.username/),
    },
  ])('names the field: $problem', ({ raw, problem }) => {
    expect(parseChannelConfig(raw)).toEqual({ ok: false, problem });
  });

  it('fills what a config file may leave out', () => {
    const parsed = parseChannelConfig({ id: 'ops', kind: 'ntfy', name: 'Phone', ntfy: { server: 'https://ntfy.sh/' } });
    expect(parsed).toEqual({
      ok: true,
      value: {
        id: 'ops',
        kind: 'ntfy',
        name: 'Phone',
        isEnabled: true,
        rules: { accounts: null, servers: null, kinds: null, minSeverity: 'info' },
        quietHours: null,
        ntfy: { server: 'https://ntfy.sh', auth: 'none', username: null },
        webhook: null,
      },
    });
  });
});
