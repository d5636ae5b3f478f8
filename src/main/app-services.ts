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
    views: () => accountViews(accounts.list(), monitor.accounts()),
    dispose: async () => {
      lastStates.dispose(); // Before the monitor forgets what it saw.
      monitor.dispose();
      transfers.dispose();
      clients.dispose();
      await demo.dispose();
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
