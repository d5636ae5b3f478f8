/**
 * The panel's rules for a new database (both panels' StoreDatabaseRequest::rules and
 * Database::$validationRules['remote']), with Laravel 11's own messages, so the window and core
 * refuse what the panel would refuse before anything is sent, in the panel's words:
 * - pterodactyl/panel app/Http/Requests/Api/Client/Servers/Databases/StoreDatabaseRequest.php,
 *   pelican-dev/panel the same path: `database` required|alpha_dash|min:3|max:48 (+ unique per
 *   server, which only the panel can check);
 * - app/Models/Database.php (both): `remote` required|string|regex:/^[\w\-\/.%:]+$/.
 * Laravel's alpha_dash is `/\A[\pL\pM\pN_-]+\z/u` and min/max count characters (mb_strlen).
 */

/** The name's bounds (StoreDatabaseRequest). */
export const DATABASE_NAME_MIN = 3;
export const DATABASE_NAME_MAX = 48;

/** What the panel would say of `name` as a new database's name, or null when it passes. */
export function databaseNameProblem(name: string): string | null {
  if (name === '') return 'The database field is required.';
  if (!/^[\p{L}\p{M}\p{N}_-]+$/u.test(name)) return 'The database field must only contain letters, numbers, dashes, and underscores.';
  const length = [...name].length;
  if (length < DATABASE_NAME_MIN) return `The database field must be at least ${DATABASE_NAME_MIN} characters.`;
  if (length > DATABASE_NAME_MAX) return `The database field must not be greater than ${DATABASE_NAME_MAX} characters.`;
  return null;
}

/** What the panel would say of `remote` (where connections may come from), or null. */
export function databaseRemoteProblem(remote: string): string | null {
  if (remote === '') return 'The remote field is required.';
  // PHP's \w without the u flag: ASCII letters, digits and underscore.
  if (!/^[A-Za-z0-9_\-/.%:]+$/.test(remote)) return 'The remote field format is invalid.';
  return null;
}
