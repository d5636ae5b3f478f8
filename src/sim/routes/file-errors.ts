/** Wings' filesystem errors, as Wings words them and as the panel relays them (§3.3). */
import { TreeError } from '../files/tree';
import type { TreeErrorKind } from '../files/tree';
import { daemonError } from '../http/errors';

/** Wings' status and `error` text for each tree failure. */
export const WINGS_FILE_ERRORS: Record<TreeErrorKind, { status: number; message: string }> = {
  'not-found': { status: 404, message: 'The requested resource was not found on the system.' },
  'is-directory': { status: 400, message: 'Cannot perform that action: file is a directory.' },
  'not-directory': { status: 400, message: 'Cannot perform that action: file is not a directory.' },
  exists: { status: 400, message: 'Cannot move or rename file, destination already exists.' },
  'outside-root': { status: 400, message: 'Cannot perform that action: file is outside of the server root.' },
};

/** Runs a tree operation, turning a TreeError into the panel's relayed DaemonConnectionException. */
export function relayTreeErrors<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof TreeError) {
      const { status, message } = WINGS_FILE_ERRORS[error.kind];
      throw daemonError(status, message);
    }
    throw error;
  }
}

/** PHP's `rawurldecode`: only valid %XX sequences are decoded, anything else is kept. */
export function rawUrlDecode(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    bytes.push(...Buffer.from(value[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
