/**
 * A server's activity events in words, from the panel's own translations
 * (pterodactyl/panel `resources/lang/en/activity.php` `server.*`; Pelican's `lang/en/activity.php`
 * uses the same keys), with the entry's properties put in where the sentence names them
 * (`:name`, `:files.0`). An event not in the table shows as the panel named it.
 */
const SERVER_EVENTS: Record<string, string> = {
  reinstall: 'Reinstalled server',
  'console.command': 'Executed ":command" on the server',
  'power.start': 'Started the server',
  'power.stop': 'Stopped the server',
  'power.restart': 'Restarted the server',
  'power.kill': 'Killed the server process',
  'backup.download': 'Downloaded the :name backup',
  'backup.delete': 'Deleted the :name backup',
  'backup.restore': 'Restored the :name backup (deleted files: :truncate)',
  'backup.restore-complete': 'Completed restoration of the :name backup',
  'backup.restore-failed': 'Failed to complete restoration of the :name backup',
  'backup.start': 'Started a new backup :name',
  'backup.complete': 'Marked the :name backup as complete',
  'backup.fail': 'Marked the :name backup as failed',
  'backup.lock': 'Locked the :name backup',
  'backup.unlock': 'Unlocked the :name backup',
  'database.create': 'Created new database :name',
  'database.rotate-password': 'Password rotated for database :name',
  'database.delete': 'Deleted database :name',
  'file.read': 'Viewed the contents of :file',
  'file.copy': 'Created a copy of :file',
  'file.create-directory': 'Created directory :directory:name',
  'file.decompress': 'Decompressed :files in :directory',
  'file.download': 'Downloaded :file',
  'file.pull': 'Downloaded a remote file from :url to :directory',
  'file.write': 'Wrote new content to :file',
  'file.upload': 'Began a file upload',
  'file.uploaded': 'Uploaded :directory:file',
  'sftp.denied': 'Blocked SFTP access due to permissions',
  'allocation.create': 'Added :allocation to the server',
  'allocation.notes': 'Updated the notes for :allocation from ":old" to ":new"',
  'allocation.primary': 'Set :allocation as the primary server allocation',
  'allocation.delete': 'Deleted the :allocation allocation',
  'schedule.create': 'Created the :name schedule',
  'schedule.update': 'Updated the :name schedule',
  'schedule.execute': 'Manually executed the :name schedule',
  'schedule.delete': 'Deleted the :name schedule',
  'task.create': 'Created a new ":action" task for the :name schedule',
  'task.update': 'Updated the ":action" task for the :name schedule',
  'task.delete': 'Deleted a task for the :name schedule',
  'settings.rename': 'Renamed the server from :old to :new',
  'settings.description': 'Changed the server description from :old to :new',
  'startup.edit': 'Changed the :variable variable from ":old" to ":new"',
  'startup.image': 'Updated the Docker Image for the server from :old to :new',
  'subuser.create': 'Added :email as a subuser',
  'subuser.update': 'Updated the subuser permissions for :email',
  'subuser.delete': 'Removed :email as a subuser',
};

/** Events whose sentence depends on how many things they touched (`_one` / `_other`). */
const COUNTED: Record<string, [string, string]> = {
  'file.compress': ['Compressed :directory:file', 'Compressed :count files in :directory'],
  'file.delete': ['Deleted :directory:files.0', 'Deleted :count files in :directory'],
  'file.rename': ['Renamed :directory:files.0.from to :directory:files.0.to', 'Renamed :count files in :directory'],
  'sftp.create': ['Created :files.0', 'Created :count new files'],
  'sftp.write': ['Modified the contents of :files.0', 'Modified the contents of :count files'],
  'sftp.delete': ['Deleted :files.0', 'Deleted :count files'],
  'sftp.create-directory': ['Created the :files.0 directory', 'Created :count directories'],
  'sftp.rename': ['Renamed :files.0.from to :files.0.to', 'Renamed or moved :count files'],
};

/** Every server event the table knows, for the filter's suggestions (`server:power.start`, …). */
export const KNOWN_SERVER_EVENTS: readonly string[] = [...Object.keys(SERVER_EVENTS), ...Object.keys(COUNTED)].map((k) => `server:${k}`).sort();

function lookup(properties: Record<string, unknown>, path: string): unknown {
  let value: unknown = properties;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return null;
}

/**
 * Puts properties in for `:key` / `:key.0.from`. A missing one is left out (`Locked the backup`);
 * null when that would leave a quoted blank (`Executed "" on the server`): the raw event shows then.
 */
function fill(sentence: string, properties: Record<string, unknown>): string | null {
  const out = sentence.replaceAll(/:([\w-]+(?:\.[\w-]+)*)/g, (_m, path: string) => textOf(lookup(properties, path)) ?? '');
  if (out.includes('""')) return null;
  return out.replaceAll(/\s{2,}/g, ' ').trim();
}

/** The event in words where the panel has words for it, else the event as the panel named it. */
export function describeEvent(event: string, properties: Record<string, unknown>): string {
  if (!event.startsWith('server:')) return event;
  const key = event.slice('server:'.length);
  const counted = COUNTED[key];
  const count = typeof properties.count === 'number' ? properties.count : 1;
  const sentence = counted ? counted[count === 1 ? 0 : 1] : SERVER_EVENTS[key];
  if (sentence === undefined) return event;
  return fill(sentence, properties) ?? event;
}

/** Who did it: the user, else "API" for a key with no user included, else "System". */
export function actorOf(entry: { actorUsername: string | null; isApi: boolean }, labels: { api: string; system: string }): string {
  return entry.actorUsername ?? (entry.isApi ? labels.api : labels.system);
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "5 minutes ago" from the strings given. */
export function relativeTime(
  iso: string,
  nowMs: number,
  words: { now: string; minutes: (n: number) => string; hours: (n: number) => string; days: (n: number) => string },
): string {
  const ms = nowMs - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < MINUTE_MS) return words.now;
  if (ms < HOUR_MS) return words.minutes(Math.floor(ms / MINUTE_MS));
  if (ms < DAY_MS) return words.hours(Math.floor(ms / HOUR_MS));
  if (ms < 7 * DAY_MS) return words.days(Math.floor(ms / DAY_MS));
  // Older than a week, "945 days ago" says less than the date itself.
  const date = new Date(Date.parse(iso));
  const sameYear = date.getFullYear() === new Date(nowMs).getFullYear();
  return date.toLocaleDateString(undefined, sameYear ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' });
}
