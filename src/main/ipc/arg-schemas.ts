/**
 * Run-time validation of every invoke channel's arguments (the renderer is untrusted input).
 * One schema per channel, checked at compile time against the contract's argument tuples.
 */
import { z } from 'zod';
import type { InvokeArgs, InvokeChannel } from '../../shared/ipc-contract';
import { isServerKey } from '../../shared/server-key';
import { isQuickOpenShortcut } from '../../shared/accelerator';
import { CONSOLE_SCROLLBACK_CHOICES } from '../../shared/types';
import { fileName, id, localPath, none, one, remotePath, serverRef } from './schemas/atoms';
import { activitySchemas } from './schemas/activity';
// ── incidents (issue 14) ──
import { incidentsSchemas } from './schemas/incidents';
import { backupsSchemas } from './schemas/backups';
import { databasesSchemas } from './schemas/databases';
import { networkSchemas } from './schemas/network';
import { schedulesSchemas } from './schemas/schedules';
import { startupSchemas } from './schemas/startup';
import { usersSchemas } from './schemas/users';
import { historySchemas } from './schemas/history';
// ── alerts (issue 14) ──
import { alertsSchemas } from './schemas/alerts';
// ── console (issue 15) ──
import { consoleViewSchemas } from './schemas/console-view';

const httpUrl = z.string().min(1).max(2048);
const apiKey = z.string().min(1).max(512);
const accountName = z.string().max(80);
const command = z
  .string()
  .min(1)
  .max(4096)
  .refine((c) => !/[\r\n]/.test(c), 'must be one line');
/** Editor content: the panel refuses anything above 4 MiB; leave room for multi-byte text. */
const content = z.string().max(16 * 1024 * 1024);
const mode = z.string().regex(/^[0-7]{3,4}$/, 'must be octal like 755');
const names = z.array(fileName).min(1).max(1000);

const ruleOverride = z.strictObject({
  onStateChange: z.boolean().optional(),
  onCrash: z.boolean().optional(),
  usage: z
    .strictObject({
      cpuPercent: z.number().min(1).max(100),
      memoryPercent: z.number().min(1).max(100),
      sustainedMs: z.number().int().min(10_000).max(86_400_000),
    })
    .nullable()
    .optional(),
});
const fullRule = ruleOverride.required();
const settingsPatch = z.strictObject({
  notifications: z
    .strictObject({
      global: fullRule,
      accounts: z.record(id, ruleOverride),
      // Any identifier shape the panel uses (8 hex, serv_ + base 32, a uuid): src/shared/server-key.ts.
      servers: z.record(z.string().refine(isServerKey, 'must be accountId/identifier'), ruleOverride),
      pausedUntil: z.number().nullable(),
      // ── notices (issue 15) ──
      confirmOwnActions: z.boolean(),
    })
    .optional(),
  monitor: z.strictObject({ budgetShare: z.number().min(0.05).max(0.5), pollIntervalS: z.number().int().min(20).max(3600) }).optional(),
  launchAtLogin: z.boolean().optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  // ── tray (issue 15) ──
  quickOpenShortcut: z.string().refine(isQuickOpenShortcut, 'must be modifiers and one key, such as CommandOrControl+Alt+P, or empty').optional(),
  // ── console (issue 15) ──
  consoleScrollback: z
    .number()
    .refine((n) => (CONSOLE_SCROLLBACK_CHOICES as readonly number[]).includes(n), 'must be one of the offered scrollback lengths')
    .optional(),
  // ── layout (issue 15) ──
  dashboard: z
    .strictObject({
      sort: z.strictObject({ key: z.enum(['name', 'state', 'cpu', 'memory', 'disk', 'node']), direction: z.enum(['asc', 'desc']) }),
      groupBy: z.enum(['panel', 'node', 'none']),
    })
    .optional(),
});

/** The argument schema of every channel. */
export const ARG_SCHEMAS: { [C in InvokeChannel]: z.ZodType<InvokeArgs<C>> } = {
  'accounts:list': none,
  'accounts:check': one(z.strictObject({ url: httpUrl, apiKey, allowPlainHttp: z.boolean().optional() })),
  'accounts:add': one(z.strictObject({ url: httpUrl, name: accountName, apiKey, sessionOnly: z.boolean().optional(), allowPlainHttp: z.boolean().optional() })),
  'accounts:rename': one(z.strictObject({ accountId: id, name: accountName })),
  'accounts:remove': one(z.strictObject({ accountId: id })),
  'accounts:use-demo': none,
  'servers:list': none,
  'servers:refresh': none,
  'servers:power': one(z.strictObject({ server: serverRef, signal: z.enum(['start', 'stop', 'restart', 'kill']) })),
  'servers:open-in-panel': one(serverRef),
  // A window of a 4K screen shows well under a thousand rows.
  'servers:attention': one(z.strictObject({ onScreen: z.array(serverRef).max(1000) })),
  'servers:favourite': one(z.strictObject({ server: serverRef, isFavourite: z.boolean() })),
  'servers:permissions': one(serverRef),
  'features:accept': one(z.strictObject({ server: serverRef, feature: z.enum(['eula']) })),
  'features:dismiss': one(z.strictObject({ server: serverRef, feature: z.enum(['eula']) })),
  'features:open-terms': one(z.strictObject({ feature: z.enum(['eula']) })),
  'stats:history': one(serverRef),
  'console:attach': one(serverRef),
  'console:detach': one(serverRef),
  'console:send': one(z.strictObject({ server: serverRef, command })),
  'console:history': one(serverRef),
  'files:list': one(z.strictObject({ server: serverRef, directory: remotePath })),
  'files:read': one(z.strictObject({ server: serverRef, path: remotePath })),
  'files:write': one(z.strictObject({ server: serverRef, path: remotePath, content })),
  'files:rename': one(z.strictObject({ server: serverRef, root: remotePath, from: fileName, to: remotePath })),
  'files:copy': one(z.strictObject({ server: serverRef, path: remotePath })),
  'files:delete': one(z.strictObject({ server: serverRef, root: remotePath, files: names })),
  'files:create-folder': one(z.strictObject({ server: serverRef, root: remotePath, name: fileName })),
  'files:compress': one(z.strictObject({ server: serverRef, root: remotePath, files: names })),
  'files:decompress': one(z.strictObject({ server: serverRef, path: remotePath })),
  'files:chmod': one(z.strictObject({ server: serverRef, path: remotePath, mode })),
  'files:download': one(z.strictObject({ server: serverRef, path: remotePath })),
  'files:upload': one(z.strictObject({ server: serverRef, directory: remotePath, localPaths: z.array(localPath).min(1).max(100) })),
  'files:pick-and-upload': one(z.strictObject({ server: serverRef, directory: remotePath })),
  'transfers:cancel': one(z.strictObject({ transferId: id })),
  'settings:get': none,
  'app:desktop': none,
  'settings:update': one(settingsPatch),
  'notifications:pause': one(
    z.strictObject({
      minutes: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60)
        .nullable(),
    }),
  ),
  'notifications:resume': none,
  'notifications:status': none,
  ...backupsSchemas,
  ...schedulesSchemas,
  ...startupSchemas,
  ...databasesSchemas,
  ...networkSchemas,
  ...usersSchemas,
  ...activitySchemas,
  // ── incidents (issue 14) ──
  ...incidentsSchemas,
  // ── history (issue 14) ──
  ...historySchemas,
  // ── alerts (issue 14) ──
  ...alertsSchemas,
  // ── console (issue 15) ──
  ...consoleViewSchemas,
};
