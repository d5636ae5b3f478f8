/**
 * Where Pterodactyl's and Pelican's client transformers differ for the same resource, the one
 * place that shapes it. Pelican's shapes are those its frozen snapshots show
 * (test/fixtures/pelican-contract; pelican-dev/panel `app/Transformers/Api/Client/*.php`).
 */
import type { Item } from './item';
import type { SimFlavor } from '../types';
import { SEED_EPOCH_MS, atom } from '../util/time';

/** A user as the sim keeps one, before either panel's transformer. */
export interface SimUser {
  uuid: string;
  username: string;
  email: string;
  createdAtMs: number;
}

/** The key's own user (`GET /account`, the actor of the activity logs). */
export const SIM_ACCOUNT_USER: SimUser = {
  uuid: '00000000-0000-4000-8000-000000000001',
  username: 'demo',
  email: 'demo@pterotray.test',
  createdAtMs: SEED_EPOCH_MS,
};

/**
 * The client `UserTransformer`: Pterodactyl's `uuid, username, email, image, 2fa_enabled,
 * created_at`; Pelican's adds `language`, `admin` (deprecated), `root_admin` and `updated_at`.
 */
export function userAttributes(flavor: SimFlavor, user: SimUser): Record<string, unknown> {
  const image = 'https://gravatar.com/avatar/0?s=160';
  const created = atom(user.createdAtMs);
  if (flavor !== 'pelican') return { uuid: user.uuid, username: user.username, email: user.email, image, '2fa_enabled': false, created_at: created };
  return {
    uuid: user.uuid,
    username: user.username,
    email: user.email,
    language: 'en',
    image,
    admin: false,
    root_admin: false,
    '2fa_enabled': false,
    created_at: created,
    updated_at: created,
  };
}

/** `BackupTransformer`: Pelican adds `is_scheduled` after `is_locked` (the sim's are never scheduled). */
export function backupView(flavor: SimFlavor, backup: Item): Item {
  if (flavor !== 'pelican') return backup;
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(backup.attributes)) {
    attributes[key] = value;
    if (key === 'is_locked') attributes.is_scheduled = false;
  }
  return { object: backup.object, attributes };
}

/**
 * `ActivityLogTransformer`: Pelican has no `batch`; with `include=actor` both add the actor as a
 * `user` relationship (every seeded entry is the key's own user's).
 */
export function activityView(flavor: SimFlavor, entry: Item, withActor: boolean): Item {
  const attributes: Record<string, unknown> = { ...entry.attributes };
  if (flavor === 'pelican') delete attributes.batch;
  if (withActor) attributes.relationships = { actor: { object: 'user', attributes: userAttributes(flavor, SIM_ACCOUNT_USER) } };
  return { object: entry.object, attributes };
}
