/**
 * The kinds of failure, shared: core raises them (PanelError), the IPC layer carries them as
 * codes, the window and the CLI word them. Words live with their readers; the kinds live here.
 */

/** The kinds of failure a panel, a node or the network can cause. */
export type PanelErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server-offline'
  | 'node-unreachable'
  | 'two-factor-required'
  | 'validation'
  | 'too-large'
  | 'network'
  | 'timeout'
  | 'tls'
  | 'bad-response'
  | 'maintenance'
  | 'cancelled'
  /** A local file could not be read or written (downloads and uploads): disk full, no access, gone. */
  | 'local-file'
  /** The key would travel in clear text: a plain-http panel, websocket or link not on this machine that the person did not allow. */
  | 'insecure-transport';

/**
 * Every kind a core error can have: a panel's, a node's or the network's (PanelErrorKind), and
 * the core's own (the keychain, an account that is gone, an input a person must change).
 */
export type CoreErrorKind = PanelErrorKind | 'keychain-unavailable' | 'unknown-account' | 'invalid-argument';

/** Why a server answered 409 (`ServerStateConflictException`), as far as the detail tells. */
export type ConflictReason = 'suspended' | 'installing' | 'transferring' | 'restoring' | 'node-maintenance' | 'other';
