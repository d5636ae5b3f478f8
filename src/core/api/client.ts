/**
 * PanelClient: the Pterodactyl / Pelican Client API over axios, Electron-free. One instance per
 * panel connection; it owns a scheduler (concurrency, rate limit, retries) and must be disposed.
 */
import type { AxiosAdapter, AxiosInstance } from 'axios';
import type {
  BackupList,
  CallOptions,
  ChmodEntry,
  ClientApi,
  CreateBackupOptions,
  CreateDatabaseInput,
  RenameOptions,
  PanelConnection,
  PullOptions,
  RateLimitInfo,
  RenameEntry,
  RestoreBackupOptions,
} from './client-types';
import { PanelError } from './errors';
import { normalizePanelUrl } from './base-url';
import * as backups from './backups-api';
import * as databases from './databases-api';
import * as activity from './activity-api';
import type { ActivityQuery } from './activity-api';
import * as files from './files-api';
import * as network from './network-api';
import * as startup from './startup-api';
import { DEFAULT_USER_AGENT, PanelHttp } from './http';
import {
  POWER_SIGNALS,
  type Account,
  type ActivityEntry,
  type Allocation,
  type Backup,
  type Database,
  type FileEntry,
  type ListServersOptions,
  type Page,
  type PowerSignal,
  type Schedule,
  type ScheduleTask,
  type Server,
  type ServerDetails,
  type ServerResources,
  type Startup,
  type StartupVariableUpdate,
  type DescriptionOutcome,
  type Subuser,
  type WebsocketCredentials,
} from './models';
import * as n from './normalize';
import { collectAllPages } from './paginate';
import { serverPath } from './paths';
import { secretsOf } from './redact';
import * as users from './users-api';
import type { PermissionGroup } from './users-api';
import { PanelRequester } from './requester';
import type { RouteLimitId } from './route-limits';
import { RequestScheduler, type SchedulerOptions } from './scheduler';
import * as schedules from './schedules-api';
import { silentLogger, systemClock, type Clock, type Logger } from '../util/deps';
import { mayUse } from '../../shared/transport';

/** Injected side effects and tuning; all optional. */
export interface PanelClientOptions {
  logger?: Logger;
  clock?: Clock;
  /** Per-request timeout. Default 20 s (the official UI's). */
  timeoutMs?: number;
  /** Requests in flight at once to this panel. Default 4. */
  maxConcurrency?: number;
  axiosInstance?: AxiosInstance;
  /** An axios adapter, for tests that answer without a socket. */
  adapter?: AxiosAdapter;
  /** Default `Pterotray/<version>`. */
  userAgent?: string;
  /** Cap on pages walked by listServers / listBackups. Default 1000. */
  maxPages?: number;
  /** Further scheduler tuning (retries, backoff, jitter source). */
  scheduler?: Omit<SchedulerOptions, 'clock' | 'logger' | 'maxConcurrency'>;
}

/** Default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** The panel's maximum `per_page` for the server list. */
const SERVERS_PER_PAGE = 100;

/** The Client API for one panel connection. Every method rejects with a PanelError only. */
/** The refusal of a plain-http panel that is not on this machine and was not allowed. */
function insecurePanel(url: string): PanelError {
  return new PanelError({
    kind: 'insecure-transport',
    message: `${new URL(url).host} is on plain http: anyone on the network could read your API key. Use its https:// address, or allow plain http for this panel explicitly.`,
  });
}

export class PanelClient implements ClientApi {
  /** The normalised panel URL (no `/api/client`, no trailing slash). */
  readonly url: string;
  private readonly r: PanelRequester;
  private readonly scheduler: RequestScheduler;
  private readonly http: PanelHttp;
  private readonly logger: Logger;
  private readonly maxPages: number | undefined;
  /** The person allowed plain http for this panel (src/shared/transport.ts). */
  private readonly allowPlainHttp: boolean;

