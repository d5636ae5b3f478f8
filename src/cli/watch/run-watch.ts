/**
 * `pterotray watch` at work: one ServerMonitor for the CLI's one panel, its views turned into
 * lines by WatchLines, until the command's signal aborts. The monitor is disposed whatever ends
 * the watch, which closes every socket and timer.
 */
import { PanelError } from '../../core/api/errors';
import { ServerMonitor, type MonitorClient, type ServerMonitorOptions, type WingsSocketLike } from '../../core/monitor';
import { DEFAULT_SETTINGS } from '../../core/settings/schema';
import type { WingsSocketOptions } from '../../core/wings';
import type { AccountView } from '../../shared/types';
import type { CommandContext } from '../context';
import { accountNotice, eventJson, eventText, WatchLines } from './watch-lines';

/** The monitor's one account in the CLI. */
const ACCOUNT_ID = 'cli';

/** Statuses a person must act on (a new key, 2FA): the watch ends with the panel's reason. */
const BLOCKED: ReadonlySet<AccountView['status']> = new Set(['key-revoked', 'two-factor-required', 'keychain-locked']);

/** What the watch needs of the monitor; ServerMonitor has it, tests may pass their own. */
export type WatchMonitor = Pick<ServerMonitor, 'setAccounts' | 'start' | 'dispose' | 'on' | 'servers' | 'accounts'>;

/** How to build the monitor; the CLI's deps may swap the sockets (in-process tests). */
export function createWatchMonitor(client: MonitorClient, createSocket?: (o: WingsSocketOptions) => WingsSocketLike): WatchMonitor {
  const options: ServerMonitorOptions = {
    createClient: () => Promise.resolve(client),
    // The CLI disposes its client when the command ends; the monitor only borrows it.
    releaseClient: () => {},
    settings: () => ({ ...DEFAULT_SETTINGS.monitor, rules: DEFAULT_SETTINGS.notifications }),
  };
  if (createSocket !== undefined) options.createSocket = createSocket;
  return new ServerMonitor(options);
}

/** Runs until `ctx.signal` aborts (resolves) or the panel refuses the key (rejects with why). */
export async function runWatch(ctx: CommandContext, makeMonitor = createWatchMonitor): Promise<void> {
  const client = await ctx.client();
  if (ctx.signal.aborted) return;
  const monitor = makeMonitor(client, ctx.deps.createMonitorSocket);
  const { stdout, stderr } = ctx.out;
  const lines = new WatchLines();
  let status: AccountView['status'] | null = null;
  let hasAnnounced = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const onChanged = (): void => {
        const account = monitor.accounts()[0];
        if (account === undefined) return;
        const notice = accountNotice(status, account);
        status = account.status;
        if (notice !== null) stderr.line(notice);
        if (BLOCKED.has(account.status)) {
          reject(
            new PanelError({ kind: account.status === 'two-factor-required' ? 'two-factor-required' : 'auth', message: account.statusMessage ?? undefined }),
          );
          return;
        }
        const views = monitor.servers();
        if (!hasAnnounced && account.status === 'ok') {
          hasAnnounced = true;
          stderr.line(`[pterotray] watching ${views.length} servers over their websockets; Ctrl-C to stop`);
        }
        for (const event of lines.next(views, account.status === 'ok', ctx.deps.clock.now())) {
          stdout.line(ctx.options.json ? eventJson(event) : eventText(event));
        }
      };
      monitor.on('changed', onChanged);
      ctx.signal.addEventListener('abort', () => resolve(), { once: true });
      monitor.setAccounts([{ id: ACCOUNT_ID, name: 'panel', url: client.url, keyStorage: 'session' }]);
      monitor.start();
    });
  } finally {
    monitor.dispose();
  }
}
