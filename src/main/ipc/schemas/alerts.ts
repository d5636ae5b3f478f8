/**
 * Argument schemas of the alerts channels (src/shared/ipc/alerts.ts), built of ./atoms.ts. The
 * shape is checked here; what a channel means (a kind's own fields, the secrets it needs) is
 * checked again by the core's parseChannelConfig and secretProblem, which word the refusal.
 */
import { z } from 'zod';
import { ALERT_INCIDENT_KINDS, CHANNEL_KINDS } from '../../../shared/alerts';
import type { AlertChannels } from '../../../shared/ipc/alerts';
import { isServerKey } from '../../../shared/server-key';
import { CONTROL, id, none, one, type ChannelSchemas } from './atoms';

const line = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');
const minute = z.number().int().min(0).max(1439);

const config = z.strictObject({
  id: id.optional(),
  kind: z.enum(CHANNEL_KINDS as [(typeof CHANNEL_KINDS)[number], ...(typeof CHANNEL_KINDS)[number][]]),
  name: line(80),
  isEnabled: z.boolean(),
  rules: z.strictObject({
    accounts: z.array(id).max(1000).nullable(),
    servers: z.array(z.string().refine(isServerKey, 'must be accountId/identifier')).max(1000).nullable(),
    kinds: z.array(z.enum(ALERT_INCIDENT_KINDS)).max(ALERT_INCIDENT_KINDS.length).nullable(),
    minSeverity: z.enum(['info', 'warning', 'critical']),
  }),
  quietHours: z.strictObject({ startMinute: minute, endMinute: minute, allowCritical: z.boolean() }).nullable(),
  ntfy: z.strictObject({ server: line(2048), auth: z.enum(['none', 'token', 'basic']), username: line(200).nullable() }).nullable(),
  webhook: z.strictObject({ isSigned: z.boolean() }).nullable(),
});

// Write-only: these go to the keychain and never come back.
const secret = z.strictObject({
  url: line(2048).min(1).optional(),
  topic: line(64).optional(),
  token: line(512).optional(),
  password: line(512).optional(),
  signingKey: line(512).optional(),
});

export const alertsSchemas: ChannelSchemas<keyof AlertChannels> = {
  'alerts:list': none,
  'alerts:save': one(z.strictObject({ config, secret: secret.optional() })),
  'alerts:remove': one(z.strictObject({ channelId: id })),
  'alerts:test': one(z.strictObject({ channelId: id })),
};
