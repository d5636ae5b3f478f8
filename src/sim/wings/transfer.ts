/**
 * Wings' signed transfer endpoints (§3.3, §5.6): `GET /download/file?token=` streams a file as an
 * attachment; `POST /upload/file?token=&directory=` takes multipart parts named `files`. Tokens
 * are single use (a reuse is a 404). Errors are Wings' `{"error": "…"}`.
 */
import { contentSize, openContent, releaseContent } from '../files/content';
import { baseName, joinPath } from '../files/paths';
import { TreeError } from '../files/tree';
import { WINGS_FILE_ERRORS } from '../routes/file-errors';
import type { SimState } from '../state/sim-state';
import type { HttpContext } from '../http/respond';
import { sendJson, sendStream, send } from '../http/respond';
import { MultipartError, boundaryOf, parseMultipart } from './multipart';
import type { TokenBook } from './tokens';
import { NULL_SINK, UploadStaging } from './upload-staging';

const NOT_FOUND = 'The requested resource was not found on this server.';

function wingsError(ctx: HttpContext, status: number, error: string): void {
  sendJson(ctx, status, { error, request_id: `sim-${Date.now().toString(16)}` });
}

function grantOr(ctx: HttpContext, tokens: TokenBook, kind: 'download' | 'upload') {
  const grant = tokens.consumeTransfer(ctx.url.searchParams.get('token') ?? '', kind);
  if (grant === 'invalid') wingsError(ctx, 403, 'You are not authorized to access this endpoint.');
  if (grant === 'used') wingsError(ctx, 404, NOT_FOUND);
  return typeof grant === 'string' ? null : grant;
}

/** Go's `strconv.Quote`-ish header value; UTF-8 bytes go out raw, as Wings sends them. */
function attachment(name: string): string {
  const quoted = `"${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return `attachment; filename=${Buffer.from(quoted, 'utf8').toString('latin1')}`;
}

/** `GET /download/file`. */
export async function handleDownload(ctx: HttpContext, state: SimState, tokens: TokenBook): Promise<void> {
  const grant = grantOr(ctx, tokens, 'download');
  if (!grant) return;
  const server = state.find(grant.serverUuid);
  const node = server ? state.tree(server).get(grant.filePath ?? '') : null;
  if (!node || node.kind !== 'file') return wingsError(ctx, 404, NOT_FOUND);
  const headers = { 'Content-Type': 'application/octet-stream', 'Content-Disposition': attachment(node.name) };
  await sendStream(ctx, 200, headers, openContent(node.content), contentSize(node.content));
}

/** `POST /upload/file`. */
export async function handleUpload(ctx: HttpContext, state: SimState, tokens: TokenBook): Promise<void> {
  const grant = grantOr(ctx, tokens, 'upload');
  if (!grant) return;
  const server = state.find(grant.serverUuid);
  const boundary = boundaryOf(ctx.req.headers['content-type']);
  if (!server || !boundary) return wingsError(ctx, 400, 'Failed to get multipart form data from request.');
  const directory = joinPath('/', ctx.url.searchParams.get('directory') ?? '/');
  if (directory === null) return wingsError(ctx, 400, WINGS_FILE_ERRORS['outside-root'].message);
  const staging = new UploadStaging({ blobs: state.blobs, spillBytes: state.options.uploadSpillBytes, limitBytes: state.options.uploadLimitBytes });
  try {
    await parseMultipart(ctx.req, boundary, (part) =>
      part.name === 'files' && part.filename ? staging.fileSink(baseName(part.filename) || part.filename) : NULL_SINK,
    );
  } catch (error) {
    await staging.discardAll();
    if (error instanceof MultipartError) return wingsError(ctx, 400, 'Failed to get multipart form data from request.');
    throw error;
  }
  if (staging.tooLarge !== null) {
    await staging.discardAll();
    const limitMb = Math.floor(state.options.uploadLimitBytes / (1024 * 1024));
    return wingsError(ctx, 400, `File ${staging.tooLarge} is larger than the maximum file upload size of ${limitMb} MB.`);
  }
  if (staging.files.length === 0) return wingsError(ctx, 400, 'No files were found on the request body.');
  commit(ctx, state, server, directory, staging);
}

function commit(ctx: HttpContext, state: SimState, server: NonNullable<ReturnType<SimState['find']>>, directory: string, staging: UploadStaging): void {
  const tree = state.tree(server);
  for (const [index, file] of staging.files.entries()) {
    const path = joinPath(directory, file.filename);
    try {
      if (path === null) throw new TreeError('outside-root', file.filename);
      tree.writeFile(path, file.content);
    } catch (error) {
      for (const rest of staging.files.slice(index)) releaseContent(rest.content, state.blobs);
      const known = error instanceof TreeError ? WINGS_FILE_ERRORS[error.kind] : { status: 500, message: 'An unexpected error was encountered.' };
      return wingsError(ctx, known.status, known.message);
    }
  }
  send(ctx, 200, {});
}
