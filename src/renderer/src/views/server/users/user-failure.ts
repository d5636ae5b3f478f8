/**
 * A failed invite, edit or removal as a sentence. A 403 is explained with the permission, and the
 * panel's own words follow when it said more than Laravel's bare "This action is unauthorized."
 * (it does when the permissions asked for are more than the key's user holds:
 * `SubuserRequest::validatePermissionsCanBeAssigned`). The owner's email and an existing
 * subuser come back as the panel's validation text, which failureText keeps.
 */
import { failureText } from '../../../lib/panel-page/failure-text';
import { failureOf } from '../../../lib/panel-page/resource.svelte';
import { t } from '../../../lib/strings';

const BARE_REFUSAL = 'This action is unauthorized.';

export function userFailureText(error: unknown, what: string, permission: string): string {
  const text = failureText(error, what, permission);
  const failure = failureOf(error);
  if (failure.code === 'forbidden' && failure.message !== '' && failure.message !== BARE_REFUSAL) return t.users.panelSaid(text, failure.message);
  return text;
}
