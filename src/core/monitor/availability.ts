/** Whether a server can be acted on: from its panel record, or from what a failed call said. */
import type { Server } from '../api/models';
import type { ServerAvailability } from '../../shared/types';
import { observedStateFromError } from './diff';

/** What the panel's own record says about a server's availability (pterodactyl-api.md §2.3). */
export function availabilityOf(server: Server): ServerAvailability {
  if (server.isSuspended) return 'suspended';
  if (server.isNodeUnderMaintenance) return 'node-maintenance';
  if (server.isTransferring) return 'transferring';
  if (server.status === 'restoring_backup') return 'restoring';
  // reinstall_failed does not 409, but the panel's UI blocks the server page for it all the same.
  if (server.status === 'install_failed' || server.status === 'reinstall_failed') return 'install-failed';
  if (server.isInstalling || server.status === 'installing') return 'installing';
  return 'ok';
}

/**
 * What a failed `/resources` (or token) call says about the server: a 409's reason, or an
 * unreachable node. Null when the failure says nothing about this server (network, auth, 429).
 */
export function availabilityFromError(error: unknown): ServerAvailability | null {
  switch (observedStateFromError(error)) {
    case 'suspended':
      return 'suspended';
    case 'installing':
      return 'installing';
    case 'transferring':
      return 'transferring';
    case 'restoring':
      return 'restoring';
    case 'node-maintenance':
      return 'node-maintenance';
    case 'unreachable':
      return 'node-unreachable';
    case 'conflict':
      return 'unknown';
    default:
      return null;
  }
}
