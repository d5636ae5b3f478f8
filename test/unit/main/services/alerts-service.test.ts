import { afterEach, describe, expect, it } from 'vitest';
import { IncidentRelay } from '../../../../src/core/alerts/incident-relay';
import { ALERTS_SCHEMA } from '../../../../src/core/alerts/schema';
import { SessionSecretStore } from '../../../../src/core/secrets/secret-store';
import { openStore } from '../../../../src/core/store/database';
import { silentLogger } from '../../../../src/core/util/deps';
import { alertsHandlers } from '../../../../src/main/ipc/handlers/alerts';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';
import { AlertsService } from '../../../../src/main/services/alerts-service';
import { channel } from '../../../helpers/alert-fixtures';
import { ManualClock } from '../../../helpers/manual-clock';

const made: AlertsService[] = [];
afterEach(() => made.splice(0).forEach((s) => s.dispose()));

function rig(answer: boolean) {
  const { db } = openStore(':memory:', [ALERTS_SCHEMA], { logger: silentLogger });
  const service = new AlertsService({
    feed: new IncidentRelay(),
    db,
    secrets: new SessionSecretStore(),
    clock: new ManualClock(),
    logger: silentLogger,
    isPaused: () => false,
    post: async () => ({ status: 204, text: '', header: () => null }),
  });
  made.push(service);
  const asked: string[] = [];
  const ports = {
    alerts: {
      views: () => service.views(),
      destinationOf: (i: Parameters<AlertsService['destinationOf']>[0]) => service.destinationOf(i),
      confirmDestination: async (d: { host: string }) => {
        asked.push(d.host);
        return answer;
      },
      save: (i: Parameters<AlertsService['save']>[0]) => service.save(i),
      remove: (id: string) => service.remove(id),
      test: (id: string) => service.test(id),
    },
  } as unknown as HandlerPorts;
  return { service, handlers: alertsHandlers(ports), asked };
}

const { id: _id, ...draft } = channel({ kind: 'discord', name: 'Ops' });
const URL_1 = 'https://discord.com/api/webhooks/1/SECRET-TOKEN';

describe('the alerts handlers', () => {
  it('ask main’s question before a new destination, and save nothing when declined', async () => {
    const { handlers, asked, service } = rig(false);
    expect(await handlers['alerts:save']({ config: draft, secret: { url: URL_1 } })).toBeNull();
    expect(asked).toEqual(['discord.com']);
    expect(await service.views()).toEqual([]);
  });

  it('save once the person agreed, return no secret, and ask again only when the address changes', async () => {
    const { handlers, asked } = rig(true);
    const view = await handlers['alerts:save']({ config: draft, secret: { url: URL_1 } });
    expect(view).toMatchObject({ config: { name: 'Ops', kind: 'discord' }, hasSecret: true, status: { health: 'idle', pending: 0 } });
    expect(JSON.stringify(view)).not.toContain('SECRET-TOKEN');
    const id = view!.config.id;
    await handlers['alerts:save']({ config: { ...draft, id, name: 'Ops room', quietHours: { startMinute: 1320, endMinute: 420, allowCritical: true } } });
    expect(asked).toEqual(['discord.com']);
    await handlers['alerts:save']({ config: { ...draft, id }, secret: { url: 'https://elsewhere.example/api/webhooks/2/X' } });
    expect(asked).toEqual(['discord.com', 'elsewhere.example']);
    expect(JSON.stringify(await handlers['alerts:list']())).not.toMatch(/SECRET-TOKEN|webhooks\/2/);
    expect(await handlers['alerts:test']({ channelId: id })).toEqual({ ok: true, status: 204, message: 'Delivered (HTTP 204).' });
    await handlers['alerts:remove']({ channelId: id });
    expect(await handlers['alerts:list']()).toEqual([]);
  });

  it('refuse a bad channel before asking anything', async () => {
    const { handlers, asked } = rig(true);
    await expect(handlers['alerts:save']({ config: draft, secret: { url: 'ftp://x' } })).rejects.toMatchObject({
      kind: 'invalid-argument',
      reason: 'invalid-secret',
    });
    expect(asked).toEqual([]);
  });
});
