/**
 * The file-manager calls (pterodactyl-api.md §3.3). Paths go in query values through axios
 * `params`, so `#`, `%`, `?`, `&`, `+`, spaces and unicode reach the panel exactly.
 */
import type { CallOptions, ChmodEntry, PullOptions, RenameEntry } from './client-types';
import { PanelError } from './errors';
import type { FileEntry } from './models';
import { normalizeFileEntry, normalizeFileList, normalizeSignedUrl } from './normalize';
import type { PanelRequester } from './requester';
import { serverPath } from './paths';

/** Compress and decompress may take the panel up to 15 minutes (it waits on Wings). */
export const ARCHIVE_TIMEOUT_MS = 15 * 60 * 1000;

/** `GET files/list?directory=`. */
export function listFiles(r: PanelRequester, server: string, directory: string, opts?: CallOptions): Promise<FileEntry[]> {
  const path = serverPath(server, 'files/list');
  return r.json({ method: 'GET', path, params: { directory }, opts }, normalizeFileList);
}

/** `GET files/contents?file=` as raw text. */
export function readFile(r: PanelRequester, server: string, file: string, opts?: CallOptions): Promise<string> {
  return r.text({ method: 'GET', path: serverPath(server, 'files/contents'), params: { file }, opts });
}

/** `POST files/write?file=` with the content as a text/plain body (never JSON: §3.6). */
export function writeFile(r: PanelRequester, server: string, file: string, content: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'POST', path: serverPath(server, 'files/write'), params: { file }, text: content, opts });
}

/** `PUT files/rename`. */
export function renameFiles(r: PanelRequester, server: string, root: string, files: RenameEntry[], opts?: CallOptions): Promise<void> {
  const json = { root, files: files.map(({ from, to }) => ({ from, to })) };
  return r.none({ method: 'PUT', path: serverPath(server, 'files/rename'), json, opts });
}

/** `POST files/copy` (Wings names the copy). */
export function copyFile(r: PanelRequester, server: string, location: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'POST', path: serverPath(server, 'files/copy'), json: { location }, opts });
}

/** `POST files/delete`. */
export function deleteFiles(r: PanelRequester, server: string, root: string, files: string[], opts?: CallOptions): Promise<void> {
  return r.none({ method: 'POST', path: serverPath(server, 'files/delete'), json: { root, files }, opts });
}

/** `POST files/create-folder`. */
export function createFolder(r: PanelRequester, server: string, root: string, name: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'POST', path: serverPath(server, 'files/create-folder'), json: { root, name }, opts });
}

/** `POST files/compress`: answers 200 with the new archive's entry. */
export function compressFiles(r: PanelRequester, server: string, root: string, files: string[], opts?: CallOptions): Promise<FileEntry> {
  const path = serverPath(server, 'files/compress');
  const spec = { method: 'POST' as const, path, json: { root, files }, defaultTimeoutMs: ARCHIVE_TIMEOUT_MS, opts };
  return r.json(spec, normalizeFileEntry);
}

/** `POST files/decompress`. */
export function decompressFile(r: PanelRequester, server: string, root: string, file: string, opts?: CallOptions): Promise<void> {
  const path = serverPath(server, 'files/decompress');
  return r.none({ method: 'POST', path, json: { root, file }, defaultTimeoutMs: ARCHIVE_TIMEOUT_MS, opts });
}

/** `POST files/chmod` with each mode as an octal string: Wings rejects a JSON number. */
export async function chmodFiles(r: PanelRequester, server: string, root: string, files: ChmodEntry[], opts?: CallOptions): Promise<void> {
  const entries = files.map(({ file, mode }) => {
    const text = String(mode);
    if (!/^[0-7]{3,4}$/.test(text)) throw new PanelError({ kind: 'validation', message: `"${text}" is not an octal file mode like 755.` });
    return { file, mode: text };
  });
  await r.none({ method: 'POST', path: serverPath(server, 'files/chmod'), json: { root, files: entries }, opts });
}

/** `POST files/pull`: Wings downloads `url` into `directory`. */
export function pullFile(r: PanelRequester, server: string, options: PullOptions, opts?: CallOptions): Promise<void> {
  const json = {
    url: options.url,
    directory: options.directory,
    filename: options.filename ?? null,
    use_header: options.useHeader ?? true,
    foreground: options.foreground ?? false,
  };
  return r.none({ method: 'POST', path: serverPath(server, 'files/pull'), json, opts });
}

/** `GET files/download?file=` → a single-use signed Wings URL. */
export function getDownloadUrl(r: PanelRequester, server: string, file: string, opts?: CallOptions): Promise<string> {
  // The panel rawurldecode()s `file` once more after the query is parsed (FileController::download),
  // so encode it once here: a name with a literal `%20` then survives both decodes.
  return r.json({ method: 'GET', path: serverPath(server, 'files/download'), params: { file: encodeURIComponent(file) }, opts }, normalizeSignedUrl);
}

/** `GET files/upload` → a single-use signed Wings URL. */
export function getUploadUrl(r: PanelRequester, server: string, opts?: CallOptions): Promise<string> {
  return r.json({ method: 'GET', path: serverPath(server, 'files/upload'), opts }, normalizeSignedUrl);
}
