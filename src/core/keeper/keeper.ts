/**
 * What the monitor leaves behind (issue 14): the history, the incident timeline and the alert
 * channels, composed once for the app's main process and for `pterotray daemon`, so the two keep
 * the same records of the same monitor and tell the same incidents. The caller owns the monitor
 * and the database: it opens them before and closes them after `dispose()`.
 *
 * Order matters: incidents are stored before any channel hears of them (the feed tells each new
 * incident once, after it is stored), and on dispose the recorders stop first, then the channels
 * (what is undelivered stays queued in the store for the next start), then the history is written.
 */
import { ChannelBook } from '../alerts/channel-book';
import { createAlertDispatcher, type AlertDispatcher } from '../alerts/dispatcher';
import { writeChannelSecret } from '../alerts/channel-secrets';
import type { HttpPost } from '../alerts/http-post';
import type { ChannelConfig, ChannelSecret, ChannelStatus, IncidentFeed } from '../alerts/types';
import { recordHistory, type HistorySource } from '../history/history-recorder';
import { HistoryStore } from '../history/history-store';
import { createIncidentRecorder, type IncidentRecorder, type IncidentSource } from '../incidents';
import type { IncidentKind } from '../incidents/types';
import { SessionSecretStore, type SecretStore } from '../secrets';
import type { Database } from '../store/database';
import type { Clock, Disposer, Logger } from '../util/deps';

/**
 * An alert channel given by the daemon's config file, its secrets already read (from the
 * environment or a 0600 file). The app's own channels come from the store and the keychain.
 */
export interface KeeperChannel {
  type: 'discord' | 'slack' | 'ntfy' | 'webhook';
  name: string;
  rules?: { accounts?: string[]; servers?: string[]; kinds?: IncidentKind[] };
  /** Local times `HH:MM`; `from` after `to` spans midnight. */
  quietHours?: { from: string; to: string };
  /** discord, slack, webhook: the webhook URL (a secret). */
  url?: string;
  /** webhook: the HMAC-SHA256 signing secret. */
  secret?: string;
  /** ntfy: its server, topic and auth (a token, or a user and password). */
  server?: string;
  topic?: string;
  token?: string;
  user?: string;
  password?: string;
}

/** What the keeper needs of the monitor; ServerMonitor has it. */
export type KeeperMonitor = HistorySource & IncidentSource;

/** Something the keeper starts and stops with it. */
export interface KeeperPart {
  dispose(): void;
}

export interface KeeperOptions {
  monitor: KeeperMonitor;
  /** The store, opened with every module of STORE_MODULES (src/core/store/modules.ts). */
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The account's name as the person gave it (incident titles, alert bodies). */
  accountName?(accountId: string): string;
  /** Who asks for power through this process (the key's user), for the timeline. */
  actorName?(accountId: string): string | null;
  /**
   * The alert channels. `config`: the daemon's config file's (their secrets held in memory only);
   * `store`: the channels saved in the store with their secrets in `secrets` (the app's, which
   * the daemon without a config file shares); `custom`: the caller builds its own on the feed
   * (main's AlertsService, which also serves Settings). Absent: no channels.
   */
  alerts?:
    | { from: 'config'; channels: readonly KeeperChannel[] }
    | { from: 'store'; secrets: SecretStore }
    | { from: 'custom'; start(feed: IncidentFeed): KeeperPart };
  /** The notifications' pause: nothing new is queued while it holds. Default: never paused. */
  isPaused?: () => boolean;
  /**
   * A channel the keeper delivers to became failing, or delivers again (`config` and `store`
   * channels; main's own service shows it in Settings). Told once per change, not per retry.
   */
  onChannelHealth?(channel: { id: string; name: string }, status: ChannelStatus): void;
  /** How alerts are sent (tests); default fetch. */
  post?: HttpPost;
}

/** The running keeper. */
export interface Keeper {
  history: HistoryStore;
  incidents: IncidentRecorder;
  /** The dispatcher when the keeper made it (`config` or `store` channels), else null. */
  alerts: AlertDispatcher | null;
  /** The daemon's config was reloaded: its channels from now on (queues of kept channels go on). */
  setChannels(channels: readonly KeeperChannel[] | null): void;
  /** Stops every recorder and writes what is buffered; the caller closes the db after. */
  dispose(): void;
}