  constructor(conn: PanelConnection, options: PanelClientOptions = {}) {
    this.url = normalizePanelUrl(conn.url);
    this.allowPlainHttp = conn.allowPlainHttp === true;
    // Before the key is touched: a plain-http panel off this machine gets nothing unless allowed.
    if (!mayUse(this.url, this.allowPlainHttp)) throw insecurePanel(this.url);
    const apiKey = typeof conn.apiKey === 'string' ? conn.apiKey.trim() : '';
    if (apiKey === '') throw new PanelError({ kind: 'auth', message: 'No API key was given for this panel.' });
    // A pasted key may carry a stray control character; Node would refuse the header anyway.
    if (/[^\x21-\x7e]/.test(apiKey)) {
      throw new PanelError({ kind: 'auth', message: 'The API key contains characters an API key cannot have.' });
    }
    const clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.maxPages = options.maxPages;
    const secrets = secretsOf(apiKey);
    this.http = new PanelHttp({
      panelUrl: this.url,
      apiKey,
      secrets,
      userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
      clock,
      logger: this.logger,
      axiosInstance: options.axiosInstance,
      adapter: options.adapter,
    });
    this.scheduler = new RequestScheduler({ ...options.scheduler, clock, logger: this.logger, maxConcurrency: options.maxConcurrency });
    this.r = new PanelRequester({ http: this.http, scheduler: this.scheduler, clock, secrets, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  }

  /** Rejects queued calls with `cancelled`, aborts those in flight and clears every timer. */
  dispose(): void {
    this.scheduler.dispose();
    this.http.dispose();
  }

  rateLimit(): RateLimitInfo {
    return this.scheduler.rateLimit();
  }

  onRateLimitBlock(listener: (blockedUntilMs: number) => void): () => void {
    return this.scheduler.onBlock(listener);
  }

  routeLimitWaitMs(server: string, route: RouteLimitId): number {
    return this.scheduler.routeLimitWaitMs(server, route);
  }

  async getAccount(opts?: CallOptions): Promise<Account> {
    return this.r.json({ method: 'GET', path: '/account', opts }, n.normalizeAccount);
  }

  async listPermissions(opts?: CallOptions): Promise<string[]> {
    return this.r.json({ method: 'GET', path: '/permissions', opts }, n.normalizeSystemPermissions);
  }

  async listServersPage(page: number, options: ListServersOptions = {}, opts?: CallOptions): Promise<Page<Server>> {
    const params: Record<string, string | number | undefined> = {
      page,
      per_page: Math.min(SERVERS_PER_PAGE, Math.max(1, options.perPage ?? SERVERS_PER_PAGE)),
      type: options.type,
    };
    for (const [key, value] of Object.entries(options.filter ?? {})) params[`filter[${key}]`] = value;
    return this.r.json({ method: 'GET', path: '/', params, opts }, (body) => n.parsePage(body, 'server', page, n.normalizeServer));
  }

  async listServers(options?: ListServersOptions, opts?: CallOptions): Promise<Server[]> {
    return collectAllPages({
      fetchPage: (page) => this.listServersPage(page, options, opts),
      keyOf: (s) => s.uuid ?? s.identifier,
      maxPages: this.maxPages,
      logger: this.logger,
    });
  }

  async getServer(server: string, opts?: CallOptions): Promise<ServerDetails> {
    return this.r.json({ method: 'GET', path: serverPath(server), opts }, n.normalizeServerDetails);
  }

  async getResources(server: string, opts?: CallOptions): Promise<ServerResources> {
    return this.r.json({ method: 'GET', path: serverPath(server, 'resources'), opts }, n.normalizeResources);
  }

  async power(server: string, signal: PowerSignal, opts?: CallOptions): Promise<void> {
    if (!POWER_SIGNALS.includes(signal)) {
      throw new PanelError({ kind: 'validation', message: `"${String(signal)}" is not a power signal (start, stop, restart, kill).` });
    }
    await this.r.none({ method: 'POST', path: serverPath(server, 'power'), json: { signal }, opts });
  }

  async sendCommand(server: string, command: string, opts?: CallOptions): Promise<void> {
    if (typeof command !== 'string' || command.trim() === '') {
      throw new PanelError({ kind: 'validation', message: 'The command is empty.' });
    }
    const path = serverPath(server, 'command');
    await this.r.none({ method: 'POST', path, json: { command }, operation: 'command', opts });
  }

  async getWebsocketCredentials(server: string, opts?: CallOptions): Promise<WebsocketCredentials> {
    const path = serverPath(server, 'websocket');
    const credentials = await this.r.json({ method: 'GET', path, opts }, n.normalizeWebsocketCredentials);
    this.requireTransport(credentials.socket, 'websocket');
    return credentials;
  }

  /**
   * A websocket or signed link the panel hands out is held to the panel's own rule: a panel on
   * https (or one the person allowed on http) cannot route the token or a file over plain text
   * off this machine. The address itself is never echoed: it carries a signature.
   */
  private requireTransport(address: string, what: 'websocket' | 'link'): void {
    if (mayUse(address, this.allowPlainHttp)) return;
    throw new PanelError({
      kind: 'insecure-transport',
      message:
        what === 'websocket'
          ? 'The panel gave a websocket address without encryption (ws://) on another machine; Pterotray does not send the console token in clear text. The panel’s admin should put the node behind TLS (wss://).'
          : 'The panel gave a download or upload link without encryption (http://) on another machine; Pterotray does not send files in clear text. The panel’s admin should put the node behind TLS (https://).',
    });
  }

  async listFiles(server: string, directory: string, opts?: CallOptions): Promise<FileEntry[]> {
    return files.listFiles(this.r, server, directory, opts);
  }

  async readFile(server: string, path: string, opts?: CallOptions): Promise<string> {
    return files.readFile(this.r, server, path, opts);
  }

  async writeFile(server: string, path: string, content: string, opts?: CallOptions): Promise<void> {
    return files.writeFile(this.r, server, path, content, opts);
  }

  async renameFiles(server: string, root: string, entries: RenameEntry[], opts?: CallOptions): Promise<void> {
    return files.renameFiles(this.r, server, root, entries, opts);
  }

  async copyFile(server: string, location: string, opts?: CallOptions): Promise<void> {
    return files.copyFile(this.r, server, location, opts);
  }

  async deleteFiles(server: string, root: string, names: string[], opts?: CallOptions): Promise<void> {
    return files.deleteFiles(this.r, server, root, names, opts);
  }

  async createFolder(server: string, root: string, name: string, opts?: CallOptions): Promise<void> {
    return files.createFolder(this.r, server, root, name, opts);
  }

  async compressFiles(server: string, root: string, names: string[], opts?: CallOptions): Promise<FileEntry> {
    return files.compressFiles(this.r, server, root, names, opts);
  }

  async decompressFile(server: string, root: string, file: string, opts?: CallOptions): Promise<void> {
    return files.decompressFile(this.r, server, root, file, opts);
  }

  async chmodFiles(server: string, root: string, entries: ChmodEntry[], opts?: CallOptions): Promise<void> {
    return files.chmodFiles(this.r, server, root, entries, opts);
  }

  async pullFile(server: string, options: PullOptions, opts?: CallOptions): Promise<void> {
    return files.pullFile(this.r, server, options, opts);
  }

  async getDownloadUrl(server: string, path: string, opts?: CallOptions): Promise<string> {
    const url = await files.getDownloadUrl(this.r, server, path, opts);
    this.requireTransport(url, 'link');
    return url;
  }

  async getUploadUrl(server: string, opts?: CallOptions): Promise<string> {
    const url = await files.getUploadUrl(this.r, server, opts);
    this.requireTransport(url, 'link');
    return url;
  }

  async listBackups(server: string, opts?: CallOptions): Promise<Backup[]> {
    const path = serverPath(server, 'backups');
    return collectAllPages({
      fetchPage: (page) => this.r.json({ method: 'GET', path, params: { page, per_page: 50 }, opts }, (b) => n.parsePage(b, 'backup', page, n.normalizeBackup)),
      keyOf: (b) => b.uuid,
      maxPages: this.maxPages,
      logger: this.logger,
    });
  }

  /** Starts a backup. The panel allows 2 per 10 minutes per server; the third fails at once. */
  async createBackup(server: string, options: CreateBackupOptions = {}, opts?: CallOptions): Promise<Backup> {
    const json = { name: options.name, ignored: options.ignored, is_locked: options.isLocked };
    return this.r.json({ method: 'POST', path: serverPath(server, 'backups'), json, opts }, (b) => n.normalizeBackup(n.unwrapItem(b, 'backup')));
  }

  /**
   * The server's databases. Passwords come only when asked (`include=password`, which the panel
   * answers only for a key with `database.view_password`: DatabaseTransformer::includePassword),
   * so a list never carries a secret nobody asked to see (issue 13).
   */
  async listDatabases(server: string, options: { includePasswords?: boolean } = {}, opts?: CallOptions): Promise<Database[]> {
    const params = options.includePasswords === true ? { include: 'password' } : undefined;
    const spec = { method: 'GET' as const, path: serverPath(server, 'databases'), params, opts };
    return this.r.json(spec, (b) => n.parseList(b, 'database', n.normalizeDatabase));
  }

  async listSchedules(server: string, opts?: CallOptions): Promise<Schedule[]> {
    const path = serverPath(server, 'schedules');
    return this.r.json({ method: 'GET', path, opts }, (b) => n.parseList(b, 'schedule', n.normalizeSchedule));
  }

  async listAllocations(server: string, opts?: CallOptions): Promise<Allocation[]> {
    const path = serverPath(server, 'network/allocations');
    return this.r.json({ method: 'GET', path, opts }, (b) => n.parseList(b, 'allocation', n.normalizeAllocation));
  }

  async listSubusers(server: string, opts?: CallOptions): Promise<Subuser[]> {
    const path = serverPath(server, 'users');
    return this.r.json({ method: 'GET', path, opts }, (b) => n.parseList(b, 'subuser', n.normalizeSubuser));
  }

  async getStartup(server: string, opts?: CallOptions): Promise<Startup> {
    return this.r.json({ method: 'GET', path: serverPath(server, 'startup'), opts }, n.normalizeStartup);
  }

  async listActivity(server: string, page = 1, opts?: CallOptions): Promise<Page<ActivityEntry>> {
    const params = { page, include: 'actor', sort: '-timestamp' };
    const spec = { method: 'GET' as const, path: serverPath(server, 'activity'), params, opts };
    return this.r.json(spec, (b) => n.parsePage(b, 'activity', page, n.normalizeActivity));
  }

  // ── backups writes (issue 13) ──

  async listBackupsWithCount(server: string, opts?: CallOptions): Promise<BackupList> {
    let backupCount: number | null = null;
    const list = await collectAllPages({
      fetchPage: async (page) => {
        const answer = await backups.listBackupsPage(this.r, server, page, opts);
        if (page === 1) backupCount = answer.backupCount;
        return answer.page;
      },
      keyOf: (b) => b.uuid,
      maxPages: this.maxPages,
      logger: this.logger,
    });
    return { backups: list, backupCount };
  }

  async getBackup(server: string, uuid: string, opts?: CallOptions): Promise<Backup> {
    return backups.getBackup(this.r, server, uuid, opts);
  }

  async deleteBackup(server: string, uuid: string, opts?: CallOptions): Promise<void> {
    return backups.deleteBackup(this.r, server, uuid, opts);
  }

  async toggleBackupLock(server: string, uuid: string, opts?: CallOptions): Promise<Backup> {
    return backups.toggleBackupLock(this.r, server, uuid, opts);
  }

  async renameBackup(server: string, uuid: string, name: string, opts?: CallOptions): Promise<Backup> {
    return backups.renameBackup(this.r, server, uuid, name, opts);
  }

  async getBackupDownloadUrl(server: string, uuid: string, opts?: CallOptions): Promise<string> {
    const url = await backups.getBackupDownloadUrl(this.r, server, uuid, opts);
    this.requireTransport(url, 'link');
    return url;
  }

  async restoreBackup(server: string, uuid: string, options: RestoreBackupOptions, opts?: CallOptions): Promise<void> {
    return backups.restoreBackup(this.r, server, uuid, options, opts);
  }

  // ── schedules writes (issue 13) ──
  getSchedule(server: string, id: number, opts?: CallOptions): Promise<Schedule> {
    return schedules.getSchedule(this.r, server, id, opts);
  }

  createSchedule(server: string, input: schedules.ScheduleInput, opts?: CallOptions): Promise<Schedule> {
    return schedules.createSchedule(this.r, server, input, opts);
  }

  updateSchedule(server: string, id: number, input: schedules.ScheduleInput, opts?: CallOptions): Promise<Schedule> {
    return schedules.updateSchedule(this.r, server, id, input, opts);
  }

  deleteSchedule(server: string, id: number, opts?: CallOptions): Promise<void> {
    return schedules.deleteSchedule(this.r, server, id, opts);
  }

  executeSchedule(server: string, id: number, opts?: CallOptions): Promise<void> {
    return schedules.executeSchedule(this.r, server, id, opts);
  }

  createTask(server: string, scheduleId: number, input: schedules.TaskInput, opts?: CallOptions): Promise<ScheduleTask> {
    return schedules.createTask(this.r, server, scheduleId, input, opts);
  }

  updateTask(server: string, scheduleId: number, taskId: number, input: schedules.TaskInput, opts?: CallOptions): Promise<ScheduleTask> {
    return schedules.updateTask(this.r, server, scheduleId, taskId, input, opts);
  }

  deleteTask(server: string, scheduleId: number, taskId: number, opts?: CallOptions): Promise<void> {
    return schedules.deleteTask(this.r, server, scheduleId, taskId, opts);
  }

  // ── startup writes (issue 13) ──

  updateStartupVariable(server: string, key: string, value: string, opts?: CallOptions): Promise<StartupVariableUpdate> {
    return startup.updateStartupVariable(this.r, server, key, value, opts);
  }

  setDockerImage(server: string, image: string, opts?: CallOptions): Promise<void> {
    return startup.setDockerImage(this.r, server, image, opts);
  }

  renameServer(server: string, options: RenameOptions, opts?: CallOptions): Promise<DescriptionOutcome> {
    return startup.renameServer(this.r, server, options, opts);
  }

  reinstallServer(server: string, opts?: CallOptions): Promise<void> {
    return startup.reinstallServer(this.r, server, opts);
  }

  // ── databases writes (issue 13) ──

  async createDatabase(server: string, input: CreateDatabaseInput, opts?: CallOptions): Promise<Database> {
    return databases.createDatabase(this.r, server, input, opts);
  }

  async rotateDatabasePassword(server: string, id: string, opts?: CallOptions): Promise<Database> {
    return databases.rotateDatabasePassword(this.r, server, id, opts);
  }

  async deleteDatabase(server: string, id: string, opts?: CallOptions): Promise<void> {
    return databases.deleteDatabase(this.r, server, id, opts);
  }

  async getDatabasePassword(server: string, id: string, opts?: CallOptions): Promise<string> {
    return databases.getDatabasePassword(this.r, server, id, opts);
  }

  // ── network writes (issue 13) ──

  async createAllocation(server: string, opts?: CallOptions): Promise<Allocation> {
    return network.createAllocation(this.r, server, opts);
  }

  async setAllocationNotes(server: string, id: number, notes: string | null, opts?: CallOptions): Promise<Allocation> {
    return network.setAllocationNotes(this.r, server, id, notes, opts);
  }

  async setPrimaryAllocation(server: string, id: number, opts?: CallOptions): Promise<Allocation> {
    return network.setPrimaryAllocation(this.r, server, id, opts);
  }

  async deleteAllocation(server: string, id: number, opts?: CallOptions): Promise<void> {
    return network.deleteAllocation(this.r, server, id, opts);
  }

  // ── users writes (issue 13) ──
  async listPermissionGroups(opts?: CallOptions): Promise<PermissionGroup[]> {
    return users.listPermissionGroups(this.r, opts);
  }

  async createSubuser(server: string, email: string, permissions: readonly string[], opts?: CallOptions): Promise<Subuser> {
    return users.createSubuser(this.r, server, email, permissions, opts);
  }

  async updateSubuser(server: string, uuid: string, permissions: readonly string[], opts?: CallOptions): Promise<Subuser> {
    return users.updateSubuser(this.r, server, uuid, permissions, opts);
  }

  async deleteSubuser(server: string, uuid: string, opts?: CallOptions): Promise<void> {
    return users.deleteSubuser(this.r, server, uuid, opts);
  }

  // ── activity writes (issue 13) ──
  async queryActivity(server: string, query?: ActivityQuery, opts?: CallOptions): Promise<Page<ActivityEntry>> {
    return activity.queryActivity(this.r, server, query, opts);
  }
}
