/**
 * The did-fail-load details Electron gives for a file:// load that cannot work, checked before the
 * double serves the file over http (where a missing file would just be a 404 page).
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Chromium's net error for loading `fileUrl`, or undefined when it is a readable file. */
export async function loadFailure(fileUrl: string): Promise<Record<string, unknown> | undefined> {
  const info = await stat(fileURLToPath(fileUrl)).catch(() => undefined);
  if (info?.isFile()) return undefined;
  return { errorCode: -6, errorDescription: 'ERR_FILE_NOT_FOUND', validatedURL: fileUrl };
}
