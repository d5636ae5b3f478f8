/** What to do when the socket closes: the close codes Wings uses to say "do not come back". */

/** Wings' close code for a suspended server (Pelican Wings and upstream throttling PR #290). */
export const CLOSE_SUSPENDED = 4409;
/**
 * Wings' close code for its other internal refusals (wings PR #287); the panel's own UI stops
 * reconnecting on it as on 4409 (panel PR #5464): coming back would be refused again.
 */
export const CLOSE_REFUSED = 4400;
/** RFC 6455 "going away"; Wings uses it, with the reason "server deleted", when the server is deleted. */
export const CLOSE_GOING_AWAY = 1001;

/** The verdict on a close. */
export type CloseVerdict = 'suspended' | 'deleted' | 'refused' | 'reconnect';

/**
 * Classifies a close. 1001 stops only when Wings said the server was deleted (the `deleted`
 * event, or the close reason): a reverse proxy restarting also sends 1001, and giving up then
 * would leave the tray disconnected for good.
 */
export function classifyClose(code: number, reason: string, sawDeletedEvent: boolean): CloseVerdict {
  if (code === CLOSE_SUSPENDED) return 'suspended';
  if (code === CLOSE_REFUSED) return 'refused';
  if (code === CLOSE_GOING_AWAY && (sawDeletedEvent || /deleted/i.test(reason))) return 'deleted';
  return 'reconnect';
}

/**
 * Transfer statuses after which the socket is reopened with fresh credentials, as the official
 * UI does (WebsocketHandler.tsx): the socket URL then points at the new node.
 */
export function isTransferReconnectStatus(status: string): boolean {
  return status !== 'starting' && status !== 'success';
}
