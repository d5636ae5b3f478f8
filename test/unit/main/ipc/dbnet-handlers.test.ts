/**
 * The Databases and Network handlers: no reply but reveal's carries a password, reveal and copy
 * need the person's press, the URLs are built in main with user and password encoded.
 */
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../../../src/core/api/client-types';
import type { Allocation, Database } from '../../../../src/core/api/models';
import { databasesHandlers, databaseUrl } from '../../../../src/main/ipc/handlers/databases';
import { networkHandlers } from '../../../../src/main/ipc/handlers/network';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';

const PASSWORD = 'p@ss=w.rd+^!x';
const db: Database = {
  id: 'x7Ka',
  name: 's3_shop',
  username: 'u3_abc',
  host: { address: '10.0.0.20', port: 3306 },
  connectionsFrom: '%',
  maxConnections: 0,
  password: PASSWORD,
};
const ref = { accountId: 'acc-1', identifier: '1a2b3c4d' };

function setup(options: { pressed?: boolean; canSeePasswords?: boolean } = {}) {
  const copied: string[] = [];
  const asked: string[] = [];
  let presses = options.pressed === true ? 1 : 0;
  const shown = (d: Database): Database => ({ ...d, password: options.canSeePasswords === false ? null : d.password });
  const client = {
    listDatabases: async (_s: string, o: { includePasswords?: boolean } = {}) => (
      asked.push(`list:${o.includePasswords === true}`),
      [o.includePasswords ? shown(db) : { ...db, password: null }]
    ),
    getServer: async () => ({ featureLimits: { databases: 3, allocations: 0, backups: 1 } }),
    createDatabase: async () => db,
    rotateDatabasePassword: async () => db,
    getDatabasePassword: async () => (asked.push('password'), PASSWORD),
    listAllocations: async (): Promise<Allocation[]> => [{ id: 4, ip: '10.0.0.5', ipAlias: 'mc.example.com', port: 25565, notes: null, isDefault: true }],
  } as unknown as ClientApi;
  const ports = {
    client: async () => client,
    copyText: async (text: string) => void copied.push(text),
    consumeActivation: () => presses-- > 0,
  } as unknown as HandlerPorts;
  return { db: databasesHandlers(ports), net: networkHandlers(ports), copied, asked };
}

describe('database handlers', () => {
  it('list, create and rotate answer without the password', async () => {
    const { db: h } = setup({ pressed: true });
    const replies = [
      await h['databases:list'](ref),
      await h['databases:create']({ server: ref, database: 'shop', remote: '%' }),
      await h['databases:rotate']({ server: ref, id: 'x7Ka' }),
    ];
    expect(JSON.stringify(replies)).not.toContain(PASSWORD);
    expect(replies[0]).toEqual({
      databases: [{ id: 'x7Ka', name: 's3_shop', username: 'u3_abc', host: '10.0.0.20', port: 3306, connectionsFrom: '%', maxConnections: 0 }],
      databaseLimit: 3,
    });
  });

  it('reveal asks the panel only after a press, once per press', async () => {
    const { db: h, asked } = setup({ pressed: true });
    await expect(h['databases:reveal']({ server: ref, id: 'x7Ka' })).resolves.toEqual({ password: PASSWORD });
    await expect(h['databases:reveal']({ server: ref, id: 'x7Ka' })).rejects.toMatchObject({ code: 'cancelled' });
    expect(asked).toEqual(['password']);
  });

  it('copies the MySQL URL with user and password encoded, and the JDBC one without credentials; the reply says only what', async () => {
    const mysql = setup({ pressed: true });
    await expect(mysql.db['databases:copy-url']({ server: ref, id: 'x7Ka', kind: 'mysql' })).resolves.toEqual({ copied: 'mysql' });
    expect(mysql.copied).toEqual([`mysql://u3_abc:${encodeURIComponent(PASSWORD)}@10.0.0.20:3306/s3_shop`]);
    expect(new URL(mysql.copied[0] as string).password).toBe(encodeURIComponent(PASSWORD));
    expect(decodeURIComponent(new URL(mysql.copied[0] as string).password)).toBe(PASSWORD);
    const jdbc = setup({ pressed: true });
    await jdbc.db['databases:copy-url']({ server: ref, id: 'x7Ka', kind: 'jdbc' });
    expect(jdbc.copied).toEqual(['jdbc:mysql://10.0.0.20:3306/s3_shop']);
    expect(jdbc.asked).toEqual(['list:false']);
  });

  it('copies nothing without a press, nor a MySQL URL the key may not see the password of', async () => {
    const none = setup();
    await expect(none.db['databases:copy-url']({ server: ref, id: 'x7Ka', kind: 'mysql' })).rejects.toMatchObject({ code: 'cancelled' });
    expect([none.copied, none.asked]).toEqual([[], []]);
    const hidden = setup({ pressed: true, canSeePasswords: false });
    await expect(hidden.db['databases:copy-url']({ server: ref, id: 'x7Ka', kind: 'mysql' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(hidden.copied).toEqual([]);
  });

  it('builds URLs for any name', () => {
    expect(databaseUrl('jdbc', { ...db, name: 's3_données' }, null)).toBe('jdbc:mysql://10.0.0.20:3306/s3_donn%C3%A9es');
  });
});

describe('network handlers', () => {
  it('lists the allocations with the server’s limit', async () => {
    const { net } = setup();
    await expect(net['network:list'](ref)).resolves.toEqual({
      allocations: [{ id: 4, ip: '10.0.0.5', ipAlias: 'mc.example.com', port: 25565, notes: null, isPrimary: true }],
      allocationLimit: 0,
    });
  });
});
