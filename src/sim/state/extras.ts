/**
 * Plausible read-only data for the secondary pages (backups, databases, schedules, subusers,
 * activity, startup), generated from the server's seed on each request (§4.4 shapes).
 */
import type { SimFlavor } from '../types';
import { SeededRandom, mixSeed } from '../util/random';
import { SEED_EPOCH_MS, atom } from '../util/time';
import { userAttributes } from './flavor-shapes';
import type { SimServer } from './servers';
import type { Item } from './item';

export type { Item } from './item';

function item(object: string, attributes: Record<string, unknown>): Item {
  return { object, attributes };
}

function rng(server: SimServer, salt: number): SeededRandom {
  return new SeededRandom(mixSeed(server.seed, salt));
}

/** `backup` items; the last one is still running (completed_at null) on some servers. */
export function backupsOf(server: SimServer): Item[] {
  const random = rng(server, 1);
  const count = random.int(0, 3);
  return Array.from({ length: count }, (_, i) => {
    const created = SEED_EPOCH_MS + (i + 1) * 86_400_000;
    const done = !(i === count - 1 && server.index % 4 === 0);
    return item('backup', {
      uuid: random.uuid(),
      is_successful: done,
      is_locked: i === 0,
      name: `Backup at ${atom(created).slice(0, 10)}`,
      ignored_files: i === 0 ? ['logs/*'] : [],
      checksum: done ? `sha1:${random.hex(40)}` : null,
      bytes: done ? random.int(50, 900) * 1024 * 1024 : 0,
      created_at: atom(created),
      completed_at: done ? atom(created + 95_000) : null,
    });
  });
}

/** `server_database` items; the password only with `include=password`. */
export function databasesOf(server: SimServer, flavor: SimFlavor, withPassword: boolean): Item[] {
  const random = rng(server, 2);
  const count = server.egg.name === 'Paper' ? random.int(1, 2) : 0;
  return Array.from({ length: count }, (_, i) => {
    // A database's id, username and password are its own, whatever the request asked to include:
    // draw them in one order every time (the password is drawn even when it is not sent).
    const id = flavor === 'pelican' ? server.index * 10 + i + 1 : random.hex(8);
    const username = `u${server.internalId}_${random.hex(10)}`;
    const secret = random.hex(24);
    const password = withPassword ? item('database_password', { password: secret }) : { object: 'null_resource', attributes: null };
    return item('server_database', {
      id,
      host: { address: '10.0.0.20', port: 3306 },
      name: `s${server.internalId}_${i === 0 ? 'luckperms' : 'coreprotect'}`,
      username,
      connections_from: '%',
      max_connections: 0,
      relationships: { password },
    });
  });
}

/** `server_schedule` items with their tasks. */
export function schedulesOf(server: SimServer): Item[] {
  const created = atom(SEED_EPOCH_MS);
  const task = (id: number, sequence: number, action: string, payload: string): Item =>
    item('schedule_task', {
      id,
      sequence_id: sequence,
      action,
      payload,
      time_offset: sequence === 1 ? 0 : 30,
      is_queued: false,
      continue_on_failure: false,
      created_at: created,
      updated_at: created,
    });
  const id = server.internalId * 10;
  return [
    item('server_schedule', {
      id: id + 1,
      name: 'Nightly restart',
      cron: { day_of_week: '*', day_of_month: '*', month: '*', hour: '4', minute: '0' },
      is_active: true,
      is_processing: false,
      only_when_online: true,
      last_run_at: atom(SEED_EPOCH_MS + 18 * 3_600_000),
      next_run_at: atom(SEED_EPOCH_MS + 42 * 3_600_000),
      created_at: created,
      updated_at: created,
      relationships: {
        tasks: { object: 'list', data: [task(id * 10 + 1, 1, 'command', 'say Restarting in 30 seconds'), task(id * 10 + 2, 2, 'power', 'restart')] },
      },
    }),
  ];
}

/** `server_subuser` items: the panel's client UserTransformer plus `permissions`, in either flavor. */
export function subusersOf(server: SimServer, flavor: SimFlavor): Item[] {
  const random = rng(server, 4);
  if (random.next() < 0.4) return [];
  const user = { uuid: random.uuid(), username: 'moderator', email: 'moderator@pterotray.test', createdAtMs: SEED_EPOCH_MS };
  return [
    item('server_subuser', {
      ...userAttributes(flavor, user),
      permissions: ['websocket.connect', 'control.console', 'control.start', 'control.restart', 'file.read'],
    }),
  ];
}

/** `egg_variable` items of the startup page. */
export function variablesOf(server: SimServer): Item[] {
  return server.egg.variables.map((v) =>
    item('egg_variable', {
      name: v.name,
      description: v.description,
      env_variable: v.envVariable,
      default_value: v.defaultValue,
      server_value: server.variableValues[v.envVariable] ?? null,
      is_editable: v.isEditable,
      rules: v.rules,
    }),
  );
}

/** The startup command with the server's values substituted. */
export function invocationOf(server: SimServer): string {
  return server.egg.startup.replaceAll(/\{\{(\w+)\}\}/g, (_, key: string) =>
    key === 'SERVER_PORT' ? String(server.allocations[0]?.port ?? '') : (server.variableValues[key] ?? ''),
  );
}

const ACTIVITY_EVENTS = ['server:power.start', 'server:console.command', 'server:file.write', 'server:power.restart', 'server:backup.complete'];

/** `activity_log` items, newest first. */
export function activityOf(server: SimServer | null, count: number): Item[] {
  const random = new SeededRandom(mixSeed(server?.seed ?? 7, 5));
  return Array.from({ length: count }, (_, i) => {
    const event = random.pick(ACTIVITY_EVENTS);
    return item('activity_log', {
      id: random.hex(40),
      batch: null,
      event,
      is_api: random.next() < 0.3,
      ip: '127.0.0.1',
      description: null,
      properties: event === 'server:console.command' ? { command: 'say hello' } : event === 'server:file.write' ? { file: '/server.properties' } : {},
      has_additional_metadata: false,
      timestamp: atom(SEED_EPOCH_MS + (count - i) * 3_600_000),
    });
  });
}
