/**
 * The channels of the Databases tab: list, create, rotate, reveal, copy a URL, delete (issue 13).
 * The contract (../ipc-contract.ts) is the union of these domain files; a channel is written here
 * once, with its arguments and result.
 *
 * A database password crosses IPC in one reply only: `databases:reveal`, which the person asked
 * for with a press in the window (gesture-contract.ts). Every other reply, rotate's and create's
 * included, carries none; the URLs with a password are built and copied in main.
 */
import type { ServerRef } from '../types';

/** One database as the window shows it: never its password. */
export interface DatabaseView {
  /** A hashid (Pterodactyl) or an integer as text (Pelican). */
  id: string;
  /** As the panel named it, `s{server id}_…`. */
  name: string;
  username: string;
  host: string;
  port: number;
  /** Where connections may come from (`%`: anywhere). */
  connectionsFrom: string;
  /** 0: no limit. */
  maxConnections: number;
}

/** The page: the databases and the server's limit (null: none set; 0: none allowed). */
export interface DatabasesPage {
  databases: DatabaseView[];
  databaseLimit: number | null;
}

export interface DatabaseRef {
  server: ServerRef;
  id: string;
}

/** `jdbc:mysql://host:port/db` or `mysql://user:password@host:port/db`. */
export type DatabaseUrlKind = 'jdbc' | 'mysql';

export interface DatabaseChannels {
  'databases:list': { args: [ServerRef]; result: DatabasesPage };
  /** The name without the `s{id}_` the panel adds; remote `%` for anywhere. */
  'databases:create': { args: [{ server: ServerRef; database: string; remote: string }]; result: DatabaseView };
  /** A new password; the reply has none (reveal again to see it). */
  'databases:rotate': { args: [DatabaseRef]; result: DatabaseView };
  /** The one reply with a password: right after the person's press of Reveal. */
  'databases:reveal': { args: [DatabaseRef]; result: { password: string } };
  /** Main fetches what the URL needs and writes the clipboard; the reply says only what was copied. */
  'databases:copy-url': { args: [DatabaseRef & { kind: DatabaseUrlKind }]; result: { copied: DatabaseUrlKind } };
  'databases:delete': { args: [DatabaseRef]; result: void };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const DATABASE_CHANNELS = [
  'databases:list',
  'databases:create',
  'databases:rotate',
  'databases:reveal',
  'databases:copy-url',
  'databases:delete',
] as const satisfies readonly (keyof DatabaseChannels)[];
