/** `files get` and `files put`: streamed transfers through the node's single-use signed URLs. */
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../args';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { formatBytes } from '../format/units';
import { createProgress } from '../progress';
import { splitRemotePath, toRemotePath } from '../remote-path';
import { withServer } from '../resolve-server';

export const filesGetCommand: CommandDefinition = {
  path: 'files get',
  usage: '<server> <path>',
  summary: 'download a file (streamed, any size)',
  details: ["Saves under the file's own name in this directory unless -o names a file or a directory."],
  options: ['output'],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', path = ''] = ctx.args;
    const { name } = splitRemotePath(path, ctx.command);
    if (ctx.options.output === '-') {
      throw new UsageError("-o - (stdout) is not supported: use 'files cat' for text, or a file name", ctx.command);
    }
    const destinationPath = await localDestination(ctx.deps.cwd, ctx.options.output, name);
    const { client, server } = await withServer(ctx, query);
    const url = await client.getDownloadUrl(server.identifier, toRemotePath(path), { signal: ctx.signal });
    const progress = createProgress(ctx.out.stderr, name, ctx.deps.clock);
    let bytes: number;
    try {
      ({ bytes } = await ctx.deps.downloadToFile({
        url,
        destinationPath,
        signal: ctx.signal,
        onProgress: (transferred, total) => progress.update(transferred, total),
      }));
    } finally {
      progress.done();
    }
    ctx.out.stderr.line(`Saved ${destinationPath} (${formatBytes(bytes)}).`);
    return EXIT_OK;
  },
};

/** `-o` as given (a directory gets the remote name appended), or the remote name in `cwd`. */
async function localDestination(cwd: string, output: string | undefined, remoteName: string): Promise<string> {
  if (output === undefined || output === '') return resolve(cwd, remoteName);
  const target = resolve(cwd, output);
  const info = await stat(target).catch(() => null);
  return info?.isDirectory() === true ? join(target, remoteName) : target;
}

export const filesPutCommand: CommandDefinition = {
  path: 'files put',
  usage: '<server> <local-file> [dir]',
  summary: 'upload a local file into a directory (default /)',
  options: [],
  minArgs: 2,
  maxArgs: 3,
  async run(ctx) {
    const [query = '', localFile = '', dir = '/'] = ctx.args;
    const filePath = resolve(ctx.deps.cwd, localFile);
    const info = await stat(filePath).catch(() => null);
    if (info === null || !info.isFile()) throw new UsageError(`'${localFile}' is not a readable local file`, ctx.command);
    const { client, server } = await withServer(ctx, query);
    const url = await client.getUploadUrl(server.identifier, { signal: ctx.signal });
    const fileName = basename(filePath);
    const progress = createProgress(ctx.out.stderr, fileName, ctx.deps.clock);
    try {
      await ctx.deps.uploadFromFile({
        url,
        directory: toRemotePath(dir),
        filePath,
        fileName,
        signal: ctx.signal,
        onProgress: (transferred, total) => progress.update(transferred, total),
      });
    } finally {
      progress.done();
    }
    ctx.out.stderr.line(`Uploaded ${fileName} (${formatBytes(info.size)}) to ${toRemotePath(dir)}.`);
    return EXIT_OK;
  },
};