/** Starts recording the monitor into the store, and the channels on its incidents. */
export function startKeeper(options: KeeperOptions): Keeper {
  const { monitor, db, clock, logger } = options;
  const history = new HistoryStore(db, { clock, logger });
  const stops: Disposer[] = [recordHistory(monitor, history, () => clock.now())];
  const incidents = createIncidentRecorder({
    monitor,
    db,
    clock,
    logger,
    accountName: options.accountName ?? ((id) => id),
    ...(options.actorName ? { actorName: options.actorName } : {}),
  });
  const isPaused = options.isPaused ?? (() => false);
  let configChannels = new ConfigChannels();
  let dispatcher: AlertDispatcher | null = null;
  let custom: KeeperPart | null = null;
  const alerts = options.alerts;
  let channelList: () => readonly ChannelConfig[] = () => [];
  const health = new Map<string, ChannelStatus['health']>();
  const onStatusChanged = (channelId: string): void => {
    const channel = channelList().find((c) => c.id === channelId);
    if (!dispatcher || !channel || !options.onChannelHealth) return;
    const status = dispatcher.status(channelId);
    // Only the mark's changes: a pending count going up and down is not news.
    const was = health.get(channelId) ?? 'idle';
    health.set(channelId, status.health);
    if (status.health !== was && (status.health === 'failing' || was === 'failing')) options.onChannelHealth({ id: channel.id, name: channel.name }, status);
  };
  const common = { feed: incidents, db, clock, logger, isPaused, onStatusChanged, ...(options.post ? { post: options.post } : {}) };
  if (alerts?.from === 'config') {
    configChannels.set(alerts.channels);
    channelList = () => configChannels.configs;
    dispatcher = createAlertDispatcher({ ...common, secrets: configChannels.secrets, channels: channelList });
  } else if (alerts?.from === 'store') {
    const book = new ChannelBook({ db, secrets: alerts.secrets, logger });
    channelList = () => book.list();
    dispatcher = createAlertDispatcher({ ...common, secrets: alerts.secrets, channels: channelList });
  } else if (alerts?.from === 'custom') {
    custom = alerts.start(incidents);
  }
  let isDisposed = false;
  return {
    history,
    incidents,
    alerts: dispatcher,
    setChannels: (channels) => {
      if (isDisposed || alerts?.from !== 'config' || !dispatcher) return;
      const before = configChannels.configs.map((c) => c.id);
      const next = new ConfigChannels();
      next.set(channels ?? []);
      configChannels = next;
      // A channel no longer in the config has its queue dropped; a kept one (same name) goes on.
      for (const id of before) if (!next.configs.some((c) => c.id === id)) dispatcher.forgetChannel(id);
      dispatcher.wake();
    },
    dispose: () => {
      if (isDisposed) return;
      isDisposed = true;
      // Recorders first (last in, first out), so nothing is recorded into a store being flushed.
      for (const stop of stops.reverse()) stop();
      incidents.dispose();
      dispatcher?.dispose(); // What is undelivered stays queued for the next start.
      custom?.dispose();
      history.dispose(); // Writes what is buffered, and marks every state unknown from now.
    },
  };
}

/** The daemon's channels as the dispatcher reads them, their secrets in memory only. */
class ConfigChannels {
  configs: ChannelConfig[] = [];
  readonly secrets = new SessionSecretStore();

  set(channels: readonly KeeperChannel[]): void {
    this.configs = channels.map(channelConfigOf);
    channels.forEach((channel, i) => {
      // SessionSecretStore writes at once; the promise only follows the SecretStore interface.
      void writeChannelSecret(this.secrets, this.configs[i]!.id, channelSecretOf(channel));
    });
  }
}

/** A stable id from the channel's name, so a reload keeps its queue and its failing mark. */
export function configChannelId(name: string): string {
  return `config:${name.trim().toLowerCase()}`;
}

function minuteOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The daemon's channel in the dispatcher's shape (the config file was validated already). */
export function channelConfigOf(channel: KeeperChannel): ChannelConfig {
  return {
    id: configChannelId(channel.name),
    kind: channel.type,
    name: channel.name,
    isEnabled: true,
    rules: {
      accounts: channel.rules?.accounts ?? null,
      servers: channel.rules?.servers ?? null,
      kinds: channel.rules?.kinds ?? null,
      minSeverity: 'info',
    },
    // Critical incidents (a crash) get through quiet hours, as in the app's default.
    quietHours: channel.quietHours ? { startMinute: minuteOf(channel.quietHours.from), endMinute: minuteOf(channel.quietHours.to), allowCritical: true } : null,
    ntfy:
      channel.type === 'ntfy'
        ? { server: channel.server ?? 'https://ntfy.sh', auth: channel.token ? 'token' : channel.user ? 'basic' : 'none', username: channel.user ?? null }
        : null,
    webhook: channel.type === 'webhook' ? { isSigned: channel.secret !== undefined } : null,
  };
}

function channelSecretOf(channel: KeeperChannel): ChannelSecret {
  const secret: ChannelSecret = {};
  if (channel.url !== undefined) secret.url = channel.url;
  if (channel.topic !== undefined) secret.topic = channel.topic;
  if (channel.token !== undefined) secret.token = channel.token;
  if (channel.password !== undefined) secret.password = channel.password;
  if (channel.secret !== undefined) secret.signingKey = channel.secret;
  return secret;
}
