/** The Wings websocket client: one `WingsSocket` per watched server. */
export { WingsSocket } from './wings-socket';
export { parseStats, parsePowerState, parseWingsStats } from './stats';
export { isRefreshableJwtError } from './inbound';
export { backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
export { panelOrigin } from './origin';
export type {
  BackoffOptions,
  BackupCompleted,
  ConnectionChange,
  ConnectionReason,
  WebSocketConstructor,
  WingsEvents,
  WingsSocketOptions,
  WingsSocketState,
  WingsStats,
} from './types';
