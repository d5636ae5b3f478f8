/**
 * `pterotray daemon` at work: the app's ServerMonitor for every configured panel, without
 * Electron, the keeper (history, and the incidents and alerts as they land) recording it into the
 * store, and one log line per event, until SIGTERM or SIGINT.
 *
 * SIGHUP reads the config again. A config that does not load (a typo, a key file others can
 * read, a variable unset) changes nothing: the old one keeps running and the log says why.
 * Stopping disposes the keeper (the buffered history is written), the monitor (every socket and
 * timer) and closes the store, then the command returns and the CLI exits 0.
 */
import { dirname } from 'node:path';
import { DEFAULT_SETTINGS } from '../../core/settings/schema';
import { appPause } from './app-pause';
import { ServerMonitor, type MonitorAccount, type ServerMonitorOptions } from '../../core/monitor';
import { startKeeper, type Keeper } from '../../core/keeper/keeper';
import { KeytarSecretStore } from '../../core/secrets';
import { openStore, type Database } from '../../core/store/database';
import { STORE_MODULES } from '../../core/store/modules';
import { claimWriter, holderText, type WriterLock } from '../../core/store/writer-lock';
import type { Disposer } from '../../core/util/deps';
import type { CommandContext } from '../context';
import { DaemonConfigError } from './config-schema';
import { loadDaemonConfig, type DaemonAccount, type DaemonConfig, type LoadOptions } from './config-load';
import { followMonitor } from './daemon-lines';
import { formatJson, formatText, type DaemonLogEntry, type LogLevel } from './daemon-log';

/** What a running daemon holds; everything is released by `stop`. */
interface Running {
  config: DaemonConfig;
  monitor: ServerMonitor;
  db: Database;
  keeper: Keeper;
  stopLines: Disposer;
  /** The monitor's clients read their key from here, so a reload that changes a key replaces it. */
  keys: Map<string, DaemonAccount>;
  lock: WriterLock;
}

/** Runs until `ctx.signal` aborts. Throws DaemonConfigError when the first config does not load. */
export async function runDaemon(ctx: CommandContext, load: LoadOptions): Promise<void> {
  const log = logWriter(ctx);
  // Listening from the start: SIGHUP's default would end the process while the keychain is asked.
  let running: Running | null = null;
  let isReloadAsked = false;
  let reloading: Promise<void> = Promise.resolve();
  const askReload = (): void => {
    const target = running;
    if (target === null) isReloadAsked = true;
    else reloading = reloading.then(() => reload(ctx, target, load, log)).catch((error: unknown) => log('error', 'reload-failed', String(error)));
  };
  const stopHangup = ctx.deps.onHangup?.(askReload);
  try {
    const config = await loadDaemonConfig(load);
    if (ctx.signal.aborted) return;
    running = start(ctx, config, log);
    if (isReloadAsked) askReload();
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve();
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    log('info', 'stopping', 'writing the history and closing the connections');
    stopHangup?.();
    await reloading;
  } finally {
    stopHangup?.();
    if (running !== null) stop(running);
  }
  log('info', 'stopped', 'stopped cleanly');
}

type Log = (level: LogLevel, event: string, message: string, fields?: Record<string, unknown>) => void;

function logWriter(ctx: CommandContext): Log & { entry(entry: DaemonLogEntry): void } {
  const write = (entry: DaemonLogEntry): void => ctx.out.stdout.line(ctx.options.json ? formatJson(entry) : formatText(entry));
  const log = (level: LogLevel, event: string, message: string, fields?: Record<string, unknown>): void => {
    const entry: DaemonLogEntry = { atMs: ctx.deps.clock.now(), level, event, message };
    if (fields !== undefined) entry.fields = fields;
    write(entry);
  };
  return Object.assign(log, { entry: write });
}

function start(ctx: CommandContext, config: DaemonConfig, log: ReturnType<typeof logWriter>): Running {
  redact(ctx, config);
  // One writer per history file (writer-lock.ts): two would record every sample and send every alert twice.
  const claim = claimWriter(config.storePath, { kind: 'daemon' });
  if (!claim.ok) {
    throw new DaemonConfigError(config.source, [
      `store: ${holderText(claim.holder)} already records into ${config.storePath}: stop it, or give this daemon its own "store" in a config file`,
    ]);
  }
  const opened = openStore(config.storePath, STORE_MODULES, { logger: ctx.logger });
  if (opened.setAside !== null) log('warn', 'store-set-aside', `${opened.setAside.message} (moved to ${opened.setAside.movedTo})`);
  const keys = new Map(config.accounts.map((a) => [a.id, a]));
  const options: ServerMonitorOptions = {
    createClient: (account) => {
      const found = keys.get(account.id);
      if (found === undefined) return Promise.reject(new Error(`no key for '${account.name}'`));
      return Promise.resolve(ctx.deps.createClient({ url: found.url, apiKey: found.apiKey, allowPlainHttp: found.allowPlainHttp }, ctx.logger));
    },
    settings: () => ({ ...DEFAULT_SETTINGS.monitor, rules: DEFAULT_SETTINGS.notifications }),
    logger: ctx.logger,
    clock: ctx.deps.clock,
  };
  if (ctx.deps.createMonitorSocket !== undefined) options.createSocket = ctx.deps.createMonitorSocket;
  const monitor = new ServerMonitor(options);
  const keeper = startKeeper({
    ...keeperOptions(monitor, opened.db, ctx, config),
    // A channel that keeps failing is one line, and one more when it delivers again.
    onChannelHealth: (channel, status) =>
      status.health === 'failing'
        ? log('error', 'alert-channel-failing', `alerts to ${channel.name} are failing: ${status.lastError ?? 'no answer'}; they stay queued and are retried`, {
            channel: channel.name,
            pending: status.pending,
          })
        : log('info', 'alert-channel-ok', `alerts to ${channel.name} are delivered again`, { channel: channel.name, pending: status.pending }),
  });
  const stopLines = followMonitor(monitor, () => ctx.deps.clock.now(), log.entry);
  const running: Running = { config, monitor, db: opened.db, keeper, stopLines, keys, lock: claim.lock };
  for (const warning of config.warnings) log('warn', 'config', warning);
  monitor.setAccounts(config.accounts.map(monitorAccount));
  monitor.start();
  log('info', 'started', `watching ${describeAccounts(config.accounts)} from ${config.source}; history in ${config.storePath}`, {
    accounts: config.accounts.map((a) => a.name),
    store: config.storePath,
    channels: config.channels?.map((c) => c.name) ?? null,
  });
  return running;
}

