/**
 * The channels of the Users tab: subusers, invite, permissions, remove (issue 13). The contract (../ipc-contract.ts) is the union of these
 * domain files; a channel is written here once, with its arguments and result.
 */
import type { ServerRef } from '../types';

/** A subuser of a server as the window shows it. */
export interface SubuserView {
  uuid: string;
  username: string;
  email: string;
  twoFactorEnabled: boolean;
  /** `group.key`, as the panel spells them. */
  permissions: string[];
  createdAt: string | null;
}

/** One permission a subuser can be given, with the panel's sentence about it where it sends one (Pterodactyl). */
export interface PermissionView {
  key: string;
  description: string | null;
}

/** The panel's grouping of the permissions (`control`, `file`, …). */
export interface PermissionGroupView {
  name: string;
  description: string | null;
  permissions: PermissionView[];
}

export interface UserChannels {
  'users:list': { args: [ServerRef]; result: SubuserView[] };
  /** Every permission the panel knows, grouped as it groups them (the same for every server of the account). */
  'users:permissions': { args: [ServerRef]; result: PermissionGroupView[] };
  /** Invites `email`; the panel adds websocket.connect and refuses what the key's user lacks. */
  'users:create': { args: [{ server: ServerRef; email: string; permissions: string[] }]; result: SubuserView };
  'users:update': { args: [{ server: ServerRef; uuid: string; permissions: string[] }]; result: SubuserView };
  'users:delete': { args: [{ server: ServerRef; uuid: string }]; result: void };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const USER_CHANNELS = [
  'users:list',
  'users:permissions',
  'users:create',
  'users:update',
  'users:delete',
] as const satisfies readonly (keyof UserChannels)[];
