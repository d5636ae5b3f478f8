/**
 * A failed write or read of a server's page as a sentence a person can act on (issue 13). A 403
 * is a missing permission, explained with the permission's name, not shown as a failure; a limit
 * says when the next try can work; a conflict says the server is busy. Chosen by `code`, never by
 * the message, except where the panel's own message is the best detail (validation).
 */
import { t } from '../strings';
import { failureOf, type ResourceFailure } from './resource.svelte';

/** A wait as a person says it: "in 40 seconds", "in 3 minutes (at 19:04)". */
export function waitText(ms: number, now: number = Date.now()): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return t.page.waitSeconds(seconds);
  const at = new Date(now + ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return t.page.waitMinutes(Math.ceil(seconds / 60), at);
}

/**
 * `what`: the action as a verb phrase ("delete this backup"); `permission`: the panel's name of
 * the permission it needs (`backup.delete`), for the 403's explanation.
 */
export function failureText(error: unknown, what: string, permission?: string, now: number = Date.now()): string {
  const failure: ResourceFailure = failureOf(error);
  switch (failure.code) {
    case 'forbidden':
      return permission ? t.page.forbiddenTo(what, permission) : t.page.forbiddenPlain(what);
    case 'rate-limited':
      return failure.retryAfterMs !== undefined ? t.page.limitedFor(what, waitText(failure.retryAfterMs, now)) : t.page.limited(what);
    case 'conflict':
      return t.page.conflict(what);
    case 'validation':
    case 'invalid-argument':
      return failure.message || t.page.invalid(what);
    case 'not-found':
      return t.page.notFound;
    case 'network':
    case 'timeout':
    case 'node-unreachable':
      return t.page.unreachable(what);
    default:
      return failure.message || t.unknownError;
  }
}
