/** `files ls` and `files cat`: reading a server's files through the panel. */
import type { FileEntry } from '../../core/api/models';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { fileJson } from '../format/api-shapes';
import { printJson, printLines } from '../format/print';
import { formatTable } from '../format/table';
import { formatBytes } from '../format/units';
import { toRemotePath } from '../remote-path';
import { withServer } from '../resolve-server';

export const filesLsCommand: CommandDefinition = {
  path: 'files ls',
  usage: '<server> [dir]',
  summary: 'list a directory (default /)',
  options: ['json'],
  minArgs: 1,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', dir = '/'] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const entries = await client.listFiles(server.identifier, toRemotePath(dir), { signal: ctx.signal });
    if (ctx.options.json) {
      printJson(ctx.out.stdout, entries.map(fileJson));
      return EXIT_OK;
    }
    printLines(ctx.out.stdout, fileTable(entries));
    return EXIT_OK;
  },
};

function fileTable(entries: readonly FileEntry[]): string[] {
  return formatTable(
    [{ header: 'MODE' }, { header: 'SIZE', alignRight: true }, { header: 'MODIFIED' }, { header: 'NAME' }],
    entries.map((entry) => [
      entry.mode,
      entry.isFile ? formatBytes(entry.sizeBytes) : '-',
      entry.modifiedAt ?? '-',
      entry.isFile ? entry.name : `${entry.name}/`,
    ]),
  );
}

export const filesCatCommand: CommandDefinition = {
  path: 'files cat',
  usage: '<server> <path>',
  summary: "print a text file (up to the panel's 4 MiB edit limit; use get for more)",
  details: [
    "Prints the file's bytes as they are, nothing removed, so it can be piped or redirected",
    '(pterotray files cat lobby server.properties > server.properties). A file can hold escape',
    'sequences that drive a terminal (set its title or the clipboard): print one you do not',
    'trust into a pager (| less) or a file, not straight to the terminal.',
  ],
  options: [],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', path = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const content = await client.readFile(server.identifier, toRemotePath(path), { signal: ctx.signal });
    ctx.out.stdout.write(content);
    return EXIT_OK;
  },
};
