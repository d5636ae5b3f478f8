/**
 * The sim's backup routes against the panel's BackupController and Wings' backup events: a backup
 * completes with `backup completed` and an archive whose sha1 is the checksum the panel lists;
 * locked ones are kept; restore wants `truncate`; rename is Pelican's.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel, SimPanelOptions } from '../../../src/sim';
import { ManualClock } from '../../helpers/manual-clock';
import { api, getJson, json, postJson, WsProbe } from './sim-test-kit';

let sim: SimPanel | null = null;
const probes: WsProbe[] = [];

async function start(options: SimPanelOptions = {}): Promise<{ sim: SimPanel; id: string }> {
  sim = await startSimPanel({ servers: 2, tickMs: 20, ...options });
  return { sim, id: sim.control.servers()[0]!.identifier };
}

afterEach(async () => {
  for (const probe of probes.splice(0)) await probe.close();
  await sim?.close();
  sim = null;
});

async function createAndComplete(panel: SimPanel, id: string, body: Record<string, unknown>) {
  const { probe } = await WsProbe.connect(panel, id);
  probes.push(probe);
  const created = await json(await postJson(panel, `/api/client/servers/${id}/backups`, body));
  const uuid = created.attributes.uuid as string;
  const frame = await probe.next('backup completed', (f) => (JSON.parse(f.args?.[0] ?? '{}') as { uuid?: string }).uuid === uuid);
  return { uuid, event: JSON.parse(frame.args![0]!) as Record<string, unknown> };
}

describe('sim backups', () => {
  test('a backup completes over the websocket and downloads as the bytes its sha1 names', async () => {
    const { sim: panel, id } = await start({ version: 'pterodactyl-1.12' });
    const { uuid, event } = await createAndComplete(panel, id, { name: 'nightly' });
    expect(event).toMatchObject({ uuid, is_successful: true, checksum_type: 'sha1' });
    const record = (await getJson(panel, `/api/client/servers/${id}/backups/${uuid}`)).body.attributes;
    expect(record).toMatchObject({ name: 'nightly', is_successful: true, checksum: `sha1:${event.checksum as string}`, bytes: event.file_size });
    expect(record).not.toHaveProperty('is_scheduled');

    const signed = (await getJson(panel, `/api/client/servers/${id}/backups/${uuid}/download`)).body;
    expect(signed.object).toBe('signed_url');
    const url = signed.attributes.url as string;
    expect(url.startsWith(`${panel.wingsUrl}/download/backup?token=`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${uuid}.tar.gz"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(record.bytes);
    expect(createHash('sha1').update(bytes).digest('hex')).toBe(event.checksum);
    expect(() => gunzipSync(bytes)).not.toThrow();
    // Single use, as Wings' IsUniqueRequest.
    expect((await fetch(url)).status).toBe(404);
  });

  test('seeded backups list real checksums too, and the list counts the non-failed ones', async () => {
    const { sim: panel } = await start({ servers: 6 });
    for (const server of panel.control.servers()) {
      const list = (await getJson(panel, `/api/client/servers/${server.identifier}/backups`)).body;
      const done = list.data.filter((b: { attributes: { is_successful: boolean } }) => b.attributes.is_successful);
      for (const backup of done) {
        const url = (await getJson(panel, `/api/client/servers/${server.identifier}/backups/${backup.attributes.uuid}/download`)).body.attributes.url;
        const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
        expect(`sha1:${createHash('sha1').update(bytes).digest('hex')}`).toBe(backup.attributes.checksum);
      }
      expect(list.meta.backup_count).toBe(list.data.length);
    }
  });

  test('a failed backup: is_successful false, unlocked, no checksum; it does not count against the limit', async () => {
    const { sim: panel, id } = await start();
    panel.control.failBackups(id, true);
    const { uuid, event } = await createAndComplete(panel, id, { is_locked: true });
    expect(event).toEqual({ uuid, is_successful: false, checksum: '', checksum_type: 'sha1', file_size: 0 });
    const record = (await getJson(panel, `/api/client/servers/${id}/backups/${uuid}`)).body.attributes;
    expect(record).toMatchObject({ is_successful: false, is_locked: false, checksum: null, bytes: 0 });
    expect(record.completed_at).not.toBeNull();
    const list = (await getJson(panel, `/api/client/servers/${id}/backups`)).body;
    expect(list.meta.backup_count).toBe(list.data.length - 1);
    // A failed backup cannot be restored or downloaded from Wings.
    const restore = await postJson(panel, `/api/client/servers/${id}/backups/${uuid}/restore`, { truncate: false });
    expect(restore.status).toBe(204); // completed_at is set: the panel lets Wings refuse it.
  });

  test('locked: delete is refused with the panel’s words; unlock (POST /lock toggles), then delete', async () => {
    const { sim: panel, id } = await start();
    const { uuid } = await createAndComplete(panel, id, { is_locked: true });
    const refused = await api(panel, `/api/client/servers/${id}/backups/${uuid}`, { method: 'DELETE' });
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors[0]).toEqual({
      code: 'BackupLockedException',
      status: '400',
      detail: 'Cannot delete a backup that is marked as locked.',
    });
    const toggled = await json(await postJson(panel, `/api/client/servers/${id}/backups/${uuid}/lock`, {}));
    expect(toggled.attributes.is_locked).toBe(false);
    expect((await api(panel, `/api/client/servers/${id}/backups/${uuid}`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(panel, `/api/client/servers/${id}/backups/${uuid}`)).status).toBe(404);
    expect((await getJson(panel, `/api/client/servers/${id}/backups/${uuid}/download`)).status).toBe(404);
  });

  test('a key without backup.delete gets 403 on delete, lock and rename', async () => {
    const { sim: panel, id } = await start({ version: 'pelican' });
    const { uuid } = await createAndComplete(panel, id, {});
    panel.control.setPermissions(id, ['backup.read', 'backup.create']);
    for (const [method, path] of [
      ['DELETE', ''],
      ['POST', '/lock'],
      ['PUT', '/rename'],
    ] as const) {
      const response = await api(panel, `/api/client/servers/${id}/backups/${uuid}${path}`, { method, body: JSON.stringify({ name: 'x' }) });
      expect(response.status).toBe(403);
    }
  });

  test('restore wants truncate (422 without it), then restoring until `backup restore completed`', async () => {
    // A manual clock: the restore's tick runs only when the test says, so "busy" is not a race.
    const clock = new ManualClock(1_700_000_000_000);
    const { sim: panel, id } = await start({ clock, tickMs: 1000 });
    const { probe } = await WsProbe.connect(panel, id);
    probes.push(probe);
    const created = await json(await postJson(panel, `/api/client/servers/${id}/backups`, {}));
    const uuid = created.attributes.uuid as string;
    clock.advance(1000);
    await probe.next('backup completed');
    const missing = await postJson(panel, `/api/client/servers/${id}/backups/${uuid}/restore`, {});
    expect(missing.status).toBe(422);
    expect((await json(missing)).errors[0]).toMatchObject({ code: 'ValidationException', meta: { source_field: 'truncate', rule: 'required' } });
    expect((await postJson(panel, `/api/client/servers/${id}/backups/${uuid}/restore`, { truncate: 'yes' })).status).toBe(422);
    expect((await postJson(panel, `/api/client/servers/${id}/backups/${uuid}/restore`, { truncate: true })).status).toBe(204);
    expect(panel.control.servers()[0]!.status).toBe('restoring_backup');
    // Busy: a second restore is refused as the panel words it.
    const busy = await postJson(panel, `/api/client/servers/${id}/backups/${uuid}/restore`, { truncate: false });
    expect([busy.status, (await json(busy)).errors[0].detail]).toEqual([409, 'This server is currently restoring from a backup, please try again later.']);
    clock.advance(1000);
    await probe.next('backup restore completed');
    expect(panel.control.servers()[0]!.status).toBe(null);
  });

  test('rename is Pelican’s (PUT /rename; is_scheduled listed); Pterodactyl’s router has no such route', async () => {
    const pelican = await start({ version: 'pelican' });
    const { uuid } = await createAndComplete(pelican.sim, pelican.id, {});
    const renamed = await json(await postJson(pelican.sim, `/api/client/servers/${pelican.id}/backups/${uuid}/rename`, { name: 'before update' }, 'PUT'));
    expect(renamed.attributes).toMatchObject({ name: 'before update', is_scheduled: false });
    const empty = await postJson(pelican.sim, `/api/client/servers/${pelican.id}/backups/${uuid}/rename`, { name: '' }, 'PUT');
    expect(empty.status).toBe(422);
    for (const probe of probes.splice(0)) await probe.close();
    await pelican.sim.close();

    const ptero = await start({ version: 'pterodactyl-1.11' });
    const list = (await getJson(ptero.sim, `/api/client/servers/${ptero.id}/backups`)).body;
    const any = list.data[0]?.attributes.uuid ?? '00000000-0000-4000-8000-000000000000';
    expect((await postJson(ptero.sim, `/api/client/servers/${ptero.id}/backups/${any}/rename`, { name: 'x' }, 'PUT')).status).toBe(404);
  });
});
