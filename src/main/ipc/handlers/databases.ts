/**
 * The databases channels (src/shared/ipc/databases.ts) as thin calls into the panel client and
 * main's services. A password leaves main in `databases:reveal` only, and only right after the
 * person's press in the window; the URLs that carry one are built here and written to the
 * clipboard here, so the page never holds them.
 */
import type { Database } from '../../../core/api/models';
import type { DatabaseChannels, DatabaseUrlKind, DatabaseView } from '../../../shared/ipc/databases';
import type { ServerRef } from '../../../shared/types';
import type { Handlers } from '../register-handlers';
import { HandlerError } from '../to-ipc-error';
import type { HandlerPorts } from './ports';

/** The window's view: everything but the password. */
export function databaseView(d: Database): DatabaseView {
  return {
    id: d.id,
    name: d.name,
    username: d.username,
    host: d.host.address,
    port: d.host.port,
    connectionsFrom: d.connectionsFrom,
    maxConnections: d.maxConnections,
  };
}

/** `jdbc:mysql://host:port/db` (no credentials), or `mysql://user:password@host:port/db`. */
export function databaseUrl(kind: DatabaseUrlKind, d: Database, password: string | null): string {
  const where = `${d.host.address}:${d.host.port}/${encodeURIComponent(d.name)}`;
  if (kind === 'jdbc') return `jdbc:mysql://${where}`;
  return `mysql://${encodeURIComponent(d.username)}:${encodeURIComponent(password ?? '')}@${where}`;
}

function withoutGesture(what: string): HandlerError {
  return new HandlerError('cancelled', `Press ${what} in the window to do this: a database password is only shown or copied at the person’s own press.`);
}

export function databasesHandlers(ports: HandlerPorts): Pick<Handlers, keyof DatabaseChannels> {
  const client = (ref: ServerRef) => ports.client(ref.accountId);
  const find = async (ref: ServerRef, id: string, includePasswords: boolean): Promise<Database> => {
    const all = await (await client(ref)).listDatabases(ref.identifier, { includePasswords }, { priority: 'user' });
    const found = all.find((d) => d.id === id);
    if (!found) throw new HandlerError('not-found', 'That database is no longer on this server.');
    return found;
  };
  return {
    'databases:list': async (ref) => {
      const c = await client(ref);
      const [databases, details] = await Promise.all([
        c.listDatabases(ref.identifier, {}, { priority: 'user' }),
        c.getServer(ref.identifier, { priority: 'user' }),
      ]);
      return { databases: databases.map(databaseView), databaseLimit: details.featureLimits.databases };
    },
    // The panel answers with the password (parseIncludes): dropped here, never sent on.
    'databases:create': async ({ server, database, remote }) =>
      databaseView(await (await client(server)).createDatabase(server.identifier, { database, remote })),
    'databases:rotate': async ({ server, id }) => databaseView(await (await client(server)).rotateDatabasePassword(server.identifier, id)),
    // The account is looked up first (no request), so one that does not exist says so.
    'databases:reveal': async ({ server, id }) => {
      const c = await client(server);
      if (!ports.consumeActivation()) throw withoutGesture('Reveal');
      return { password: await c.getDatabasePassword(server.identifier, id, { priority: 'user' }) };
    },
    'databases:copy-url': async ({ server, id, kind }) => {
      await client(server);
      if (!ports.consumeActivation()) throw withoutGesture('Copy');
      const found = await find(server, id, kind === 'mysql');
      if (kind === 'mysql' && found.password === null) {
        throw new HandlerError('forbidden', 'The key may not see database passwords on this server (database.view_password).');
      }
      await ports.copyText(databaseUrl(kind, found, found.password));
      return { copied: kind };
    },
    'databases:delete': async ({ server, id }) => (await client(server)).deleteDatabase(server.identifier, id),
  };
}
