/**
 * The Databases tab's writes (pterodactyl-api.md §4.4; both panels' routes/api-client.php
 * `/databases`, DatabaseController): create, rotate the password, delete, and one database's
 * password on request. A create or a rotate answers with the password included
 * (`parseIncludes(['password'])`, shown only with database.view_password); callers that did not
 * ask to see it drop it.
 */
import type { CallOptions, CreateDatabaseInput } from './client-types';
import { PanelError } from './errors';
import type { Database } from './models';
import { normalizeDatabase, parseList, unwrapItem } from './normalize';
import { serverPath } from './paths';
import type { PanelRequester } from './requester';
import { databaseNameProblem, databaseRemoteProblem } from '../../shared/database-rules';

function refuse(problem: string | null): void {
  if (problem !== null) throw new PanelError({ kind: 'validation', message: problem, detail: problem });
}

function decodeOne(body: unknown): Database {
  return normalizeDatabase(unwrapItem(body, 'server_database'));
}

/** A database id as a path segment: a hashid (Pterodactyl) or an integer (Pelican). */
function databasePath(server: string, id: string): string {
  if (!/^[A-Za-z0-9]+$/.test(id)) throw new PanelError({ kind: 'validation', message: 'That is not a database id.' });
  return serverPath(server, `databases/${id}`);
}

/** Creates a database; the panel limits this per server (route-limits.ts `database-create`). */
export function createDatabase(r: PanelRequester, server: string, input: CreateDatabaseInput, opts?: CallOptions): Promise<Database> {
  refuse(databaseNameProblem(input.database));
  refuse(databaseRemoteProblem(input.remote));
  const json = { database: input.database, remote: input.remote };
  return r.json({ method: 'POST', path: serverPath(server, 'databases'), json, opts }, decodeOne);
}

/** `POST /databases/{database}/rotate-password`: the database with its new password (when it may be seen). */
export function rotateDatabasePassword(r: PanelRequester, server: string, id: string, opts?: CallOptions): Promise<Database> {
  return r.json({ method: 'POST', path: `${databasePath(server, id)}/rotate-password`, opts }, decodeOne);
}

/** `DELETE /databases/{database}`: 204. */
export function deleteDatabase(r: PanelRequester, server: string, id: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'DELETE', path: databasePath(server, id), opts });
}

/**
 * One database's password. The panel has no route for one database, so this lists them with
 * `include=password` and keeps the one asked for; a key without database.view_password gets a
 * null relationship (DatabaseTransformer::includePassword), which is a `forbidden` here.
 */
export async function getDatabasePassword(r: PanelRequester, server: string, id: string, opts?: CallOptions): Promise<string> {
  const spec = { method: 'GET' as const, path: serverPath(server, 'databases'), params: { include: 'password' }, opts };
  const all = await r.json(spec, (b) => parseList(b, 'database', normalizeDatabase));
  const found = all.find((d) => d.id === id);
  if (!found) throw new PanelError({ kind: 'not-found', message: 'That database is no longer on this server.' });
  if (found.password === null) {
    throw new PanelError({
      kind: 'forbidden',
      message: 'The key may not see database passwords on this server (database.view_password).',
    });
  }
  return found.password;
}
