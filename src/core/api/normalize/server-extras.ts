/**
 * The typed reads of a server's other resources (pterodactyl-api.md §4.4): backups, databases,
 * schedules, subusers, startup variables and activity.
 */
import type { ActivityEntry, Backup, Database, EggVariable, Schedule, ScheduleTask, Startup, Subuser } from '../models';
import { meta, parseList, parseRelationshipList, relationshipItem } from './envelope';
import { field, isPoisonedKey, isRecord, optBool, optNumber, optString, reqNumber, reqString, safeRecord, stringArray, type JsonRecord } from './guards';

/** One `backup`. */
export function normalizeBackup(a: JsonRecord): Backup {
  return {
    uuid: reqString(a, 'uuid', 'backup'),
    name: optString(field(a, 'name'), ''),
    // Pre-1.0 panels had no is_successful: a backup they list as completed succeeded.
    isSuccessful: optBool(field(a, 'is_successful'), field(a, 'is_successful') === undefined && typeof field(a, 'completed_at') === 'string'),
    isLocked: optBool(field(a, 'is_locked'), false),
    isScheduled: optBool(field(a, 'is_scheduled'), null),
    ignoredFiles: stringArray(field(a, 'ignored_files')),
    // Pre-1.0 panels named it sha256_hash (a bare hex digest); newer ones send "sha1:…" etc.
    checksum: optString(field(a, 'checksum'), null) ?? ((hash) => (hash === null ? null : `sha256:${hash}`))(optString(field(a, 'sha256_hash'), null)),
    bytes: Math.max(0, optNumber(field(a, 'bytes'), 0)),
    createdAt: optString(field(a, 'created_at'), null),
    completedAt: optString(field(a, 'completed_at'), null),
  };
}

/** One `server_database`; its id is a hashid on Pterodactyl and an integer on Pelican. */
export function normalizeDatabase(a: JsonRecord): Database {
  const id = optString(field(a, 'id'), null);
  const host = isRecord(field(a, 'host')) ? (field(a, 'host') as JsonRecord) : {};
  return {
    id: id ?? reqString(a, 'id', 'database'),
    name: reqString(a, 'name', 'database'),
    username: optString(field(a, 'username'), ''),
    host: { address: optString(field(host, 'address'), ''), port: optNumber(field(host, 'port'), 3306) },
    connectionsFrom: optString(field(a, 'connections_from'), '%'),
    maxConnections: optNumber(field(a, 'max_connections'), 0),
    password: optString(field(relationshipItem(a, 'password') ?? {}, 'password'), null),
  };
}

/** One `schedule_task`. */
export function normalizeScheduleTask(a: JsonRecord): ScheduleTask {
  return {
    id: reqNumber(a, 'id', 'schedule task'),
    sequenceId: optNumber(field(a, 'sequence_id'), 0),
    action: optString(field(a, 'action'), ''),
    payload: optString(field(a, 'payload'), ''),
    timeOffsetS: optNumber(field(a, 'time_offset'), 0),
    isQueued: optBool(field(a, 'is_queued'), false),
    continueOnFailure: optBool(field(a, 'continue_on_failure'), false),
  };
}

/** One `server_schedule` with its tasks. */
export function normalizeSchedule(a: JsonRecord): Schedule {
  const cron = isRecord(field(a, 'cron')) ? (field(a, 'cron') as JsonRecord) : {};
  const part = (key: string): string => optString(field(cron, key), '*');
  return {
    id: reqNumber(a, 'id', 'schedule'),
    name: optString(field(a, 'name'), ''),
    cron: {
      minute: part('minute'),
      hour: part('hour'),
      dayOfMonth: part('day_of_month'),
      month: part('month'),
      dayOfWeek: part('day_of_week'),
    },
    isActive: optBool(field(a, 'is_active'), false),
    isProcessing: optBool(field(a, 'is_processing'), false),
    onlyWhenOnline: optBool(field(a, 'only_when_online'), false),
    lastRunAt: optString(field(a, 'last_run_at'), null),
    nextRunAt: optString(field(a, 'next_run_at'), null),
    tasks: parseRelationshipList(a, 'tasks', normalizeScheduleTask),
  };
}

/** One `server_subuser`. */
export function normalizeSubuser(a: JsonRecord): Subuser {
  return {
    uuid: reqString(a, 'uuid', 'subuser'),
    username: optString(field(a, 'username'), ''),
    email: optString(field(a, 'email'), ''),
    twoFactorEnabled: optBool(field(a, '2fa_enabled'), false),
    permissions: stringArray(field(a, 'permissions')),
    createdAt: optString(field(a, 'created_at'), null),
  };
}

/** One `egg_variable`. */
export function normalizeEggVariable(a: JsonRecord): EggVariable {
  return {
    name: optString(field(a, 'name'), ''),
    description: optString(field(a, 'description'), ''),
    envVariable: reqString(a, 'env_variable', 'egg variable'),
    defaultValue: optString(field(a, 'default_value'), ''),
    serverValue: optString(field(a, 'server_value'), null),
    isEditable: optBool(field(a, 'is_editable'), false),
    rules: optString(field(a, 'rules'), ''),
  };
}

function dockerImagesOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  // Older panels sent a plain array of images; newer ones a label → image map.
  const entries = Array.isArray(value) ? value.map((v) => [v, v] as const) : Object.entries(safeRecord(value));
  for (const [label, image] of entries) {
    if (typeof label === 'string' && typeof image === 'string' && !isPoisonedKey(label)) out[label] = image;
  }
  return out;
}

/** `GET /startup`: the variables plus `meta.startup_command` and `meta.docker_images`. */
export function normalizeStartup(raw: unknown): Startup {
  const m = meta(raw);
  return {
    variables: parseList(raw, 'egg variable', normalizeEggVariable),
    startupCommand: optString(field(m, 'startup_command'), ''),
    rawStartupCommand: optString(field(m, 'raw_startup_command'), null),
    dockerImages: dockerImagesOf(field(m, 'docker_images')),
  };
}

/** One `activity_log` entry, with the actor's username when `include=actor` was honoured. */
export function normalizeActivity(a: JsonRecord): ActivityEntry {
  const actor = relationshipItem(a, 'actor');
  return {
    id: reqString(a, 'id', 'activity'),
    event: reqString(a, 'event', 'activity'),
    isApi: optBool(field(a, 'is_api'), false),
    ip: optString(field(a, 'ip'), null),
    description: optString(field(a, 'description'), null),
    properties: safeRecord(field(a, 'properties')),
    timestamp: optString(field(a, 'timestamp'), ''),
    actorUsername: actor === null ? null : optString(field(actor, 'username'), null),
  };
}
