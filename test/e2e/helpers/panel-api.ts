/** Reading the simulated panel's state straight from its client API (what the app should have changed). */
import type { SimPanel } from '../../../src/sim';

/** GET a client API path with the sim's key; the parsed JSON body. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are checked field by field
export async function panelGet(sim: SimPanel, path: string): Promise<any> {
  const response = await fetch(`${sim.url}/api/client${path}`, { headers: { Authorization: `Bearer ${sim.apiKey}`, Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

/** The server's databases as the panel has them, passwords included. */
export async function panelDatabases(sim: SimPanel, server: string): Promise<Array<{ id: string | number; name: string; username: string; password: string }>> {
  const body = await panelGet(sim, `/servers/${server}/databases?include=password`);
  return body.data.map((d: { attributes: Record<string, unknown> & { relationships: { password: { attributes: { password: string } } } } }) => ({
    id: d.attributes.id,
    name: d.attributes.name,
    username: d.attributes.username,
    password: d.attributes.relationships.password.attributes.password,
  }));
}

/** The server's allocations as the panel has them. */
export async function panelAllocations(sim: SimPanel, server: string): Promise<Array<{ id: number; port: number; notes: string | null; isDefault: boolean }>> {
  const body = await panelGet(sim, `/servers/${server}/network/allocations`);
  return body.data.map((a: { attributes: { id: number; port: number; notes: string | null; is_default: boolean } }) => ({
    id: a.attributes.id,
    port: a.attributes.port,
    notes: a.attributes.notes,
    isDefault: a.attributes.is_default,
  }));
}
