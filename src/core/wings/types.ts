/**
 * The public vocabulary of the Wings websocket client: its states, its typed events and its
 * options. Kept apart from the class so listeners (monitor, IPC) can import types only.
 */
import type WebSocket from 'ws';
import type { ClientOptions } from 'ws';
import type { PanelError } from '../api/errors';
import type { PowerState, ServerResources, WebsocketCredentials } from '../api/models';

/** A `stats` frame: the resources, and the power state Wings put in it (null when it had none). */
export interface WingsStats extends ServerResources {
  reportedState: PowerState | null;
}
import type { Clock, Logger } from '../util/deps';

/**
 * Where the socket is in its life. `idle` is "not connected and not trying": before `connect()`,
 * and after a stop that needs a person (deleted, suspended, fatal JWT error, no permission).
 */
export type WingsSocketState = 'idle' | 'connecting' | 'authenticating' | 'connected' | 'reconnecting' | 'disposed';

/** Why the state changed; the UI words its banner from this, never from log text. */
export type ConnectionReason =
  | 'connect'
  | 'open'
  | 'auth-success'
  /** Re-authenticated after the token had died: the socket asked Wings for the state again. */
  | 'reauth'
  /** The token died on an open socket; nothing Wings sends is true until a new one is accepted. */
  | 'token-expired'
  | 'closed'
  | 'connect-timeout'
  | 'credentials-failed'
  | 'transfer'
  | 'deleted'
  | 'suspended'
  /** Wings closed with 4400: it refuses this socket; reconnecting would be refused again. */
  | 'refused'
  /** Wings refused the token fetched to recover from a denial too (denial-recovery.ts). */
  | 'denied'
  | 'auth-error'
  | 'disposed';

/** Payload of the `connection` event. */
export interface ConnectionChange {
  state: WingsSocketState;
  reason: ConnectionReason;
  /** The websocket close code, when the change came from a close. */
  closeCode?: number;
  /** When `state` is `reconnecting`: how long until the next attempt. */
  retryInMs?: number;
  /** When credentials could not be fetched, or the socket failed, the error as a value. */
  error?: PanelError;
}

/** `backup completed:<uuid>`, normalised. */
export interface BackupCompleted {
  uuid: string;
  isSuccessful: boolean;
  /** e.g. the sha1 hex digest; null when Wings sent none. */
  checksum: string | null;
  checksumType: string | null;
  fileSizeBytes: number | null;
}

/** Pelican Wings' `feature match`: a console line matched an egg feature (e.g. `eula`). */
export interface FeatureMatch {
  key: string;
  pattern: string;
  line: string;
}

/** Every event a WingsSocket emits, with its payload. `undefined` means "no payload". */
export interface WingsEvents {
  status: PowerState;
  /** One `console output` line, ANSI escapes kept. */
  console: string;
  /** `install output` (root admins only). */
  'install-output': string;
  /** `transfer logs` (root admins only). */
  'transfer-logs': string;
  /** Every Wings stats frame carries `state` (wings `server/resources.go`): a state seen, as `status` is. */
  stats: WingsStats;
  'daemon-message': string;
  'daemon-error': string;
  'backup-completed': BackupCompleted;
  'backup-restore-completed': undefined;
  'install-started': undefined;
  'install-completed': undefined;
  /** e.g. `pending`, `processing`, `completed`, `failed`. */
  'transfer-status': string;
  deleted: undefined;
  /** Pelican Wings dropped a message: the throttled event name, or `global`. */
  throttled: string;
  'feature-match': FeatureMatch;
  connection: ConnectionChange;
  /**
   * Commands sent moments before a `jwt error`: Wings refused them unread (its token check runs
   * before any event, `HandleInbound` in `router/websocket/websocket.go`). Send them another way.
   */
  'commands-refused': string[];
  /**
   * Commands sent just before Wings said it throttled commands (or every message): one of them
   * may have been dropped. Not resent (it may have run); the user is to be told.
   */
  'commands-throttled': string[];
  /** A JWT error no new token can fix (e.g. missing connect permission). The socket stops. */
  'auth-error': string;
}

/**
 * The `ws` constructor (`typeof WebSocket` fits), or a subclass or double: only the call the
 * client makes is required, so a test double need not copy ws's static members and overloads.
 */
export type WebSocketConstructor = new (address: string, options: ClientOptions) => WebSocket;

/** Jittered exponential back-off bounds. */
export interface BackoffOptions {
  /** First delay (before jitter). Default 1 000 ms. */
  initialMs?: number;
  /** Ceiling (before jitter). Default 30 000 ms. */
  maxMs?: number;
}

/** How to build a WingsSocket. Everything with a side effect is injectable. */
export interface WingsSocketOptions {
  /** The panel URL; its origin (scheme://host[:port]) is sent as `Origin`, which Wings checks. */
  panelUrl: string;
  /** Calls `GET /servers/{server}/websocket`; called on every (re)connect and token refresh. */
  fetchCredentials: () => Promise<WebsocketCredentials>;
  /** Defaults to the `ws` package. */
  WebSocketImpl?: WebSocketConstructor;
  clock?: Clock;
  logger?: Logger;
  /** In [0, 1); drives the back-off jitter. Defaults to Math.random. */
  random?: () => number;
  backoff?: BackoffOptions;
  /** From socket creation to `auth success`. Default 15 000 ms. */
  connectTimeoutMs?: number;
  /**
   * Least time between two token refreshes. Wings lets `auth` through at 1 per 5 s and Pelican
   * hands out 5 tokens per minute per server, so a burst of JWT errors must not become a burst of
   * fetches. Default 10 000 ms.
   */
  minRefreshIntervalMs?: number;
  /** A connection that stayed up this long resets the back-off. Default 30 000 ms. */
  stableAfterMs?: number;
}
