/**
 * A failed invite, edit or removal as a sentence. A 403 is explained with the permission the
 * action needs, unless the panel said more than Laravel's bare "This action is unauthorized.":
 * then the key had that permission and the panel refused the permissions asked for, which the
 * key's user does not hold (`SubuserRequest::validatePermissionsCanBeAssigned`), in its words. The owner's email and an existing
 * subuser come back as the panel's validation text, which failureText keeps.
 */
import { failureText } from '../../../lib/panel-page/failure-text';
import { failureOf } from '../../../lib/panel-page/resource.svelte';
import { t } from '../../../lib/strings';

const BARE_REFUSAL = 'This action is unauthorized.';

export function userFailureText(error: unknown, what: string, permission: string): string {
  const failure = failureOf(error);
  if (failure.code === 'forbidden' && failure.message !== '' && failure.message !== BARE_REFUSAL) return t.users.panelRefused(failure.message);
  return failureText(error, what, permission);
}
