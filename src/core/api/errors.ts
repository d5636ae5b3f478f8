/**
 * Errors are values with a kind (house style rule 8). A panel's, a node's or the network's
 * failure is a PanelError; core's own (an account check, the account service, the keychain) are
 * their own CoreErrors (util/core-error.ts). Callers branch on `kind` (and `reason`), never on
 * message text.
 */
import { CoreError } from '../util/core-error';

export type { ConflictReason, PanelErrorKind } from '../../shared/error-kinds';
import type { ConflictReason, PanelErrorKind } from '../../shared/error-kinds';

/** One sentence a person can act on, per kind. */
export const ERROR_ADVICE: Record<PanelErrorKind, string> = {
  auth: 'The panel rejected the API key. Check that it is a client key (ptlc_ or pacc_) that has not been revoked.',
  forbidden: 'The key is not allowed to do this. Check the key’s allowed IPs and your permissions on this server.',
  'not-found': 'The panel could not find this. It may have been deleted or renamed; refresh and try again.',
  conflict: 'The server cannot do this right now (suspended, installing, transferring or restoring). Try again when it is ready.',
  'rate-limited': 'The panel is rate-limiting requests. Pterotray will retry after the wait the panel asked for.',
  'server-offline': 'The server is offline. Start it first.',
  'node-unreachable': 'The panel cannot reach the node this server runs on. The node may be down; try again later.',
  'two-factor-required': 'The panel requires two-factor authentication on your account. Enable it in the panel, then try again.',
  validation: 'The panel refused the request as invalid. Check the values and try again.',
  'too-large': 'The file is too large for this operation (the panel edits files up to 4 MiB). Download it instead.',
  network: 'The panel could not be reached. Check the URL and your connection.',
  timeout: 'The panel took too long to answer. It may be overloaded; try again.',
  tls: 'The panel’s TLS certificate could not be verified. Check the URL, or the certificate on the panel.',
  'bad-response': 'The panel sent an answer Pterotray does not understand. Check that the URL points to a Pterodactyl or Pelican panel.',
  maintenance: 'The panel is in maintenance mode. Try again once it is back.',
  cancelled: 'The operation was cancelled.',
  'local-file': 'Pterotray could not read or write the local file. Check the path, the free disk space and the permissions.',
  'insecure-transport':
    'This panel is not encrypted: anyone on the network can read your key. Use its https:// address, or add it again and choose to allow plain http.',
};

/** Options to build a PanelError; only `kind` is required. */
export interface PanelErrorInit {
  kind: PanelErrorKind;
  /** A sentence for a person; defaults to the kind's advice. Never contains the API key. */
  message?: string;
  /** HTTP status, when the failure came with one. */
  status?: number;
  /** The panel's `errors[0].code` (exception basename), when present. */
  code?: string;
  /** The panel's `errors[0].detail` or Wings' `error`, when present. */
  detail?: string;
  conflictReason?: ConflictReason;
  /** For `rate-limited`: how long to wait before the next request to this panel. */
  retryAfterMs?: number;
  /**
   * For `rate-limited`: whose limit it is. `server` and `account` are one route's own limit
   * (a backup, a websocket token…) and hold back only that route; absent means the whole panel.
   */
  rateLimitScope?: 'server' | 'account';
  /**
   * For `bad-response`: the panel's own JSON error for a 5xx. It is a panel, and it is failing;
   * the address is right.
   */
  isPanelFailure?: boolean;
  cause?: unknown;
}

/** The advice for a panel that answers its own 5xx error. */
export const PANEL_FAILURE_ADVICE = 'The panel itself is failing (an internal error). Try again later, or tell the panel’s admin.';

/** A failure a panel, a node or the network caused. */
export class PanelError extends CoreError {
  readonly kind: PanelErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly conflictReason: ConflictReason | undefined;
  readonly retryAfterMs: number | undefined;
  readonly rateLimitScope: 'server' | 'account' | undefined;
  readonly isPanelFailure: boolean;

  constructor(init: PanelErrorInit) {
    super(init.message ?? init.detail ?? ERROR_ADVICE[init.kind], { cause: init.cause, reason: init.conflictReason });
    this.name = 'PanelError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.conflictReason = init.conflictReason;
    this.retryAfterMs = init.retryAfterMs;
    this.rateLimitScope = init.rateLimitScope;
    this.isPanelFailure = init.isPanelFailure === true;
  }

  /** The kind's advice, for UIs that show a second line under the message. */
  get advice(): string {
    return this.isPanelFailure ? PANEL_FAILURE_ADVICE : ERROR_ADVICE[this.kind];
  }

  /** A plain object safe to log or send over IPC (no cause, no stack, no secrets). */
  toJSON(): PanelErrorInit & { name: string; message: string } {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      detail: this.detail,
      conflictReason: this.conflictReason,
      retryAfterMs: this.retryAfterMs,
      ...(this.rateLimitScope ? { rateLimitScope: this.rateLimitScope } : {}),
      ...(this.isPanelFailure ? { isPanelFailure: true } : {}),
    };
  }
}

/** True when `value` is a PanelError (instanceof: errors from this realm only). */
export function isPanelError(value: unknown): value is PanelError {
  return value instanceof PanelError;
}
