/**
 * The subusers of a server as the writes leave them. Seeded from `subusersOf` (extras.ts) the
 * first time a server's users are read or written, then kept per server, so an invite shows up
 * in the next `GET users` and a removal is gone from it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SimFlavor } from '../types';
import { subusersOf } from './extras';
import { SIM_ACCOUNT_USER, userAttributes } from './flavor-shapes';
import type { Item } from './item';
import { allPermissions } from './permissions';
import type { SimServer } from './servers';

const BOOKS = new WeakMap<SimServer, Item[]>();

/** The email of whoever owns a server: the key's user, or (when the key's user is a subuser there) someone else. */
export function ownerEmailOf(server: SimServer): string {
  return server.permissions === null ? SIM_ACCOUNT_USER.email : 'owner@pterotray.test';
}

/** The server's `server_subuser` items, live (the array itself: the writes change it). */
export function subuserBook(server: SimServer, flavor: SimFlavor): Item[] {
  let book = BOOKS.get(server);
  if (!book) BOOKS.set(server, (book = subusersOf(server, flavor)));
  return book;
}

/**
 * What the panel stores for requested `permissions`: the keys it knows, plus websocket.connect,
 * unique (Pterodactyl `SubuserController::getDefaultPermissions`; Pelican
 * `getCleanedPermissions`, which also sorts them in `SubuserCreationService`/`SubuserUpdateService`).
 */
export function cleanedPermissions(flavor: SimFlavor, requested: readonly string[]): string[] {
  const known = new Set(allPermissions(flavor));
  const kept = [...new Set([...requested.filter((p) => known.has(p)), 'websocket.connect'])];
  return flavor === 'pelican' ? kept.sort() : kept;
}

/**
 * A new subuser for `email`. Pterodactyl names a new user after the email's local part plus three
 * random characters (`SubuserCreationService::handle`); Pelican's `UserCreationService` does much
 * the same when only an email is given.
 */
export function newSubuser(flavor: SimFlavor, email: string, permissions: string[], nowMs: number): Item {
  const local = (email.split('@')[0] ?? '').replaceAll(/[^\w.-]+/g, '').slice(0, 64);
  const uuidHex = createHash('sha1').update(email).update(randomBytes(8)).digest('hex');
  const uuid = `${uuidHex.slice(0, 8)}-${uuidHex.slice(8, 12)}-4${uuidHex.slice(13, 16)}-a${uuidHex.slice(17, 20)}-${uuidHex.slice(20, 32)}`;
  const user = { uuid, username: `${local}${randomBytes(2).toString('hex').slice(0, 3)}`, email, createdAtMs: nowMs };
  return { object: 'server_subuser', attributes: { ...userAttributes(flavor, user), permissions } };
}
