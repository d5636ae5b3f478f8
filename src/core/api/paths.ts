/** Builds request paths; the server id is one encoded segment, so it can never change the route. */
import { PanelError } from './errors';

/** `/servers/<encoded id>/<rest>`; rejects an empty or non-string id before any request is sent. */
export function serverPath(server: string, rest = ''): string {
  // `.` and `..` survive encoding and URL parsing would resolve them into another route.
  if (typeof server !== 'string' || server.trim() === '' || server === '.' || server === '..') {
    throw new PanelError({ kind: 'validation', message: 'A server identifier is required.' });
  }
  const base = `/servers/${encodeURIComponent(server)}`;
  return rest === '' ? base : `${base}/${rest}`;
}
