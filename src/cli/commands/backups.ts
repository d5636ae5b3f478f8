/**
 * `backups ls|create|download|restore|rm`: a server's backups for scripts. `create --wait` polls
 * the panel's record of the backup (GET backups/{uuid}) rather than opening the websocket: Wings
 * updates that record before it sends `backup completed` (wings server/backup.go: notify the
 * panel, then publish), so the record is as early and says the same; polling spends no websocket
 * token (5 a minute per server, shared with the app's monitor), survives a socket that drops
 * during an hour-long backup, and works for a key that may read backups but not receive their
 * websocket events (`backup.read` vs the token's permissions).
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PanelError } from '../../core/api/errors';
import type { Backup } from '../../core/api/models';
import { verifyFile } from '../../core/backups';
import { UsageError } from '../args';
import type { CommandDefinition } from '../command';
import { confirm } from '../confirm';
import type { CommandContext } from '../context';
import { EXIT_FAILURE, EXIT_OK } from '../failure';
import { printJson, printList } from '../format/print';
import { formatTable } from '../format/table';
import { formatBytes } from '../format/units';
import { createProgress } from '../progress';
import { withServer } from '../resolve-server';

/** One backup as the panel names its fields. */
export function backupJson(b: Backup): Record<string, unknown> {
  return {
    uuid: b.uuid,
    name: b.name,
    is_successful: b.isSuccessful,
    is_locked: b.isLocked,
    is_scheduled: b.isScheduled,
    ignored_files: b.ignoredFiles,
    checksum: b.checksum,
    bytes: b.bytes,
    created_at: b.createdAt,
    completed_at: b.completedAt,
  };
}

/** pending, failed, locked, scheduled: what a person checks first. */
function stateOf(b: Backup): string {
  const words = [b.completedAt === null ? 'pending' : b.isSuccessful ? 'ok' : 'failed'];
  if (b.isLocked) words.push('locked');
  if (b.isScheduled === true) words.push('scheduled');
  return words.join(',');
}

function backupTable(backups: readonly Backup[]): string[] {
  return formatTable(
    [{ header: 'UUID' }, { header: 'NAME' }, { header: 'STATE' }, { header: 'SIZE', alignRight: true }, { header: 'CREATED' }, { header: 'CHECKSUM' }],
    backups.map((b) => [b.uuid, b.name, stateOf(b), b.completedAt === null ? '-' : formatBytes(b.bytes), b.createdAt ?? '-', b.checksum ?? '-']),
  );
}

export const backupsLsCommand: CommandDefinition = {
  path: 'backups ls',
  usage: '<server>',
  summary: "list a server's backups (size, state, checksum)",
  details: ['Tells on stderr how many count against the server’s backup limit (failed ones do not).'],
  options: ['json'],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [query = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const { backups, backupCount } = await client.listBackupsWithCount(server.identifier, { signal: ctx.signal });
    printList(ctx.out, backups, { json: ctx.options.json, toJson: backupJson, table: backupTable, empty: `${server.name} has no backups.` });
    const limit = server.featureLimits.backups;
    if (!ctx.options.json && limit !== null) ctx.out.stderr.line(`${backupCount ?? backups.length} of ${limit} backups used.`);
    return EXIT_OK;
  },
};

/** Polls the backup until Wings reported it; 1 s, then slower up to 5 s between reads. */
async function waitForBackup(ctx: CommandContext, server: string, uuid: string): Promise<Backup> {
  const client = await ctx.client();
  let delayMs = 1000;
  for (;;) {
    const backup = await client.getBackup(server, uuid, { signal: ctx.signal, priority: 'background' });
    if (backup.completedAt !== null) return backup;
    await new Promise<void>((done, fail) => {
      const onAbort = (): void => {
        ctx.deps.clock.clearTimeout(timer);
        fail(new PanelError({ kind: 'cancelled' }));
      };
      const timer = ctx.deps.clock.setTimeout(() => {
        ctx.signal.removeEventListener('abort', onAbort);
        done();
      }, delayMs);
      if (ctx.signal.aborted) onAbort();
      else ctx.signal.addEventListener('abort', onAbort, { once: true });
    });
    delayMs = Math.min(5000, Math.round(delayMs * 1.5));
  }
}

export const backupsCreateCommand: CommandDefinition = {
  path: 'backups create',
  usage: '<server>',
  summary: 'start a backup (--wait: until it completed or failed)',
  details: [
    'The panel allows 2 backups per 10 minutes per server and refuses more than the server’s backup limit; either refusal says when or why.',
    'With --wait it prints the uuid and checksum once done, and exits 1 if the backup failed.',
  ],
  options: ['json', 'name', 'ignore', 'locked', 'wait'],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [query = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const options = {
      name: ctx.options.name,
      ignored: ctx.options.ignore.length > 0 ? ctx.options.ignore.join('\n') : undefined,
      isLocked: ctx.options.locked,
    };
    let backup = await client.createBackup(server.identifier, options, { signal: ctx.signal });
    if (ctx.options.wait) {
      ctx.out.stderr.line(`Backing up ${server.name} (${backup.name})…`);
      backup = await waitForBackup(ctx, server.identifier, backup.uuid);
    }
    if (ctx.options.json) printJson(ctx.out.stdout, backupJson(backup));
    else if (!ctx.options.wait) ctx.out.stdout.line(backup.uuid);
    else if (backup.isSuccessful) ctx.out.stdout.line(`${backup.uuid} ${backup.checksum ?? '-'}`);
    if (ctx.options.wait && !backup.isSuccessful) {
      ctx.out.stderr.line(
        `pterotray: the backup ${backup.uuid} failed on the node. Check the node's free space and the server's ignored files, then try again.`,
      );
      return EXIT_FAILURE;
    }
    if (!ctx.options.wait) ctx.out.stderr.line(`Started backup "${backup.name}"; 'pterotray backups ls ${query}' shows when it completes.`);
    return EXIT_OK;
  },
};

