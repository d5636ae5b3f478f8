/** The app's long-lived services, built once; main's wiring connects them to Electron. */
import { join } from 'node:path';
import { app } from 'electron';
import { PanelClient } from '../core/api/client';
import { AccountService } from '../core/accounts/account-service';
import { ServerMonitor, type MonitorSettings } from '../core/monitor';
import { KeytarSecretStore, SessionSecretStore } from '../core/secrets';
import { TransferManager } from '../core/transfer/transfer-manager';
import { NoticeCenter } from '../core/rules/notice-center';
import type { Logger } from '../core/util/deps';
import type { AccountView, Settings, TransferProgress } from '../shared/types';
import { DemoPanel } from './demo';
import { accountViews } from './services/account-views';
import { ClientPool } from './services/client-pool';
import { CommandHistory } from './services/command-history';
import { LAST_STATES_FILE, LastStatesStore } from './services/last-states';
import { SettingsStore } from './settings/settings-store';
import { openStore, STORE_FILE, type Database } from '../core/store/database';
import { claimWriter, holderText } from '../core/store/writer-lock';
import { STORE_MODULES } from '../core/store/modules';
import type { HistoryStore } from '../core/history/history-store';
import { startKeeper } from '../core/keeper/keeper';
import { systemClock } from '../core/util/deps';
// ── incidents (issue 14) ──
import type { IncidentRecorder } from '../core/incidents';
// ── alerts (issue 14) ──
import { isPaused } from '../core/rules/notification-policy';
import { noticeRulesFromSettings } from '../core/settings/notice-rules';
import { AlertsService } from './services/alerts-service';

export interface AppServices {
  settings: SettingsStore;
  accounts: AccountService;
  clients: ClientPool;
  monitor: ServerMonitor;
  transfers: TransferManager;
  demo: DemoPanel;
  commandHistory: CommandHistory;
  /** The notification policy with its ledger and pause (core/rules/notice-center.ts). */
  notices: NoticeCenter;
  /** The last known states on disk, shown at the next start (last-states.ts). */
  lastStates: LastStatesStore;
  /** The monitor's memory on disk (issue 14): one SQLite file, history.sqlite beside the settings. */
  store: Database;
  /** What to tell about the store at start: a file set aside (database.ts), or the daemon holding it (writer-lock.ts). */
  storeNotice: { title: string; body: string } | null;
  /** Stats and states of every followed server, for weeks (issue 14, part 1). */
  history: HistoryStore;
  // ── incidents (issue 14) ──
  /** The incident timeline and its feed: each new incident told once, after it is stored. */
  incidents: IncidentRecorder;
  // ── alerts (issue 14) ──
  /** Alert channels and their delivery queue (issue 14, part 3). */
  alerts: AlertsService;
  /** Accounts as the window and tray show them (records joined with live status). */
  views(): AccountView[];
  dispose(): Promise<void>;
}

export function createServices(logger: Logger, onTransferProgress: (p: TransferProgress) => void): AppServices {
  const settings = new SettingsStore({ logger });
  const accounts = new AccountService({
    repository: settings,
    keychain: new KeytarSecretStore(),
    session: new SessionSecretStore(),
    // Key checks use a throwaway client; saved accounts share one client each through the pool.
    createClient: (conn) => new PanelClient(conn, { logger }),
  });
  const clients = new ClientPool(accounts, { logger });
  const monitor = new ServerMonitor({
    ...clients.forMonitor(),
    settings: monitorSettingsOf(settings),
    logger,
  });
  const transfers = new TransferManager({ client: (id) => clients.get(id), onProgress: onTransferProgress, logger });
  const demo = new DemoPanel(accounts, logger);
  const lastStates = new LastStatesStore({ path: join(app.getPath('userData'), LAST_STATES_FILE), source: monitor, logger });
  // One writer per history file (writer-lock.ts): with the daemon recording this computer's
  // history and alerts, the app keeps this session's in memory, and says so.
  const storePath = join(app.getPath('userData'), STORE_FILE);
  const claim = claimWriter(storePath, { kind: 'app' });
  const opened = openStore(claim.ok ? storePath : ':memory:', STORE_MODULES, { logger });
  const storeNotice = claim.ok
    ? opened.setAside && { title: 'History started anew', body: opened.setAside.message }
    : {
        title: 'History kept by the daemon',
        body: `${holderText(claim.holder)} records this computer's history, timeline and alerts. This window keeps what it sees in memory only until the daemon stops.`,
      };
  if (!claim.ok)
    logger.warn('store: another process records the history; this session keeps its own in memory', { pid: claim.holder.pid, kind: claim.holder.kind });
  let alerts: AlertsService | null = null;
  // The history, the timeline and the alert channels, composed as the daemon composes them.
  const keeper = startKeeper({
    monitor,
    db: opened.db,
    clock: systemClock,
    logger,
    accountName: (id) => accounts.list().find((a) => a.id === id)?.name ?? id,
    // Power through the app is asked with the key of the account's user: the panel logs it as theirs.
    actorName: (id) => monitor.accounts().find((a) => a.id === id)?.username ?? null,
    // Main's own service on the feed: it also serves Settings › Alerts (list, save, test).
    alerts: {
      from: 'custom',
      start: (feed) =>
        (alerts = new AlertsService({
          feed,
          db: opened.db,
          secrets: new KeytarSecretStore(),
          clock: systemClock,
          logger,
          // The same pause as the desktop's notifications (NoticeCenter.isPaused).
          isPaused: () => isPaused(noticeRulesFromSettings(settings.settings().notifications), Date.now()),
        })),
    },
  });
  if (!alerts) throw new Error('the keeper did not start the alerts');
  return {
    settings,
    accounts,
    clients,
    monitor,
    transfers,
    demo,
    commandHistory: new CommandHistory(),
    notices: new NoticeCenter({ settings: () => settings.settings().notifications, now: Date.now }),
    lastStates,
    store: opened.db,
    storeNotice,
    history: keeper.history,
    incidents: keeper.incidents,
    alerts,
    views: () => accountViews(accounts.list(), monitor.accounts()),
    dispose: async () => {
      lastStates.dispose(); // Before the monitor forgets what it saw.
      // Recorders, then the channels (what is undelivered stays queued), then the history is written.
      keeper.dispose();
      monitor.dispose();
      transfers.dispose();
      clients.dispose();
      await demo.dispose();
      opened.db.close();
      if (claim.ok) claim.lock.release();
    },
  };
}

/** The monitor's view of the settings, made once per settings change (it is read per stats frame). */
function monitorSettingsOf(store: SettingsStore): () => MonitorSettings {
  let made: { from: Settings; value: MonitorSettings } | null = null;
  return () => {
    const current = store.settings();
    if (made?.from !== current) made = { from: current, value: { ...current.monitor, rules: current.notifications } };
    return made.value;
  };
}
