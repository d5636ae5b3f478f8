/**
 * What a received frame means, as a value: the socket acts on control frames (auth, token
 * lifecycle) and re-emits the rest as typed events. Pure, so the protocol is tested by tables.
 */
import { firstStringArg, type WingsFrame } from './frames';
import { parsePowerState, parseWingsStats } from './stats';
import type { BackupCompleted, FeatureMatch, WingsEvents } from './types';

/** One typed event ready to emit. */
export type WingsEmit = { [E in keyof WingsEvents]: { event: E; payload: WingsEvents[E] } }[keyof WingsEvents];

/** The meaning of one inbound frame. */
export type InboundAction =
  | { type: 'auth-success' }
  | { type: 'token-expiring' }
  | { type: 'token-expired' }
  | { type: 'jwt-error'; message: string; isRefreshable: boolean; isDenial: boolean }
  | { type: 'emit'; emit: WingsEmit }
  | { type: 'ignore'; why: string };

const BACKUP_COMPLETED_PREFIX = 'backup completed';

/**
 * JWT errors a fresh token cures (the official UI's list). Wings prefixes errors raised during
 * `auth` with `Error Event [<uuid>]: `, so these are matched as substrings.
 */
const REFRESHABLE_JWT_ERRORS = ['exp claim is invalid', 'denylist'];

/** True when a `jwt error` message is cured by fetching a new token and re-authenticating. */
export function isRefreshableJwtError(message: string): boolean {
  const lower = message.toLowerCase();
  return REFRESHABLE_JWT_ERRORS.some((needle) => lower.includes(needle));
}

/**
 * What a fatal `jwt error` means for a person, and which side to upgrade. Wings 1.12.2 and newer
 * check the token's scopes; a panel older than 1.12.3 issues tokens without them, and every
 * socket fails with `jwt: missing connect permission` (panel PR #5636, advisory
 * GHSA-8r6w-3qq5-4p4r, panel issue #5691). Null when the message is not one we can explain.
 */
export function explainJwtError(message: string): string | null {
  if (/missing \w+ permission/i.test(message)) {
    return 'Wings refused the panel’s websocket token: the panel is older than its Wings (a panel before 1.12.3 with Wings 1.12.2 or newer). The panel’s admin should upgrade the panel to 1.12.3 or newer.';
  }
  return null;
}

/** Interprets a decoded frame. Unknown events are ignored, as Wings ignores ours. */
export function interpretFrame(frame: WingsFrame): InboundAction {
  const arg = firstStringArg(frame);
  switch (frame.event) {
    case 'auth success':
      return { type: 'auth-success' };
    case 'token expiring':
      return { type: 'token-expiring' };
    case 'token expired':
      return { type: 'token-expired' };
    case 'jwt error': {
      const message = arg ?? '';
      return { type: 'jwt-error', message, isRefreshable: isRefreshableJwtError(message), isDenial: /denylist/i.test(message) };
    }
    case 'status': {
      const state = parsePowerState(arg);
      return state ? emit({ event: 'status', payload: state }) : ignore('unknown power state');
    }
    case 'stats': {
      const stats = parseWingsStats(arg ?? frame.args[0]);
      return stats ? emit({ event: 'stats', payload: stats }) : ignore('unreadable stats');
    }
    default:
      return interpretPlainEvent(frame, arg);
  }
}

function interpretPlainEvent(frame: WingsFrame, arg: string | null): InboundAction {
  const text = arg ?? '';
  switch (frame.event) {
    case 'console output':
      return emit({ event: 'console', payload: text });
    case 'install output':
      return emit({ event: 'install-output', payload: text });
    case 'transfer logs':
      return emit({ event: 'transfer-logs', payload: text });
    case 'daemon message':
      return emit({ event: 'daemon-message', payload: text });
    case 'daemon error':
      return emit({ event: 'daemon-error', payload: text });
    case 'install started':
      return emit({ event: 'install-started', payload: undefined });
    case 'install completed':
      return emit({ event: 'install-completed', payload: undefined });
    case 'backup restore completed':
      return emit({ event: 'backup-restore-completed', payload: undefined });
    case 'transfer status':
      return emit({ event: 'transfer-status', payload: text });
    case 'deleted':
      return emit({ event: 'deleted', payload: undefined });
    case 'throttled':
      return emit({ event: 'throttled', payload: arg ?? 'global' });
    case 'feature match':
      return interpretFeatureMatch(arg);
    default:
      if (frame.event.startsWith(BACKUP_COMPLETED_PREFIX)) return interpretBackupCompleted(frame.event, arg);
      return ignore(`unknown event`);
  }
}

function interpretBackupCompleted(event: string, arg: string | null): InboundAction {
  const suffix = event.slice(BACKUP_COMPLETED_PREFIX.length);
  const uuidFromName = suffix.startsWith(':') ? suffix.slice(1).trim() : '';
  const body = parseObject(arg);
  const uuid = uuidFromName || (typeof body['uuid'] === 'string' ? body['uuid'] : '');
  if (!uuid) return ignore('backup completed without a uuid');
  const payload: BackupCompleted = {
    uuid,
    isSuccessful: body['is_successful'] === true,
    checksum: typeof body['checksum'] === 'string' && body['checksum'] !== '' ? body['checksum'] : null,
    checksumType: typeof body['checksum_type'] === 'string' ? body['checksum_type'] : null,
    fileSizeBytes: typeof body['file_size'] === 'number' ? body['file_size'] : null,
  };
  return emit({ event: 'backup-completed', payload });
}

/**
 * Pelican Wings' `feature match`: a console line matched one of the egg's feature patterns
 * (pelican-dev/wings server/listeners.go, `FeatureMatchPayload{key, pattern, line}`, published
 * once per line); the panel mounts the feature's action for `key` (pelican-dev/panel
 * app/Filament/Server/Pages/Console.php `mountFeature`).
 */
function interpretFeatureMatch(arg: string | null): InboundAction {
  const body = parseObject(arg);
  const key = body['key'];
  if (typeof key !== 'string' || key === '') return ignore('feature match without a key');
  const payload: FeatureMatch = {
    key,
    pattern: typeof body['pattern'] === 'string' ? body['pattern'] : '',
    line: typeof body['line'] === 'string' ? body['line'] : '',
  };
  return emit({ event: 'feature-match', payload });
}

function parseObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function emit(e: WingsEmit): InboundAction {
  return { type: 'emit', emit: e };
}

function ignore(why: string): InboundAction {
  return { type: 'ignore', why };
}
