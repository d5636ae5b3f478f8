/** Reading files (§3.3): list, contents (4 MiB editor limit), signed download and upload URLs. */
import { contentSize, readContent } from '../files/content';
import { fileObjectAttributes } from '../files/stat';
import { PanelHttpError } from '../http/errors';
import { send, sendJson } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { item, list } from '../http/transform';
import type { TokenBook } from '../wings/tokens';
import { rawUrlDecode, relayTreeErrors } from './file-errors';

/** `PTERODACTYL_FILES_MAX_EDIT_SIZE`'s default. */
export const MAX_EDIT_BYTES = 4 * 1024 * 1024;

function listFiles(ctx: RouteContext): void {
  const tree = ctx.state.tree(serverOf(ctx));
  const directory = ctx.query.get('directory') ?? '/';
  const nodes = relayTreeErrors(() => tree.list(directory));
  sendJson(ctx, 200, list(nodes.map((node) => item('file_object', fileObjectAttributes(node)))));
}

function contents(ctx: RouteContext): void {
  const tree = ctx.state.tree(serverOf(ctx));
  const node = relayTreeErrors(() => tree.file(ctx.query.get('file') ?? ''));
  if (contentSize(node.content) > MAX_EDIT_BYTES) {
    throw new PanelHttpError(400, 'FileSizeTooLargeException', 'The file you are attempting to open is too large to view in the file editor.');
  }
  // Pelican converts to UTF-8 and says so (§9); Pterodactyl sends bare text/plain.
  const type = ctx.state.options.flavor === 'pelican' ? 'text/plain; charset=utf-8' : 'text/plain';
  send(ctx, 200, { 'Content-Type': type }, readContent(node.content));
}

function signedUrl(ctx: RouteContext, url: string): void {
  sendJson(ctx, 200, item('signed_url', { url }));
}

/** The read routes; signing needs the token book shared with Wings. */
export function fileReadRoutes(tokens: TokenBook): PanelRoute[] {
  const base = '/api/client/servers/:server/files';
  return [
    { method: 'GET', path: `${base}/list`, wings: true, permission: 'file.read', handler: listFiles },
    { method: 'GET', path: `${base}/contents`, wings: true, permission: 'file.read-content', handler: contents },
    {
      method: 'GET',
      path: `${base}/download`,
      permission: 'file.read-content',
      // The panel only signs; Wings checks the file when the URL is used. `file` is decoded once more.
      handler: (ctx) => {
        const token = tokens.download(serverOf(ctx), rawUrlDecode(ctx.query.get('file') ?? ''));
        signedUrl(ctx, `${ctx.state.wingsUrl}/download/file?token=${token}`);
      },
    },
    {
      method: 'GET',
      path: `${base}/upload`,
      permission: 'file.create',
      handler: (ctx) => signedUrl(ctx, `${ctx.state.wingsUrl}/upload/file?token=${tokens.upload(serverOf(ctx))}`),
    },
  ];
}
