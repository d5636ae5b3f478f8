/** Argument schemas of users channels (src/shared/ipc/users.ts), built of ./atoms.ts. */
import { z } from 'zod';
import type { UserChannels } from '../../../shared/ipc/users';
import { CONTROL, id, one, serverRef, type ChannelSchemas } from './atoms';

/** What the panel's `email|between:1,255` could take at most; the panel checks the form itself. */
const email = z
  .string()
  .min(3)
  .max(255)
  .refine((e) => e.includes('@') && !CONTROL.test(e), 'must be an email address');
/** `group.key` names; the panel has fewer than a hundred. */
const permissions = z
  .array(
    z
      .string()
      .max(64)
      .regex(/^[a-z0-9_-]+\.[a-z0-9_.-]+$/, 'must be a permission like control.console'),
  )
  .max(200);

export const usersSchemas: ChannelSchemas<keyof UserChannels> = {
  'users:list': one(serverRef),
  'users:permissions': one(serverRef),
  'users:create': one(z.strictObject({ server: serverRef, email, permissions })),
  'users:update': one(z.strictObject({ server: serverRef, uuid: id, permissions })),
  'users:delete': one(z.strictObject({ server: serverRef, uuid: id })),
};
