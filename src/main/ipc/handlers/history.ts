/**
 * The history channels (src/shared/ipc/history.ts) as thin calls into the history store
 * (core/history/history-store.ts). Ranges are named, never times: main says what "now" is.
 */
import { calendarSpans, UPTIME_DAYS, UPTIME_WEEKS } from '../../../core/history/calendar';
import { RANGE_MS, type HistoryChannels, type StoredRange } from '../../../shared/ipc/history';
import type { ServerRef } from '../../../shared/types';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';
import { HandlerError } from '../to-ipc-error';

/** Points per chart: about one per two pixels of the widest card. */
export const CHART_POINTS = 720;

export function historyHandlers(ports: HandlerPorts): Pick<Handlers, keyof HistoryChannels> {
  // Read at each call, not here: the handler table is built before (and in tests without) the store.
  const store = (): HandlerPorts['history']['store'] => ports.history.store;
  return {
    'history:series': ({ server, range }) => {
      const now = ports.now();
      return store().series(server, now - RANGE_MS[range], now, CHART_POINTS);
    },
    'history:uptime': ({ server, per }) => store().uptimeIn(server, calendarSpans(ports.now(), per, per === 'day' ? UPTIME_DAYS : UPTIME_WEEKS)),
    'history:summaries': ({ servers }) => servers.map((server) => ({ server, ...store().summary(server) })),
    'history:export-csv': async ({ server, range }) => {
      const now = ports.now();
      // No dialog for a server no panel lists: the window exports only one it shows.
      const name = serverName(ports, server);
      if (name === null) throw new HandlerError('unknown-server', 'That server is not on any configured panel.');
      const fileName = csvFileName(name, range, now);
      const destination = await ports.dialogs.chooseSavePath(fileName);
      if (destination === null) return null;
      await ports.history.writeFile(destination, store().csv(server, now - RANGE_MS[range], now));
      return { fileName: baseName(destination) };
    },
  };
}

function serverName(ports: HandlerPorts, ref: ServerRef): string | null {
  return ports.monitor.servers().find((s) => s.accountId === ref.accountId && s.identifier === ref.identifier)?.name ?? null;
}

/** `Survival 1-24h-2026-03-04.csv`: the server, the range and the day, with nothing a file system refuses. */
export function csvFileName(name: string, range: StoredRange, nowMs: number): string {
  const words = name
    // eslint-disable-next-line no-control-regex -- control characters are among what a file name cannot hold
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !/^\.+$/.test(w));
  const safe = words.join(' ').slice(0, 80).trim() || 'server';
  return `${safe}-${range}-${new Date(nowMs).toISOString().slice(0, 10)}.csv`;
}

/** The name the person gave the file (what the page may show), never its folder. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
