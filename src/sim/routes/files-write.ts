/**
 * Changing files (§3.3): rename/move, copy, write (raw text body), compress (200 file_object),
 * decompress, delete, create-folder, chmod (mode must be a string), pull.
 */
import { memoryContent } from '../files/content';
import { chmodFile, compressFiles, copyFile, createFolder, decompressFile, deleteFiles, renameFile } from '../files/ops';
import { baseName, joinPath } from '../files/paths';
import { fileObjectAttributes } from '../files/stat';
import { PanelHttpError, daemonError } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { item } from '../http/transform';
import { Validator } from '../http/validate';
import { relayTreeErrors } from './file-errors';

function treeOf(ctx: RouteContext) {
  return ctx.state.tree(serverOf(ctx));
}

function rootOf(validator: Validator): string {
  return validator.string('root', { nullable: true }) ?? '/';
}

function strings(values: unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string');
}

function rename(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const root = rootOf(validator);
  const files = validator.array('files');
  validator.done();
  const pairs = files.map((f) => f as { from?: unknown; to?: unknown });
  if (pairs.some((p) => typeof p?.from !== 'string' || typeof p?.to !== 'string')) {
    throw daemonError(400, 'Failed to parse request body');
  }
  const tree = treeOf(ctx);
  relayTreeErrors(() => pairs.forEach((p) => renameFile(tree, root, p.from as string, p.to as string)));
  sendNoContent(ctx);
}

function copy(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const location = validator.string('location');
  validator.done();
  const tree = treeOf(ctx);
  relayTreeErrors(() => copyFile(tree, location ?? '', ctx.state.clock.now()));
  sendNoContent(ctx);
}

/** The raw body is the content, whatever the Content-Type (send text/plain, §3.6). */
function write(ctx: RouteContext): void {
  const file = ctx.query.get('file');
  if (!file) throw new PanelHttpError(422, 'ValidationException', 'The file field is required.', { source_field: 'file', rule: 'required' });
  const tree = treeOf(ctx);
  relayTreeErrors(() => tree.writeFile(file, memoryContent(Buffer.from(ctx.rawBody))));
  sendNoContent(ctx);
}

function compress(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const root = rootOf(validator);
  const files = strings(validator.array('files'));
  validator.done();
  const tree = treeOf(ctx);
  const archive = relayTreeErrors(() => compressFiles(tree, ctx.state.clock, root, files));
  sendJson(ctx, 200, item('file_object', fileObjectAttributes(archive)));
}

function decompress(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const root = rootOf(validator);
  const file = validator.string('file');
  validator.done();
  const tree = treeOf(ctx);
  const ok = relayTreeErrors(() => decompressFile(tree, root, file ?? '', ctx.state.clock.now()));
  if (!ok) throw daemonError(400, 'The archive provided is in a format Wings does not understand.');
  sendNoContent(ctx);
}

function remove(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const root = rootOf(validator);
  const files = strings(validator.array('files'));
  validator.done();
  const tree = treeOf(ctx);
  relayTreeErrors(() => deleteFiles(tree, root, files));
  sendNoContent(ctx);
}

function createFolderRoute(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const root = rootOf(validator);
  const name = validator.string('name');
  validator.done();
  const tree = treeOf(ctx);
  relayTreeErrors(() => createFolder(tree, root, name ?? ''));
  sendNoContent(ctx);
}

/** Wings binds `mode` into a Go string: a JSON number fails there, and the panel relays a 400. */
function chmod(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const root = rootOf(validator);
  const files = validator.array('files');
  validator.done();
  const tree = treeOf(ctx);
  for (const entry of files) {
    const { file, mode } = (entry ?? {}) as { file?: unknown; mode?: unknown };
    if (typeof file !== 'string' || typeof mode !== 'string' || !/^[0-7]{1,4}$/.test(mode)) {
      throw daemonError(400, 'Failed to parse request body');
    }
  }
  relayTreeErrors(() => files.forEach((e) => chmodFile(tree, root, (e as { file: string }).file, (e as { mode: string }).mode)));
  sendNoContent(ctx);
}

/** Wings downloads in the background; the sim has no internet, so it leaves a placeholder file. */
function pull(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const url = validator.url('url');
  const directory = validator.string('directory', { nullable: true }) ?? '/';
  const filename = validator.string('filename', { nullable: true });
  validator.done();
  const name = filename ?? (baseName(new URL(url ?? 'http://x/download').pathname) || 'download');
  const path = joinPath(directory, name);
  if (path === null) throw daemonError(400, 'Cannot perform that action: file is outside of the server root.');
  const tree = treeOf(ctx);
  relayTreeErrors(() => tree.writeFile(path, memoryContent(`Pulled by the Pterotray sim from ${url}\n`)));
  sendNoContent(ctx);
}

/** The write routes. */
export const fileWriteRoutes: PanelRoute[] = ((): PanelRoute[] => {
  const base = '/api/client/servers/:server/files';
  const route = (method: string, path: string, permission: string, handler: PanelRoute['handler']): PanelRoute => ({
    method,
    path: `${base}/${path}`,
    wings: true,
    permission,
    handler,
  });
  return [
    route('PUT', 'rename', 'file.update', rename),
    route('POST', 'copy', 'file.create', copy),
    route('POST', 'write', 'file.create', write),
    route('POST', 'compress', 'file.archive', compress),
    route('POST', 'decompress', 'file.create', decompress),
    route('POST', 'delete', 'file.delete', remove),
    route('POST', 'create-folder', 'file.create', createFolderRoute),
    route('POST', 'chmod', 'file.update', chmod),
    // Pelican `ResourceLimit::FilePull`, 1.11 `throttle:10,5` (route-limits.ts).
    { ...route('POST', 'pull', 'file.create', pull), limit: 'filePull' },
  ];
})();
