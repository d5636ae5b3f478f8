/**
 * The activity the sim's own writes log, per server, in the panel's event names
 * (`Activity::event('server:subuser.create')` … in the controllers), shaped by the panel's
 * `ActivityLogTransformer::properties`: an array property gains `<key>_count`, and when exactly
 * one does, that count is named `count`.
 */
import { createHash } from 'node:crypto';
import { atom } from '../util/time';
import type { Item } from './item';
import type { SimServer } from './servers';

const LOGS = new WeakMap<SimServer, Item[]>();
let sequence = 0;

function shapedProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const counts: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    out[key] = value;
    if (Array.isArray(value)) {
      out[`${key}_count`] = value.length;
      counts.push(`${key}_count`);
    }
  }
  if (counts.length === 1) {
    const [only] = counts as [string];
    out.count = out[only];
    delete out[only];
  }
  return out;
}

/** Records `event` on `server`, done through the API (the sim's callers use keys). */
export function logActivity(server: SimServer, event: string, properties: Record<string, unknown>, nowMs: number): void {
  const log = LOGS.get(server) ?? [];
  LOGS.set(server, log);
  sequence += 1;
  log.push({
    object: 'activity_log',
    attributes: {
      id: createHash('sha1').update(`${server.uuid}:${sequence}`).digest('hex'),
      batch: null,
      event,
      is_api: true,
      ip: '127.0.0.1',
      description: null,
      properties: shapedProperties(properties),
      has_additional_metadata: Object.keys(properties).some((k) => k !== 'email'),
      timestamp: atom(nowMs),
    },
  });
}

/** What the writes logged on `server`, oldest first. */
export function loggedActivity(server: SimServer): Item[] {
  return [...(LOGS.get(server) ?? [])];
}
