/**
 * A server's databases as they stand after the routes changed them: the seeded ones of
 * extras.ts (drawn the same way on every request, so the read stays deterministic), less those
 * deleted, with any rotated password, plus those created through `POST /databases`. Kept beside
 * the server, not in it, so SimServer stays as the generator makes it.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { SimFlavor } from '../types';
import { databasesOf, type Item } from './extras';
import type { SimServer } from './servers';

/** One database with its password always known (the routes decide whether to show it). */
export interface SimDatabase {
  id: string | number;
  name: string;
  username: string;
  remote: string;
  password: string;
}

interface Book {
  created: SimDatabase[];
  deleted: Set<string>;
  passwords: Map<string, string>;
  nextId: number;
}

const books = new WeakMap<SimServer, Book>();

function bookOf(server: SimServer): Book {
  let book = books.get(server);
  if (!book) {
    // Pelican's ids are the table's integers: after the seeded ones (index * 10 + n), apart per server.
    book = { created: [], deleted: new Set(), passwords: new Map(), nextId: 10_000 + server.index * 100 };
    books.set(server, book);
  }
  return book;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomString(length: number): string {
  return Array.from({ length }, () => ALNUM[randomInt(ALNUM.length)]).join('');
}

/**
 * Utilities::randomStringWithSpecialCharacters(24) (both panels' app/Helpers/Utilities.php):
 * 24 letters and digits with 2 to 6 of `! @ = . + ^` put in at random places.
 */
export function databasePassword(): string {
  const chars = [...randomString(24)];
  const count = randomInt(2, 7);
  for (let i = 0; i < count; i++) chars[randomInt(24)] = ['!', '@', '=', '.', '+', '^'][randomInt(6)] as string;
  return chars.join('');
}

function fromSeed(entry: Item): SimDatabase {
  const a = entry.attributes;
  const password = (a.relationships as { password: { attributes: { password: string } } }).password.attributes.password;
  return { id: a.id as string | number, name: String(a.name), username: String(a.username), remote: String(a.connections_from), password };
}

/** The server's databases now, oldest first. */
export function currentDatabases(server: SimServer, flavor: SimFlavor): SimDatabase[] {
  const book = bookOf(server);
  const seeded = databasesOf(server, flavor, true)
    .map(fromSeed)
    .filter((d) => !book.deleted.has(String(d.id)));
  return [...seeded, ...book.created].map((d) => ({ ...d, password: book.passwords.get(String(d.id)) ?? d.password }));
}

/** The database `id` (as the route has it) of the server, or null. */
export function findDatabase(server: SimServer, flavor: SimFlavor, id: string): SimDatabase | null {
  return currentDatabases(server, flavor).find((d) => String(d.id) === id) ?? null;
}

/**
 * Records a new database: the name already prefixed (DeployServerDatabaseService), the user
 * `u{server_id}_` + 10 random characters (DatabaseManagementService::create). Pterodactyl's id
 * is a hashid of the row id; the sim draws an 8-character one.
 */
export function addDatabase(server: SimServer, flavor: SimFlavor, name: string, remote: string): SimDatabase {
  const book = bookOf(server);
  const id = flavor === 'pelican' ? book.nextId++ : randomBytes(6).toString('base64url').replaceAll(/[-_]/g, 'x').slice(0, 8);
  const database = { id, name, username: `u${server.internalId}_${randomString(10)}`, remote, password: databasePassword() };
  book.created.push(database);
  return database;
}

/** A new password for one database (DatabasePasswordService / rotatePassword). */
export function rotatePassword(server: SimServer, id: string): void {
  bookOf(server).passwords.set(id, databasePassword());
}

/** Drops one database (DatabaseManagementService::delete). */
export function removeDatabase(server: SimServer, id: string): void {
  const book = bookOf(server);
  book.created = book.created.filter((d) => String(d.id) !== id);
  book.deleted.add(id);
  book.passwords.delete(id);
}

/** A database as the client DatabaseTransformer writes it; the password relationship only when included. */
export function databaseItem(database: SimDatabase, include: 'none' | 'hidden' | 'shown'): Item {
  const attributes: Record<string, unknown> = {
    id: database.id,
    host: { address: '10.0.0.20', port: 3306 },
    name: database.name,
    username: database.username,
    connections_from: database.remote,
    max_connections: 0,
  };
  if (include === 'shown') attributes.relationships = { password: { object: 'database_password', attributes: { password: database.password } } };
  if (include === 'hidden') attributes.relationships = { password: { object: 'null_resource', attributes: null } };
  return { object: 'server_database', attributes };
}
