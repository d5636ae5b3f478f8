/**
 * The monitor, as the daemon's log tells it: each account's status changes, each server's state
 * changes (WatchLines, one per account, as identifiers are only unique within a panel), and the
 * monitor's events (crashes, suspensions, usage, nodes). Only subscribes and formats; the
 * disposer unsubscribes.
 */
import type { ServerMonitor } from '../../core/monitor';
import type { Disposer } from '../../core/util/deps';
import type { AccountView } from '../../shared/types';
import { WatchLines } from '../watch/watch-lines';
import { accountEntry, monitorEntry, serverEntry, type DaemonLogEntry } from './daemon-log';

/** What the lines need of the monitor. */
export type LinesMonitor = Pick<ServerMonitor, 'on' | 'accounts' | 'servers'>;

/** Calls `write` with one entry per change of `monitor`, until the disposer is called. */
export function followMonitor(monitor: LinesMonitor, now: () => number, write: (entry: DaemonLogEntry) => void): Disposer {
  const statuses = new Map<string, AccountView['status']>();
  const lines = new Map<string, WatchLines>();
  const nameOf = (id: string): string => monitor.accounts().find((a) => a.id === id)?.name ?? id;
  const onChanged = (): void => {
    const at = now();
    const servers = monitor.servers();
    const accounts = monitor.accounts();
    for (const account of accounts) {
      const entry = accountEntry(statuses.get(account.id) ?? null, account, at);
      statuses.set(account.id, account.status);
      if (entry !== null) write(entry);
      let watch = lines.get(account.id);
      if (watch === undefined) lines.set(account.id, (watch = new WatchLines()));
      const views = servers.filter((s) => s.accountId === account.id);
      for (const event of watch.next(views, account.status === 'ok', at)) write(serverEntry(account.name, event));
    }
    // An account removed by a reload starts afresh if it comes back.
    for (const id of [...lines.keys()]) {
      if (!accounts.some((a) => a.id === id)) {
        lines.delete(id);
        statuses.delete(id);
      }
    }
  };
  const offChanged = monitor.on('changed', onChanged);
  const offEvent = monitor.on('event', (event) => {
    const entry = monitorEntry(event, nameOf);
    if (entry !== null) write(entry);
  });
  return () => {
    offChanged();
    offEvent();
  };
}
