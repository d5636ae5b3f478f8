/** Argument schemas of the incident channels (src/shared/ipc/incidents.ts), built of ./atoms.ts. */
import { z } from 'zod';
import { INCIDENT_KIND_NAMES, type IncidentChannels } from '../../../shared/ipc/incidents';
import { CONTROL, id, one, serverRef, type ChannelSchemas } from './atoms';

/** Epoch ms within reason (year 2000 to 2200). */
const epochMs = z.number().int().min(946_684_800_000).max(7_258_118_400_000);

export const incidentsSchemas: ChannelSchemas<keyof IncidentChannels> = {
  'incidents:list': one(
    z.strictObject({
      server: serverRef.nullable(),
      accountId: id.nullable(),
      kinds: z.array(z.enum(INCIDENT_KIND_NAMES)).max(INCIDENT_KIND_NAMES.length),
      sinceMs: epochMs.nullable(),
      text: z
        .string()
        .max(200)
        .refine((t) => !CONTROL.test(t), 'must not contain control characters'),
      beforeMs: epochMs.nullable(),
    }),
  ),
  'incidents:get': one(
    z.strictObject({
      id: z
        .string()
        .min(1)
        .max(600)
        .refine((t) => !CONTROL.test(t), 'must not contain control characters'),
    }),
  ),
};
