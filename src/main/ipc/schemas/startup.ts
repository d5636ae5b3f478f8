/** Argument schemas of startup channels (src/shared/ipc/startup.ts), built of ./atoms.ts. */
import { z } from 'zod';
import type { StartupChannels } from '../../../shared/ipc/startup';
import { CONTROL, type ChannelSchemas, one, serverRef } from './atoms';

/** An egg variable's env name (the panel's `env_variable`: `alpha_dash`, up to 191). */
const envKey = z
  .string()
  .min(1)
  .max(191)
  .regex(/^[A-Za-z0-9_]+$/, 'must be a variable name');
/** A value as typed: the panel's `text` column; no control characters but tabs. */
const variableValue = z
  .string()
  .max(65_535)
  .refine((v) => !CONTROL.test(v.replaceAll('\t', '')), 'must not contain control characters');
/** An image reference (SetDockerImageRequest: `max:191`); main checks it is one of the egg's. */
const image = z
  .string()
  .min(1)
  .max(191)
  .refine((v) => !CONTROL.test(v), 'must not contain control characters');
/** Server::getRules() name: Pelican's 255 is the larger of the two. */
const serverName = z
  .string()
  .min(1)
  .max(255)
  .refine((v) => !CONTROL.test(v), 'must not contain control characters');
const description = z
  .string()
  .max(65_535)
  .refine((v) => !CONTROL.test(v.replaceAll('\n', '').replaceAll('\t', '')), 'must not contain control characters');

export const startupSchemas: ChannelSchemas<keyof StartupChannels> = {
  'startup:get': one(serverRef),
  'startup:set-variable': one(z.strictObject({ server: serverRef, key: envKey, value: variableValue })),
  'startup:set-image': one(z.strictObject({ server: serverRef, image })),
  'server-settings:get': one(serverRef),
  'server-settings:rename': one(z.strictObject({ server: serverRef, name: serverName, description: description.optional() })),
  'server-settings:reinstall': one(serverRef),
  'server-settings:copy-sftp': one(z.strictObject({ server: serverRef, field: z.enum(['address', 'username', 'url']) })),
  'server-settings:open-sftp': one(serverRef),
};