function keeperOptions(monitor: ServerMonitor, db: Database, ctx: CommandContext, config: DaemonConfig): Parameters<typeof startKeeper>[0] {
  const names = new Map(config.accounts.map((a) => [a.id, a.name]));
  return {
    monitor,
    db,
    clock: ctx.deps.clock,
    logger: ctx.logger,
    accountName: (id) => names.get(id) ?? id,
    // A config file's channels, their secrets read from the environment or 0600 files; without
    // one, the app's own channels (saved in the store, their secrets in the keychain).
    alerts: config.channels !== null ? { from: 'config', channels: config.channels } : { from: 'store', secrets: new KeytarSecretStore() },
    // With the app's channels, the app's pause too (Settings, or the tray's "Pause notifications").
    ...(config.channels === null ? { isPaused: appPause(dirname(config.storePath), () => ctx.deps.clock.now()) } : {}),
  };
}

function stop(running: Running): void {
  running.stopLines();
  running.keeper.dispose(); // Before the monitor goes: its last states are written as seen.
  running.monitor.dispose();
  running.db.close();
  running.lock.release();
}

/** Reads the config again; applies it only if it loads whole. */
async function reload(ctx: CommandContext, running: Running, load: LoadOptions, log: Log): Promise<void> {
  let next: DaemonConfig;
  try {
    next = await loadDaemonConfig(load);
  } catch (error) {
    const problems = error instanceof DaemonConfigError ? error.problems : [error instanceof Error ? error.message : String(error)];
    log('error', 'reload-failed', `the new config was not used; still running the one loaded before: ${problems.join('; ')}`, { problems });
    return;
  }
  if (ctx.signal.aborted) return;
  redact(ctx, next);
  const before = running.config;
  const { keys } = running;
  const changed = new Set(
    next.accounts
      .filter((a) =>
        isChanged(
          before.accounts.find((b) => b.id === a.id),
          a,
        ),
      )
      .map((a) => a.id),
  );
  keys.clear();
  for (const account of next.accounts) keys.set(account.id, account);
  // A panel whose key or address changed is dropped and watched anew, so its client reads the new key.
  if (changed.size > 0)
    running.monitor.setAccounts(before.accounts.filter((a) => !changed.has(a.id) && next.accounts.some((n) => n.id === a.id)).map(monitorAccount));
  running.monitor.setAccounts(next.accounts.map(monitorAccount));
  running.config = { ...next, storePath: before.storePath };
  for (const warning of next.warnings) log('warn', 'config', warning);
  if (next.storePath !== before.storePath)
    log('warn', 'config', `the history stays in ${before.storePath} until the daemon restarts (the new config names ${next.storePath})`);
  running.keeper.setChannels(next.channels);
  log('info', 'reloaded', `${next.source}: watching ${describeAccounts(next.accounts)}${diffText(before.accounts, next.accounts, changed)}`, {
    accounts: next.accounts.map((a) => a.name),
  });
}

function isChanged(before: DaemonAccount | undefined, after: DaemonAccount): boolean {
  return before !== undefined && (before.url !== after.url || before.apiKey !== after.apiKey || before.allowPlainHttp !== after.allowPlainHttp);
}

function diffText(before: readonly DaemonAccount[], after: readonly DaemonAccount[], changed: ReadonlySet<string>): string {
  const added = after.filter((a) => !before.some((b) => b.id === a.id)).map((a) => a.name);
  const removed = before.filter((b) => !after.some((a) => a.id === b.id)).map((b) => b.name);
  const renewed = after.filter((a) => changed.has(a.id)).map((a) => a.name);
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.join(', ')}` : '',
    renewed.length > 0 ? `reconnected ${renewed.join(', ')} (new key or address)` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? ' (no panel changed)' : ` (${parts.join('; ')})`;
}

function describeAccounts(accounts: readonly DaemonAccount[]): string {
  return `${accounts.length} panel${accounts.length === 1 ? '' : 's'} (${accounts.map((a) => a.name).join(', ')})`;
}

function monitorAccount(account: DaemonAccount): MonitorAccount {
  return { id: account.id, name: account.name, url: account.url, keyStorage: 'session', allowsPlainHttp: account.allowPlainHttp };
}

/** Every secret the config read is kept out of every line, whatever prints it. */
function redact(ctx: CommandContext, config: DaemonConfig): void {
  for (const account of config.accounts) ctx.out.redactor.addApiKey(account.apiKey);
  for (const channel of config.channels ?? []) {
    for (const secret of [channel.url, channel.secret, channel.token, channel.password]) if (secret !== undefined) ctx.out.redactor.add(secret);
  }
}
