/** `files write`, `rm`, `mv` and `mkdir`: changing a server's files through the panel. */
import type { Readable } from 'node:stream';
import { posix } from 'node:path';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { groupByDirectory, relativeToRoot, splitRemotePath, toRemotePath } from '../remote-path';
import { withServer } from '../resolve-server';

export const filesWriteCommand: CommandDefinition = {
  path: 'files write',
  usage: '<server> <path>',
  summary: 'write stdin to a file (created or replaced)',
  details: ['Example: echo "eula=true" | pterotray files write lobby eula.txt'],
  options: [],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', path = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const content = await readAll(ctx.deps.stdin, ctx.signal);
    await client.writeFile(server.identifier, toRemotePath(path), content, { signal: ctx.signal });
    ctx.out.stderr.line(`Wrote ${Buffer.byteLength(content)} bytes to ${toRemotePath(path)}.`);
    return EXIT_OK;
  },
};

/** Reads a stream to its end as UTF-8; rejects when `signal` aborts first (Ctrl-C at a prompt). */
export function readAll(stream: Readable, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer | string): void => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    };
    const cleanup = (): void => {
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      signal.removeEventListener('abort', onAbort);
      stream.pause();
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onAbort = (): void => {
      cleanup();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    stream.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

export const filesRmCommand: CommandDefinition = {
  path: 'files rm',
  usage: '<server> <path...>',
  summary: 'delete files or folders (folders with everything in them)',
  options: [],
  minArgs: 2,
  maxArgs: Infinity,
  async run(ctx) {
    const [query = '', ...paths] = ctx.args;
    const groups = groupByDirectory(paths, ctx.command);
    const { client, server } = await withServer(ctx, query);
    for (const [root, names] of groups) {
      await client.deleteFiles(server.identifier, root, names, { signal: ctx.signal });
    }
    ctx.out.stderr.line(`Deleted ${paths.length} ${paths.length === 1 ? 'entry' : 'entries'}.`);
    return EXIT_OK;
  },
};

export const filesMvCommand: CommandDefinition = {
  path: 'files mv',
  usage: '<server> <from> <to>',
  summary: 'rename or move a file or folder (a <to> ending in / keeps the name)',
  options: [],
  minArgs: 3,
  maxArgs: 3,
  async run(ctx) {
    const [query = '', from = '', rawTo = ''] = ctx.args;
    const { name } = splitRemotePath(from, ctx.command);
    const to = rawTo.endsWith('/') ? posix.join(rawTo, name) : rawTo;
    splitRemotePath(to, ctx.command);
    const { client, server } = await withServer(ctx, query);
    const entry = { from: relativeToRoot(from), to: relativeToRoot(to) };
    await client.renameFiles(server.identifier, '/', [entry], { signal: ctx.signal });
    ctx.out.stderr.line(`Moved ${toRemotePath(from)} to ${toRemotePath(to)}.`);
    return EXIT_OK;
  },
};

export const filesMkdirCommand: CommandDefinition = {
  path: 'files mkdir',
  usage: '<server> <path>',
  summary: 'create a folder',
  options: [],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', path = ''] = ctx.args;
    const { directory, name } = splitRemotePath(path, ctx.command);
    const { client, server } = await withServer(ctx, query);
    await client.createFolder(server.identifier, directory, name, { signal: ctx.signal });
    ctx.out.stderr.line(`Created ${posix.join(directory, name)}.`);
    return EXIT_OK;
  },
};
