/** Every command, in the order `--help` lists them. */
import type { CommandDefinition } from '../command';
import { accountCommand } from './account';
import { activityCommand } from './activity';
import { BACKUP_COMMANDS } from './backups';
import { consoleCommand } from './console';
import { daemonCommand } from './daemon';
import { databasesLsCommand } from './databases';
import { filesCatCommand, filesLsCommand } from './files-read';
import { filesGetCommand, filesPutCommand } from './files-transfer';
import { filesMkdirCommand, filesMvCommand, filesRmCommand, filesWriteCommand } from './files-write';
import { powerCommand } from './power';
import { schedulesExportCommand, schedulesImportCommand, schedulesLsCommand, schedulesRunCommand } from './schedules';
import { serversCommand } from './servers';
import { simCommand } from './sim';
import { startupCommand } from './startup';
import { statusCommand } from './status';
import { watchCommand } from './watch';
// ── incidents (issue 14) ──
import { incidentsCommand } from './incidents';
import { historyCommand } from './history';

export const COMMANDS: readonly CommandDefinition[] = [
  accountCommand,
  serversCommand,
  statusCommand,
  powerCommand,
  filesLsCommand,
  filesGetCommand,
  filesPutCommand,
  filesCatCommand,
  filesWriteCommand,
  filesRmCommand,
  filesMvCommand,
  filesMkdirCommand,
  // ── backups (issue 13) ──
  ...BACKUP_COMMANDS,
  // ── schedules (issue 13) ──
  schedulesLsCommand,
  schedulesRunCommand,
  schedulesExportCommand,
  schedulesImportCommand,
  // ── startup (issue 13) ──
  startupCommand,
  databasesLsCommand,
  // ── databases (issue 13) ──
  activityCommand,
  // ── activity (issue 13) ──
  // ── incidents (issue 14) ──
  incidentsCommand,
  // ── history (issue 14) ──
  historyCommand,
  consoleCommand,
  watchCommand,
  // ── daemon (issue 14) ──
  daemonCommand,
  simCommand,
];
