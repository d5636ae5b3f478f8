/**
 * Pterodactyl 1.12's prefixed server identifiers in the simulated panel (panel PR #5548): the
 * encoding, the list, and every route taking all three forms.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimPanel, type SimPanel } from '../../../src/sim';
import { base32Unpadded, prefixedIdentifier } from '../../../src/sim/util/identifiers';
import { getJson } from './sim-test-kit';

describe('prefixedIdentifier', () => {
  test('is serv_ + the uuid bytes in unpadded lower-case RFC 4648 base 32 (26 characters)', () => {
    // Expected values from Python: 'serv_' + base64.b32encode(uuid.UUID(u).bytes).decode().lower().rstrip('=')
    expect(prefixedIdentifier('serv', '48636b33-2ba1-453d-a1e6-d15312e84104')).toBe('serv_jbrwwmzlufct3ipg2fjrf2cbaq');
    expect(prefixedIdentifier('serv', '00000000-0000-0000-0000-000000000000')).toBe(`serv_${'a'.repeat(26)}`);
    expect(base32Unpadded(new TextEncoder().encode('foobar'))).toBe('mzxw6ytboi'); // RFC 4648 §10
    expect(() => prefixedIdentifier('serv', 'not-a-uuid')).toThrow(/not a uuid/);
  });
});

describe('a Pterodactyl 1.12 panel with prefixed identifiers', () => {
  let sim: SimPanel;
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 3, seed: 5, serverIdentifiers: 'prefixed' });
  });
  afterAll(() => sim.close());

  test('lists serv_ identifiers with server_identifier and __deprecated_uuid_short', async () => {
    const { body } = await getJson(sim, '/api/client');
    for (const entry of body.data as Array<{ attributes: Record<string, string> }>) {
      const a = entry.attributes;
      expect(a.identifier).toMatch(/^serv_[a-z2-7]{26}$/);
      expect(a.identifier).toBe(prefixedIdentifier('serv', a.uuid!));
      expect(a.server_identifier).toBe(a.identifier);
      expect(a.__deprecated_uuid_short).toBe(a.uuid!.slice(0, 8));
    }
  });

  test('answers a route for the prefixed identifier, the uuid and the short form alike', async () => {
    const server = sim.control.servers()[0]!;
    for (const form of [server.identifier, server.uuid, server.uuid.slice(0, 8)]) {
      const { status, body } = await getJson(sim, `/api/client/servers/${form}/resources`);
      expect(status, form).toBe(200);
      expect(body.object).toBe('stats');
    }
    expect((await getJson(sim, '/api/client/servers/serv_nothere/resources')).status).toBe(404);
  });
});
