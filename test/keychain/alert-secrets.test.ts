/**
 * Alert channels' secrets in the real keychain (a private GNOME Keyring started by
 * with-secret-service.sh): the ChannelBook keeps the URL there and only there, a delivery reads it
 * back from there, and removing the channel removes the entry. Nothing is mocked but the receiver,
 * which is a local Discord-like server.
 */
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelBook } from '../../src/core/alerts/channel-book';
import { createAlertDispatcher } from '../../src/core/alerts/dispatcher';
import { IncidentRelay } from '../../src/core/alerts/incident-relay';
import { ALERTS_SCHEMA } from '../../src/core/alerts/schema';
import { KeytarSecretStore } from '../../src/core/secrets';
import { openStore } from '../../src/core/store/database';
import { silentLogger, systemClock } from '../../src/core/util/deps';
import { AlertReceiver } from '../helpers/alert-receivers';

const hasSecretService = process.env.PTEROTRAY_SECRET_SERVICE === 'gnome-keyring';
const SERVICE = `pterotray-alerts-test-${randomUUID()}`;

describe.skipIf(!hasSecretService)('alert secrets in the keychain', () => {
  let receiver: AlertReceiver;

  beforeAll(async () => {
    receiver = await AlertReceiver.start('discord');
  });
  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, account);
    await receiver?.close();
  });

  it('keeps the URL in the keychain only, delivers with it, and forgets it with the channel', async () => {
    const { db } = openStore(':memory:', [ALERTS_SCHEMA], { logger: silentLogger });
    const secrets = new KeytarSecretStore({ service: SERVICE });
    const book = new ChannelBook({ db, secrets, logger: silentLogger });
    const saved = await book.save({
      config: {
        kind: 'discord',
        name: 'Ops',
        isEnabled: true,
        rules: { accounts: null, servers: null, kinds: null, minSeverity: 'info' },
        quietHours: null,
        ntfy: null,
        webhook: null,
      },
      secret: { url: receiver.url },
    });
    expect(await keytar.getPassword(SERVICE, `alert-channel:${saved.id}`)).toBe(JSON.stringify({ url: receiver.url }));
    expect(JSON.stringify(db.prepare('SELECT * FROM alerts_channels').all())).not.toContain('discord-token-SECRET');

    const dispatcher = createAlertDispatcher({
      feed: new IncidentRelay(),
      db,
      secrets,
      channels: () => book.list(),
      clock: systemClock,
      logger: silentLogger,
      isPaused: () => false,
    });
    expect(await dispatcher.sendTest(saved.id)).toMatchObject({ ok: true, status: 204 });
    expect(receiver.received).toHaveLength(1);
    dispatcher.dispose();

    await book.remove(saved.id);
    expect(await keytar.getPassword(SERVICE, `alert-channel:${saved.id}`)).toBeNull();
    db.close();
  });
});
