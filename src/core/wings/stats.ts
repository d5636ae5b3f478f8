/**
 * A parser for Wings' `stats` payload and the REST `/resources` attributes, into ServerResources.
 * (api/normalize/resources.ts reads the REST answer strictly, for the client; this one is lenient,
 * for frames.)
 */
import type { PowerState, ServerResources } from '../api/models';
import type { WingsStats } from './types';

type Json = Record<string, unknown>;

const POWER_STATES: readonly PowerState[] = ['offline', 'starting', 'running', 'stopping'];

/** A Wings power state string, with REST's `stopped` fallback mapped to `offline`; else null. */
export function parsePowerState(value: unknown): PowerState | null {
  if (typeof value !== 'string') return null;
  const state = value.trim().toLowerCase();
  if (state === 'stopped') return 'offline';
  return (POWER_STATES as readonly string[]).includes(state) ? (state as PowerState) : null;
}

/**
 * Parses a stats payload. Accepts the websocket shape (a JSON string with `state` and a nested
 * `network.{rx,tx}_bytes`) and the REST shape (`current_state`, `resources.*` with flat
 * `network_rx_bytes`), as a string or an already-parsed object. Returns null when unreadable.
 */
export function parseStats(payload: unknown): ServerResources | null {
  const root = asObject(typeof payload === 'string' ? safeJsonParse(payload) : payload);
  if (!root) return null;
  const attributes = asObject(root['attributes']) ?? root;
  const resources = asObject(attributes['resources']) ?? attributes;
  const network = asObject(resources['network']);
  const state = parsePowerState(attributes['current_state']) ?? parsePowerState(attributes['state']) ?? 'offline';
  return {
    state,
    isSuspended: attributes['is_suspended'] === true,
    memoryBytes: num(resources['memory_bytes']),
    cpuAbsolute: num(resources['cpu_absolute']),
    diskBytes: num(resources['disk_bytes']),
    networkRxBytes: num(network?.['rx_bytes'] ?? resources['network_rx_bytes']),
    networkTxBytes: num(network?.['tx_bytes'] ?? resources['network_tx_bytes']),
    uptimeMs: num(resources['uptime']),
  };
}

/**
 * A websocket `stats` frame, with the state Wings reported in it kept apart: a frame without one
 * must not pass for "offline" (parseStats' fallback), so `reportedState` is then null.
 */
export function parseWingsStats(payload: unknown): WingsStats | null {
  // Parsed once: a running server sends one of these a second.
  const root = asObject(typeof payload === 'string' ? safeJsonParse(payload) : payload);
  const resources = root ? parseStats(root) : null;
  if (!root || !resources) return null;
  const reportedState = parsePowerState(root['state']) ?? parsePowerState(root['current_state']);
  return { ...resources, reportedState };
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function asObject(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function num(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
