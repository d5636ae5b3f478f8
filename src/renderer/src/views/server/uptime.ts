/** The uptime to show for a server: from the newest of its polled resources and its live stats. */
import type { ServerView, StatsSample } from '../../../../shared/types';

/** Milliseconds up, or null when the server is offline or nothing is known yet. */
export function currentUptimeMs(server: Pick<ServerView, 'state' | 'resources'>, latest: StatsSample | null): number | null {
  if (server.state === 'offline') return null;
  const polled = server.resources;
  if (latest && (!polled || latest.at >= polled.at)) return latest.uptimeMs;
  return polled ? polled.uptimeMs : null;
}
