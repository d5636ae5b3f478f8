/**
 * The alert channels' vocabulary (issue 14, part 3), shared by main, the renderer and the core:
 * where an incident is sent beyond the desktop (Discord, Slack, ntfy, a generic JSON webhook), which
 * incidents each channel takes, and how its deliveries are doing. Plain data.
 *
 * A channel's config never holds a secret: webhook URLs (Discord's and Slack's carry their token
 * in the path), the ntfy topic (on a public server the topic is the password, docs.ntfy.sh/publish
 * "picking a topic"), its token or password and the webhook's signing key live in the SecretStore
 * (src/core/alerts/channel-secrets.ts), so none of them reaches settings, logs, IPC replies or the
 * renderer.
 */

/**
 * The incident kinds a rule may name: src/core/incidents/types.ts `IncidentKind`, listed here because
 * the renderer cannot import the core (src/core/alerts/types.ts proves at compile time that the two
 * lists are the same).
 */
export const ALERT_INCIDENT_KINDS = [
  'state',
  'crash',
  'usage-raised',
  'usage-cleared',
  'suspended',
  'unsuspended',
  'node-unreachable',
  'node-recovered',
  'key-revoked',
  'account-recovered',
  'backup-completed',
  'backup-failed',
  'backup-restored',
  'power',
  'panel-activity',
] as const;

export type AlertIncidentKind = (typeof ALERT_INCIDENT_KINDS)[number];

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** The services an alert can go to. */
export type ChannelKind = 'discord' | 'slack' | 'ntfy' | 'webhook';

export const CHANNEL_KINDS: readonly ChannelKind[] = ['discord', 'slack', 'ntfy', 'webhook'];

/** Which incidents a channel takes; `null` in a field means "all". */
export interface ChannelRules {
  /** Account ids. */
  accounts: string[] | null;
  /** Server keys, `accountId/identifier`. An incident of no server (a revoked key) passes a server list only when `null`. */
  servers: string[] | null;
  kinds: AlertIncidentKind[] | null;
  /** The least severity sent: `warning` keeps crashes and outages and leaves out plain state changes. */
  minSeverity: AlertSeverity;
}

/**
 * A daily window, in the machine's local time, when the channel stays quiet. Minutes after
 * midnight; a start after the end spans midnight (22:00–07:00). Critical incidents (a crash) still
 * go out when `allowCritical` is set.
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
  allowCritical: boolean;
}

/** How an ntfy server wants to be asked (docs.ntfy.sh/publish/#authentication). */
export type NtfyAuth = 'none' | 'token' | 'basic';

/** One channel as settings keep it: no secrets. */
export interface ChannelConfig {
  id: string;
  kind: ChannelKind;
  /** What the person calls it, "Ops Discord". */
  name: string;
  isEnabled: boolean;
  rules: ChannelRules;
  quietHours: QuietHours | null;
  /** ntfy only: the server's origin (`https://ntfy.sh`) and how it authenticates. */
  ntfy: { server: string; auth: NtfyAuth; username: string | null } | null;
  /** Generic webhook only: whether each request carries an HMAC-SHA256 signature (webhook-format.ts). */
  webhook: { isSigned: boolean } | null;
}

/** A channel's secrets, as the SecretStore keeps them (channel-secrets.ts). */
export interface ChannelSecret {
  /** Discord, Slack, generic webhook: the URL to POST to. */
  url?: string;
  /** ntfy: the topic (a password on a public server). */
  topic?: string;
  /** ntfy: an access token (`tk_…`) for `auth: 'token'`, or the password for `auth: 'basic'`. */
  token?: string;
  password?: string;
  /** Generic webhook: the HMAC-SHA256 key. */
  signingKey?: string;
}

/** How a channel's deliveries are doing, for the settings page's failing mark. */
export interface ChannelStatus {
  channelId: string;
  /** `failing` after repeated failures or a refusal (a deleted webhook); `ok` after a delivery; `idle` before any. */
  health: 'ok' | 'failing' | 'idle';
  consecutiveFailures: number;
  failingSinceMs: number | null;
  lastSuccessMs: number | null;
  /** One sentence, never a URL or a token. */
  lastError: string | null;
  /** Alerts waiting to be delivered. */
  pending: number;
}

/** What "Send test" found. */
export interface TestOutcome {
  ok: boolean;
  /** The receiver's HTTP status, or null when no answer came. */
  status: number | null;
  /** One sentence a person can act on; never a URL or a token. */
  message: string;
}