async function localDestination(cwd: string, output: string | undefined, fileName: string): Promise<string> {
  if (output === undefined || output === '') return resolve(cwd, fileName);
  if (output === '-') throw new UsageError('-o - (stdout) is not supported for backups: name a file', 'backups download');
  const target = resolve(cwd, output);
  const info = await stat(target).catch(() => null);
  return info?.isDirectory() === true ? join(target, fileName) : target;
}

export const backupsDownloadCommand: CommandDefinition = {
  path: 'backups download',
  usage: '<server> <uuid>',
  summary: 'download a backup and check it against the panel’s checksum',
  details: [
    'Saves <uuid>.tar.gz here unless -o names a file or a directory. Prints the file’s sha256; exits 1 if it does not match the checksum the panel lists.',
  ],
  options: ['output'],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', uuid = ''] = ctx.args;
    const destinationPath = await localDestination(ctx.deps.cwd, ctx.options.output, `${uuid}.tar.gz`);
    const { client, server } = await withServer(ctx, query);
    const backup = await client.getBackup(server.identifier, uuid, { signal: ctx.signal });
    if (backup.completedAt === null || !backup.isSuccessful) {
      throw new PanelError({
        kind: 'conflict',
        message: `The backup "${backup.name}" ${backup.completedAt === null ? 'has not completed yet' : 'failed'}: there is nothing to download.`,
      });
    }
    const url = await client.getBackupDownloadUrl(server.identifier, uuid, { signal: ctx.signal });
    const progress = createProgress(ctx.out.stderr, backup.name, ctx.deps.clock);
    let bytes: number;
    try {
      ({ bytes } = await ctx.deps.downloadToFile({ url, destinationPath, signal: ctx.signal, onProgress: (done, total) => progress.update(done, total) }));
    } finally {
      progress.done();
    }
    const verdict = await verifyFile(destinationPath, backup.checksum, ctx.signal);
    ctx.out.stdout.line(`${verdict.sha256}  ${destinationPath}`);
    if (verdict.outcome === 'mismatch') {
      ctx.out.stderr.line(
        `pterotray: ${destinationPath} does not match the panel's ${verdict.algorithm} checksum (got ${verdict.actualHex}); the file is kept for inspection. Download it again.`,
      );
      return EXIT_FAILURE;
    }
    const check = verdict.outcome === 'match' ? `${verdict.algorithm} matches the panel's checksum` : 'the panel lists no checksum to compare';
    ctx.out.stderr.line(`Saved ${destinationPath} (${formatBytes(bytes)}); ${check}.`);
    return EXIT_OK;
  },
};

export const backupsRestoreCommand: CommandDefinition = {
  path: 'backups restore',
  usage: '<server> <uuid>',
  summary: 'restore a backup onto the server (asks first; --yes to skip)',
  details: ['The server is stopped and its files overwritten; with --truncate every file is deleted first. Without a terminal, --yes is required.'],
  options: ['truncate', 'yes'],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', uuid = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const backup = await client.getBackup(server.identifier, uuid, { signal: ctx.signal });
    const what = ctx.options.truncate ? 'every file on it is deleted first' : 'files in the backup overwrite the ones there';
    if (!(await confirm(ctx, `Restore "${backup.name}" onto ${server.name}? It is stopped and ${what}.`))) {
      ctx.out.stderr.line('Not restored.');
      return EXIT_FAILURE;
    }
    await client.restoreBackup(server.identifier, uuid, { truncate: ctx.options.truncate }, { signal: ctx.signal });
    ctx.out.stderr.line(`Restoring "${backup.name}" onto ${server.name}; the server is busy until the node finishes.`);
    return EXIT_OK;
  },
};

export const backupsRmCommand: CommandDefinition = {
  path: 'backups rm',
  usage: '<server> <uuid>',
  summary: 'delete a backup (asks first; --yes to skip; locked ones are refused)',
  options: ['yes'],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', uuid = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const backup = await client.getBackup(server.identifier, uuid, { signal: ctx.signal });
    // The panel would refuse it (DeleteBackupService: a locked, completed backup); say so before asking.
    if (backup.isLocked && backup.isSuccessful && backup.completedAt !== null) {
      throw new PanelError({
        kind: 'validation',
        code: 'BackupLockedException',
        message: `The backup "${backup.name}" is locked: unlock it first (the app's Backups tab, or the panel)`,
      });
    }
    if (!(await confirm(ctx, `Delete the backup "${backup.name}" of ${server.name}? This cannot be undone.`))) {
      ctx.out.stderr.line('Not deleted.');
      return EXIT_FAILURE;
    }
    await client.deleteBackup(server.identifier, uuid, { signal: ctx.signal });
    ctx.out.stderr.line(`Deleted the backup "${backup.name}".`);
    return EXIT_OK;
  },
};

/** Every backups command, in the order help lists them. */
export const BACKUP_COMMANDS: readonly CommandDefinition[] = [
  backupsLsCommand,
  backupsCreateCommand,
  backupsDownloadCommand,
  backupsRestoreCommand,
  backupsRmCommand,
];
