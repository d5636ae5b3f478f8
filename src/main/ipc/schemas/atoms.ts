/**
 * The argument shapes every channel's schema is built of (the renderer is untrusted input):
 * ids, server references, paths inside a server, names. Each tab's schemas (./<tab>.ts) use these.
 */
import { z } from 'zod';
import type { InvokeArgs, InvokeChannel } from '../../../shared/ipc-contract';
import { isServerIdentifier } from '../../../shared/server-identifier';

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');
// Whatever shape the panel uses (8 hex, serv_ + base 32, a uuid), bounded (src/shared/server-identifier.ts).
export const identifier = z.string().refine(isServerIdentifier, 'must be a server identifier: up to 64 letters, digits, "_" or "-"');
export const serverRef = z.strictObject({ accountId: id, identifier });

// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
export const CONTROL = /[\u0000-\u001f\u007f]/;
/** An absolute path inside a server: starts with `/`, no `..` segment, no control characters. */
export const remotePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/'), 'must start with /')
  .refine((p) => !p.split('/').includes('..'), 'must not contain ..')
  .refine((p) => !CONTROL.test(p), 'must not contain control characters');
/** One file or folder name: no slash, not `.` or `..`. */
export const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !n.includes('/') && n !== '.' && n !== '..', 'must be a single name')
  .refine((n) => !CONTROL.test(n), 'must not contain control characters');
export const localPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !CONTROL.test(p), 'must not contain control characters');

/** A channel without arguments, and one with a single argument object. */
export const none = z.tuple([]);
export const one = <T extends z.ZodType>(schema: T) => z.tuple([schema]);

/** The schemas of some channels, each checked against its argument tuple. */
export type ChannelSchemas<C extends InvokeChannel> = { [K in C]: z.ZodType<InvokeArgs<K>> };
