/**
 * Resource usage from REST `/resources` (`attributes.current_state`, flat `network_*_bytes`) and
 * from the websocket's `stats` event (`state`, nested `network.{rx,tx}_bytes`, sent as a JSON
 * string). One normaliser serves both so the dashboard and the live view agree.
 */
import type { PowerState, ServerResources } from '../models';
import { parseJson, unwrapItem } from './envelope';
import { badResponse, describeType, field, isRecord, optBool, optNumber, type JsonRecord } from './guards';

const POWER_STATES: ReadonlySet<string> = new Set(['offline', 'starting', 'running', 'stopping']);

/**
 * A power state from the wire. `stopped` (REST's fallback when Wings omits the state), a missing
 * state and unknown words all read as `offline`; a non-string is a bad response.
 */
export function normalizePowerState(value: unknown): PowerState {
  if (value === undefined || value === null) return 'offline';
  if (typeof value !== 'string') throw badResponse(`state should be a string, got ${describeType(value)}`);
  const lower = value.toLowerCase();
  return POWER_STATES.has(lower) ? (lower as PowerState) : 'offline';
}

function bytes(obj: JsonRecord, key: string): number {
  return Math.max(0, optNumber(field(obj, key), 0));
}

function networkOf(r: JsonRecord, a: JsonRecord): { rx: number; tx: number } {
  const nested = field(r, 'network') ?? field(a, 'network');
  const n = isRecord(nested) ? nested : {};
  return {
    rx: Math.max(0, optNumber(field(r, 'network_rx_bytes'), optNumber(field(n, 'rx_bytes'), 0))),
    tx: Math.max(0, optNumber(field(r, 'network_tx_bytes'), optNumber(field(n, 'tx_bytes'), 0))),
  };
}

/**
 * REST `stats` (wrapped or not, real or simplified) or a websocket `stats` payload (the object,
 * or the JSON string as it arrives in `args[0]`) as ServerResources.
 */
export function normalizeResources(raw: unknown): ServerResources {
  const parsed = typeof raw === 'string' ? parseJson(raw) : raw;
  const a = unwrapItem(parsed, 'stats');
  const nested = field(a, 'resources');
  if (nested !== undefined && !isRecord(nested)) {
    throw badResponse(`stats.resources should be an object, got ${describeType(nested)}`);
  }
  const r: JsonRecord = isRecord(nested) ? nested : a; // the websocket payload is flat
  const network = networkOf(r, a);
  return {
    state: normalizePowerState(field(a, 'current_state') ?? field(a, 'state')),
    isSuspended: optBool(field(a, 'is_suspended'), false),
    memoryBytes: bytes(r, 'memory_bytes'),
    cpuAbsolute: Math.max(0, optNumber(field(r, 'cpu_absolute'), 0)),
    diskBytes: bytes(r, 'disk_bytes'),
    networkRxBytes: network.rx,
    networkTxBytes: network.tx,
    uptimeMs: bytes(r, 'uptime'),
  };
}
