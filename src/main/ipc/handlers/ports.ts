/**
 * What the IPC handlers need from the rest of main, as narrow interfaces: the composition root
 * passes the real services, handler tests pass fakes.
 */
import type { ClientApi } from '../../../core/api/client-types';
import type { IncidentRecorder } from '../../../core/incidents/recorder';
import type { Logger } from '../../../core/util/deps';
import type { HistoryStore } from '../../../core/history/history-store';
import type { AccountRecord, AccountService } from '../../../core/accounts/account-service';
import type {
  AccountView,
  ConsoleConnection,
  DesktopInfo,
  FeatureKey,
  NotificationStatus,
  PowerSignal,
  ServerRef,
  ServerView,
  Settings,
  StatsSample,
} from '../../../shared/types';
import type { AlertChannelInput, AlertChannelView } from '../../../shared/ipc/alerts';
import type { TestOutcome } from '../../../shared/alerts';

/** The monitor as the window uses it. */
export interface MonitorPort {
  servers(): ServerView[];
  accounts(): AccountView[];
  refresh(accountId?: string): Promise<void>;
  power(ref: ServerRef, signal: PowerSignal): Promise<void>;
  sendCommand(ref: ServerRef, command: string): Promise<void>;
  acceptFeature(ref: ServerRef, feature: FeatureKey): Promise<void>;
  dismissFeature(ref: ServerRef, feature: FeatureKey): void;
  history(ref: ServerRef): StatsSample[];
  consoleBacklog(ref: ServerRef): string[];
  consoleConnection(ref: ServerRef): ConsoleConnection;
}

export interface TransferPort {
  download(ref: ServerRef, remotePath: string, destinationPath: string): string;
  upload(ref: ServerRef, directory: string, localPath: string): string;
  cancel(transferId: string): void;
}

/** Backups tab (issue 13): a backup's download, verified before it is reported done. */
export interface BackupsPort {
  /** Starts the download; returns the transfer id at once (progress on `transfers:progress`, the check on `backups:verified`). */
  download(ref: ServerRef, backup: { uuid: string; name: string; checksum: string | null }, destinationPath: string): string;
}

export interface DialogPort {
  /** Where to save a download; null when cancelled. */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /** Files to upload; null when cancelled. */
  chooseFilesToUpload(): Promise<string[] | null>;
  /**
   * Main's own question before files that did not come from its picker leave the computer
   * ("Upload 3 files to Survival?"). True only when the person chose Upload.
   */
  confirmUpload(request: { serverName: string; directory: string; fileNames: string[] }): Promise<boolean>;
  /** Main's own question before a new panel gets a key and the app's attention. */
  confirmAddPanel(request: { name: string; url: string; isPlainHttp: boolean }): Promise<boolean>;
}

/** Main's open dialog for a schedule import, and the file reads and writes behind the dialogs (issue 13). */
export interface ScheduleFilePort {
  /** One JSON file to import; null when cancelled. */
  chooseImportPath(): Promise<string | null>;
  read(path: string): Promise<string>;
  write(path: string, text: string): Promise<void>;
}

/** The history on disk (issue 14) and the CSV file main's save dialog chose. */
export interface HistoryPort {
  store: Pick<HistoryStore, 'series' | 'uptimeIn' | 'summary' | 'csv'>;
  writeFile(path: string, text: string): Promise<void>;
}

export interface SettingsPort {
  settings(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export interface HandlerPorts {
  accounts: AccountService;
  /** Account records with their live status, as the window shows them. */
  accountViews(): AccountView[];
  monitor: MonitorPort;
  client(accountId: string): Promise<ClientApi>;
  transfers: TransferPort;
  dialogs: DialogPort;
  settings: SettingsPort;
  /** What this desktop allows (launch at login, a visible tray icon). */
  desktop(): DesktopInfo;
  openInPanel(ref: ServerRef): Promise<void>;
  /** Opens a feature's terms (external-links.ts FEATURE_TERMS_URLS) in the browser. */
  openTerms(feature: FeatureKey): Promise<void>;
  startDemo(): Promise<AccountRecord>;
  /** Commands typed in the console, newest last, kept per server for up/down. */
  commandHistory: { get(ref: ServerRef): string[]; push(ref: ServerRef, command: string): void };
  console: { attach(ref: ServerRef): void; detach(ref: ServerRef): void };
  /** The servers the page shows (`accountId/identifier`); they count while the window is visible. */
  reportOnScreen(keys: string[]): void;
  /** Whether the system shows the app's notifications. */
  notificationStatus(): NotificationStatus;
  now(): number;

  // ── backups (issue 13) ──
  /** Backup downloads: through the transfer manager, checked against the panel's checksum once on disk. */
  backups: BackupsPort;

  // ── schedules (issue 13) ──
  /** The schedule files main's own dialogs chose (export's save dialog is dialogs.chooseSavePath). */
  scheduleFiles: ScheduleFilePort;

  // ── startup (issue 13) ──
  /** Writes text main built to the system clipboard. */
  writeClipboard(text: string): void;
  /** Opens an `sftp://` URL with the system, only right after the person's press (external-links.ts). */
  openSftp(url: string): Promise<void>;
  /**
   * Follows a reinstall's output on a socket of its own, as console lines of kind install-output
   * (a root admin's key only). Resolves with its stop once the socket is authenticated (or after a
   * short wait, so a node that does not answer cannot hold the reinstall back).
   */
  watchInstall(ref: ServerRef): Promise<() => void>;

  // ── databases (issue 13) ──
  /** Writes text to the system clipboard (the copied URLs); nothing of it returns to the page. */
  copyText(text: string): Promise<void>;
  /** True, once, right after the person's own press or key in the window (main-window's UserActivation). */
  consumeActivation(): boolean;

  // ── network (issue 13) ──

  // ── users (issue 13) ──

  // ── activity (issue 13) ──

  // ── incidents (issue 14) ──
  /** The timeline's store, and the merge of a server's panel activity into it. */
  incidents: IncidentsPort;
  // ── history (issue 14) ──
  history: HistoryPort;
  // ── alerts (issue 14) ──
  alerts: AlertsPort;
}

/** The incident recorder as the window reads it (issue 14). */
export interface IncidentsPort extends Pick<IncidentRecorder, 'store' | 'importActivity'> {
  logger: Logger;
}

/** Settings › Alerts (issue 14): main's AlertsService, and main's own question before alerts go somewhere new. */
export interface AlertsPort {
  views(): Promise<AlertChannelView[]>;
  /** Where a save would send alerts that they did not go before, or null. */
  destinationOf(input: AlertChannelInput): Promise<{ name: string; kind: string; host: string } | null>;
  /** "Send alerts to discord.com?"; true only when the person chose to. */
  confirmDestination(destination: { name: string; kind: string; host: string }): Promise<boolean>;
  save(input: AlertChannelInput): Promise<AlertChannelView>;
  remove(channelId: string): Promise<void>;
  test(channelId: string): Promise<TestOutcome>;
}
