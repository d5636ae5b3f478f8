/**
 * The Network tab's writes (both panels' routes/api-client.php `/network/allocations`,
 * NetworkAllocationController): add a port (the panel picks it: FindAssignableAllocationService),
 * set notes, make one primary, remove one.
 */
import type { CallOptions } from './client-types';
import { PanelError } from './errors';
import type { Allocation } from './models';
import { normalizeAllocation, unwrapItem } from './normalize';
import { serverPath } from './paths';
import type { PanelRequester } from './requester';

/** Allocation::$validationRules `notes`: nullable|string|max:256 (both panels). */
export const ALLOCATION_NOTES_MAX = 256;

function decodeOne(body: unknown): Allocation {
  return normalizeAllocation(unwrapItem(body, 'allocation'));
}

function allocationPath(server: string, id: number, rest = ''): string {
  if (!Number.isSafeInteger(id) || id < 1) throw new PanelError({ kind: 'validation', message: 'That is not an allocation id.' });
  return serverPath(server, `network/allocations/${id}${rest}`);
}

/**
 * `POST /network/allocations` with no body: the panel assigns a free port on the primary's IP.
 * 400 when auto-allocation is off, the limit is reached or the node has no room; limited per
 * server (route-limits.ts `allocation-create`).
 */
export function createAllocation(r: PanelRequester, server: string, opts?: CallOptions): Promise<Allocation> {
  return r.json({ method: 'POST', path: serverPath(server, 'network/allocations'), json: {}, opts }, decodeOne);
}

/** `POST /network/allocations/{id}` `{notes}` (`present`: null clears them). */
export function setAllocationNotes(r: PanelRequester, server: string, id: number, notes: string | null, opts?: CallOptions): Promise<Allocation> {
  if (notes !== null && [...notes].length > ALLOCATION_NOTES_MAX) {
    const detail = `The notes field must not be greater than ${ALLOCATION_NOTES_MAX} characters.`;
    throw new PanelError({ kind: 'validation', message: detail, detail });
  }
  // Laravel's ConvertEmptyStringsToNull would turn "" into null anyway; say it plainly.
  const json = { notes: notes === '' ? null : notes };
  return r.json({ method: 'POST', path: allocationPath(server, id), json, opts }, decodeOne);
}

/** `POST /network/allocations/{id}/primary`. */
export function setPrimaryAllocation(r: PanelRequester, server: string, id: number, opts?: CallOptions): Promise<Allocation> {
  return r.json({ method: 'POST', path: allocationPath(server, id, '/primary'), opts }, decodeOne);
}

/** `DELETE /network/allocations/{id}`: 204; 400 without an allocation limit, or (Pterodactyl) for the primary. */
export function deleteAllocation(r: PanelRequester, server: string, id: number, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'DELETE', path: allocationPath(server, id), opts });
}
