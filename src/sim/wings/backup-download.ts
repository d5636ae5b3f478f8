/**
 * Wings' `GET /download/backup?token=` (wings router/router_download.go `getDownloadBackup`): the
 * archive as an attachment named `<uuid>.tar.gz`, its Content-Length set. An unknown server or a
 * reused token is a 404 ("The requested resource was not found on this server."), a missing
 * archive "The requested backup was not found on this server."; a bad token 403.
 */
import { Readable } from 'node:stream';
import type { HttpContext } from '../http/respond';
import { sendJson, sendStream } from '../http/respond';
import { archiveOf } from '../state/backup-ledger';
import type { SimState } from '../state/sim-state';
import type { TokenBook } from './tokens';

function wingsError(ctx: HttpContext, status: number, error: string): void {
  sendJson(ctx, status, { error, request_id: `sim-${Date.now().toString(16)}` });
}

/** Streams the archive in 64 KiB chunks, so a client sees its progress. */
function chunked(archive: Buffer): Readable {
  const size = 64 * 1024;
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= archive.length) return void this.push(null);
      this.push(archive.subarray(offset, offset + size));
      offset += size;
    },
  });
}

/** `GET /download/backup`. */
export async function handleBackupDownload(ctx: HttpContext, state: SimState, tokens: TokenBook): Promise<void> {
  const grant = tokens.consumeBackupDownload(ctx.url.searchParams.get('token') ?? '');
  if (grant === 'invalid') return wingsError(ctx, 403, 'You are not authorized to access this endpoint.');
  const server = grant === 'used' ? undefined : state.find(grant.serverUuid);
  if (grant === 'used' || !server) return wingsError(ctx, 404, 'The requested resource was not found on this server.');
  const archive = archiveOf(server, grant.backupUuid);
  if (!archive) return wingsError(ctx, 404, 'The requested backup was not found on this server.');
  const headers = { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${grant.backupUuid}.tar.gz"` };
  await sendStream(ctx, 200, headers, chunked(archive), archive.length);
}
