/**
 * Hostile argument lists for every invoke channel of the contract: wrong types, missing and extra
 * fields, wrong arity, path traversal, control characters, prototype-pollution keys and huge
 * strings. Each case starts from a valid call of the channel (on the real account and server, so a
 * case that slipped through validation would reach the panel and be seen) and breaks it.
 *
 * Values travel as JSON with a few tags (`{"$t": …}`) for what JSON cannot say (undefined, NaN,
 * BigInt, dates, a megabyte string, an own `__proto__` key); `decodeArg` (Node) and the copy of
 * it the page runs rebuild them at the far end.
 */
import { INVOKE_CHANNELS, methodName, type InvokeChannel } from '../../../src/shared/ipc-contract';

/** A JSON value, or a tag for what JSON cannot carry. */
export type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

export interface HostileCase {
  channel: InvokeChannel;
  /** The `window.api` method. */
  method: string;
  args: Encoded[];
  /**
   * `invalid-argument`: validation must refuse it. `no-effect`: well-formed but aimed at nothing
   * (an account id like `__proto__`); any typed answer will do as long as nothing changes and
   * nothing reaches the panel.
   */
  expect: 'invalid-argument' | 'no-effect';
  why: string;
}

const U: Encoded = { $t: 'u' };
const NAN: Encoded = { $t: 'nan' };
const INF: Encoded = { $t: 'inf' };
const BIG: Encoded = { $t: 'big', v: '12345678901234567890' };
const DATE: Encoded = { $t: 'date', v: 0 };
const rep = (s: string, n: number): Encoded => ({ $t: 'rep', s, n });
/** A megabyte string: sent once per channel as its whole argument, to the wrapper everywhere. */
const MEGABYTE = rep('a', 1_000_000);
/** An object with an own key (`__proto__` included) besides `rest`. */
const own = (key: string, value: Encoded, rest: Record<string, Encoded>): Encoded => ({ $t: 'own', k: key, v: value, o: rest });

const WRONG_TYPES: Encoded[] = [null, U, 0, -1, 1.5, NAN, INF, true, false, [], {}, ['x'], BIG, DATE];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];
const POLLUTION: Encoded = { polluted: 'yes', isAdmin: true };

type Kind =
  | 'id'
  | 'identifier'
  | 'remotePath'
  | 'fileName'
  | 'localPaths'
  | 'url'
  | 'apiKey'
  | 'name'
  | 'command'
  | 'content'
  | 'mode'
  | 'names'
  | 'signal'
  | 'minutes'
  | 'patch'
  | 'refs'
  | 'bool'
  | 'feature'
  | 'allocationId'
  | 'notes'
  | 'urlKind'
  | 'email'
  | 'permissions'
  | 'page'
  | 'eventFilter'
  // backups (issue 13)
  | 'backupUuid'
  | 'backupName'
  | 'ignoredFiles'
  | 'keepNewest'
  | 'envKey'
  | 'sftpField'
  // ── incidents (issue 14) ──
  | 'incidentKinds'
  | 'epochMs'
  | 'searchText'
  | 'incidentId'
  // history (issue 14)
  | 'historyRange'
  | 'uptimePer'
  | 'historyRefs'
  // ── console (issue 15) ──
  | 'consoleText';

/** Hostile values per kind of field; `HUGE` is the oversized string of the run (see Ctx.hugeBytes). */
const byKind = (HUGE: Encoded): Record<Kind, Encoded[]> => ({
  id: ['', ' ', 'a/b', '../etc/passwd', 'a b', 'a\u0000', '<script>', 'é', rep('a', 65), HUGE],
  // Any shape a panel uses is taken (8 hex, serv_ + base 32, a uuid); what could leave the path is not.
  identifier: ['', 'a'.repeat(65), '../../x', '1a2b3c4d/../x', '1a2b3c4d\n', ' 1a2b3c4d', '%2e%2e%2f', 'serv_abc?x=1', 'serv_abc#x', 'sérv', HUGE],
  remotePath: [
    '',
    'relative',
    '..',
    '/..',
    '/a/../..',
    '/../etc/passwd',
    '/a/..',
    '\\..\\win',
    'C:\\x',
    '/x\u0000y',
    '/x\ny',
    '/x\ty',
    '/x\u007f',
    rep('/a', 2049),
    HUGE,
  ],
  fileName: ['', '.', '..', 'a/b', '../x', '/x', 'x\u0000', 'x\n', 'x\u001b[31m', rep('a', 256), HUGE],
  localPaths: [[], 'x', ['x\u0000'], ['/tmp/x\n'], [rep('a', 4097)], Array.from({ length: 101 }, () => '/tmp/x'), [HUGE], [1]],
  url: ['', rep('h', 2049), HUGE],
  apiKey: ['', rep('k', 513), HUGE],
  name: [rep('n', 81), HUGE],
  command: ['', 'say hi\nstop', 'say hi\rstop', rep('c', 4097), HUGE],
  content: [],
  feature: ['', 'EULA', 'eula ', 'gsl_token', '__proto__', HUGE],
  email: ['', 'no-at-sign', 'a@b\n', 'a\u0000@b.c', `${'e'.repeat(252)}@b.c`, 1, HUGE],
  permissions: [
    'control.console',
    [1],
    [''],
    ['CONTROL.CONSOLE'],
    ['control'],
    ['control.console\n'],
    [HUGE],
    Array.from({ length: 201 }, () => 'control.console'),
  ],
  page: [0, -1, 1.5, '2', 100_001, NAN, INF],
  eventFilter: [1, 'server:power\n', 'x\u0000', rep('e', 101), HUGE],
  // ── incidents (issue 14) ──
  incidentKinds: ['crash', ['no-such-kind'], [1], [rep('c', 100)], HUGE],
  epochMs: ['0', -1, 1.5, NAN, INF, 9e15, HUGE],
  searchText: [1, 'a\u0000', 'crash\n', rep('s', 201), HUGE],
  incidentId: ['', 1, 'a\u0000', rep('i', 601), HUGE],
  // ── console (issue 15) ──: empty, not a string, or past CONSOLE_COPY_MAX_CHARS (4,000,000)
  consoleText: ['', 1, null, ['x'], rep('t', 4_000_001)],
  envKey: ['', 'A B', 'A=B', 'A\n', '../x', rep('A', 192), HUGE],
  sftpField: ['', 'ADDRESS', 'password', 'url ', '__proto__', HUGE],
  mode: ['', '8', '999', '64', '12345', 'rwx', '0o755', '755;rm', ' 755', '755\n'],
  names: [[], ['..'], ['.'], ['a/b'], [''], ['x\u0000'], Array.from({ length: 1001 }, () => 'a'), 'x.txt', [1], [HUGE]],
  signal: ['', 'START', 'explode', 'start ', 'kill;rm', '__proto__'],
  minutes: [0, -1, 1.5, 10_081, '60', NAN, INF],
  refs: [
    'x',
    [1],
    [null],
    [{ accountId: 'a/b', identifier: 'x' }],
    [{ accountId: 'a', identifier: '../x' }],
    [{ accountId: 'a', identifier: 'x', extra: 1 }],
    Array.from({ length: 1001 }, () => ({ accountId: 'a', identifier: 'x' })),
  ],
  bool: ['true', 1, null, U],
  allocationId: [0, -1, '1', 2 ** 53, 1e300],
  notes: [rep('n', 1025), HUGE, 1, true],
  urlKind: ['', 'JDBC', 'postgres', 'mysql ', '__proto__'],
  // backups (issue 13)
  backupUuid: ['', ' ', 'a/b', '../files', 'a b', 'a\u0000', '%2e%2e', rep('a', 65), HUGE],
  backupName: ['x\u0000', 'x\n', 'x\u001b[31m', rep('n', 256), HUGE],
  ignoredFiles: ['x\u0000', 'logs/*\u001b[2J', rep('i', 16_385), HUGE],
  keepNewest: [0, -1, 1.5, 101, '3', NAN, INF, U],
  // history (issue 14)
  historyRange: ['', 'live', '1H', '365d', '24h ', 24, '__proto__', HUGE],
  uptimePer: ['', 'month', 'DAY', 'day ', 1, '__proto__'],
  historyRefs: [
    'x',
    [1],
    [null],
    [{ accountId: 'a/b', identifier: 'x' }],
    [{ accountId: 'a', identifier: '../x' }],
    [{ accountId: 'a', identifier: 'x', extra: 1 }],
    Array.from({ length: 5001 }, () => ({ accountId: 'a', identifier: 'x' })),
  ],
  patch: [
    { unknown: 1 },
    { theme: 'evil' },
    { launchAtLogin: 'yes' },
    { monitor: { budgetShare: 5, pollIntervalS: 30 } },
    { monitor: { budgetShare: 0.25, pollIntervalS: 1 } },
    { monitor: { budgetShare: 0.25 } },
    { notifications: { pausedUntil: null } },
    { notifications: { global: { onStateChange: true, onCrash: true, usage: null }, accounts: { 'a/b': {} }, servers: {}, pausedUntil: null } },
    { notifications: { global: { onStateChange: true, onCrash: true, usage: null }, accounts: {}, servers: { '../x': {} }, pausedUntil: null } },
    { notifications: { global: { onStateChange: true, onCrash: 'yes', usage: null }, accounts: {}, servers: {}, pausedUntil: null } },
    {
      notifications: {
        global: { onStateChange: true, onCrash: true, usage: { cpuPercent: 1000, memoryPercent: 90, sustainedMs: 60_000 } },
        accounts: {},
        servers: {},
        pausedUntil: null,
      },
    },
  ],
});

/** A field of a channel's first argument, by path, and what kind of value it holds. */
interface Field {
  path: string[];
  kind: Kind;
}

interface Template {
  args: Encoded[];
  fields: Field[];
}

// ── schedules (issue 13) ──
const SCHEDULE_DRAFT = { name: 'x', cron: { minute: '0', hour: '4', dayOfMonth: '*', month: '*', dayOfWeek: '*' }, isActive: true, onlyWhenOnline: false };
const SCHEDULE_FIELDS = (at: string[]): Field[] => [
  { path: [...at, 'name'], kind: 'command' },
  ...['minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'].map((f): Field => ({ path: [...at, 'cron', f], kind: 'command' })),
  { path: [...at, 'isActive'], kind: 'bool' },
  { path: [...at, 'onlyWhenOnline'], kind: 'bool' },
];
const TASK_DRAFT = { action: 'command', payload: 'say hi', timeOffsetS: 0, continueOnFailure: false };
const TASK_FIELDS: Field[] = [
  { path: ['task', 'action'], kind: 'signal' },
  { path: ['task', 'payload'], kind: 'command' },
  { path: ['task', 'continueOnFailure'], kind: 'bool' },
];

// ── alerts (issue 14) ──
const ALERT_DRAFT = {
  kind: 'webhook',
  name: 'x',
  isEnabled: true,
  rules: { accounts: null, servers: null, kinds: null, minSeverity: 'info' },
  quietHours: null,
  ntfy: null,
  webhook: { isSigned: false },
};

/** A closed port: accounts:check and accounts:add never reach the sim, even when well-formed. */
export const CLOSED_URL = 'http://127.0.0.1:9/';
/** A well-formed backup uuid that no sim server has. */
const BACKUP_UUID = '00000000-0000-4000-8000-000000000000';
const SOME_KEY = `ptlc_${'A'.repeat(11)}${'b'.repeat(32)}`;

function templates(accountId: string, identifier: string): Record<InvokeChannel, Template> {
  const server = { accountId, identifier };
  const ref: Field[] = [
    { path: ['server', 'accountId'], kind: 'id' },
    { path: ['server', 'identifier'], kind: 'identifier' },
  ];
  const bareRef: Field[] = [
    { path: ['accountId'], kind: 'id' },
    { path: ['identifier'], kind: 'identifier' },
  ];
  const onServer = (rest: Record<string, Encoded>, fields: Field[]): Template => ({ args: [{ server, ...rest }], fields: [...ref, ...fields] });
  const none: Template = { args: [], fields: [] };
  return {
    'accounts:list': none,
    'accounts:check': {
      args: [{ url: CLOSED_URL, apiKey: SOME_KEY }],
      fields: [
        { path: ['url'], kind: 'url' },
        { path: ['apiKey'], kind: 'apiKey' },
      ],
    },
    'accounts:add': {
      args: [{ url: CLOSED_URL, name: 'x', apiKey: SOME_KEY }],
      fields: [
        { path: ['url'], kind: 'url' },
        { path: ['name'], kind: 'name' },
        { path: ['apiKey'], kind: 'apiKey' },
      ],
    },
    'accounts:rename': {
      args: [{ accountId, name: 'Renamed' }],
      fields: [
        { path: ['accountId'], kind: 'id' },
        { path: ['name'], kind: 'name' },
      ],
    },
    'accounts:remove': { args: [{ accountId }], fields: [{ path: ['accountId'], kind: 'id' }] },
    'accounts:use-demo': none,
    'servers:list': none,
    'servers:refresh': none,
    'servers:power': onServer({ signal: 'start' }, [{ path: ['signal'], kind: 'signal' }]),
    'servers:open-in-panel': { args: [server], fields: bareRef },
    'servers:attention': { args: [{ onScreen: [server] }], fields: [{ path: ['onScreen'], kind: 'refs' }] },
    'servers:favourite': onServer({ isFavourite: true }, [{ path: ['isFavourite'], kind: 'bool' }]),
    'servers:permissions': { args: [server], fields: bareRef },
    'features:accept': onServer({ feature: 'eula' }, [{ path: ['feature'], kind: 'feature' }]),
    'features:dismiss': onServer({ feature: 'eula' }, [{ path: ['feature'], kind: 'feature' }]),
    'features:open-terms': { args: [{ feature: 'eula' }], fields: [{ path: ['feature'], kind: 'feature' }] },
    'stats:history': { args: [server], fields: bareRef },
    'console:attach': { args: [server], fields: bareRef },
    'console:detach': { args: [server], fields: bareRef },
    'console:send': onServer({ command: 'say hi' }, [{ path: ['command'], kind: 'command' }]),
    'console:history': { args: [server], fields: bareRef },
    'files:list': onServer({ directory: '/' }, [{ path: ['directory'], kind: 'remotePath' }]),
    'files:read': onServer({ path: '/server.properties' }, [{ path: ['path'], kind: 'remotePath' }]),
    'files:write': onServer({ path: '/x.txt', content: 'x' }, [
      { path: ['path'], kind: 'remotePath' },
      { path: ['content'], kind: 'content' },
    ]),
    'files:rename': onServer({ root: '/', from: 'a.txt', to: '/b.txt' }, [
      { path: ['root'], kind: 'remotePath' },
      { path: ['from'], kind: 'fileName' },
      { path: ['to'], kind: 'remotePath' },
    ]),
    'files:copy': onServer({ path: '/x.txt' }, [{ path: ['path'], kind: 'remotePath' }]),
    'files:delete': onServer({ root: '/', files: ['x.txt'] }, [
      { path: ['root'], kind: 'remotePath' },
      { path: ['files'], kind: 'names' },
    ]),
    'files:create-folder': onServer({ root: '/', name: 'x' }, [
      { path: ['root'], kind: 'remotePath' },
      { path: ['name'], kind: 'fileName' },
    ]),
    'files:compress': onServer({ root: '/', files: ['x.txt'] }, [
      { path: ['root'], kind: 'remotePath' },
      { path: ['files'], kind: 'names' },
    ]),
    'files:decompress': onServer({ path: '/x.tar' }, [{ path: ['path'], kind: 'remotePath' }]),
    'files:chmod': onServer({ path: '/x.txt', mode: '644' }, [
      { path: ['path'], kind: 'remotePath' },
      { path: ['mode'], kind: 'mode' },
    ]),
    'files:download': onServer({ path: '/x.txt' }, [{ path: ['path'], kind: 'remotePath' }]),
    'files:upload': onServer({ directory: '/', localPaths: ['/tmp/x'] }, [
      { path: ['directory'], kind: 'remotePath' },
      { path: ['localPaths'], kind: 'localPaths' },
    ]),
    'files:pick-and-upload': onServer({ directory: '/' }, [{ path: ['directory'], kind: 'remotePath' }]),
    'transfers:cancel': { args: [{ transferId: 'abc' }], fields: [{ path: ['transferId'], kind: 'id' }] },
    'settings:get': none,
    'app:desktop': none,
    'settings:update': { args: [{ theme: 'dark' }], fields: [{ path: ['theme'], kind: 'patch' }] },
    'notifications:pause': { args: [{ minutes: 60 }], fields: [{ path: ['minutes'], kind: 'minutes' }] },
    'notifications:resume': none,
    'notifications:status': none,

    // ── backups (issue 13) ──
    'backups:list': { args: [server], fields: bareRef },
    'backups:create': onServer({ name: 'nightly', ignored: 'logs/*', isLocked: false }, [
      { path: ['name'], kind: 'backupName' },
      { path: ['ignored'], kind: 'ignoredFiles' },
      { path: ['isLocked'], kind: 'bool' },
    ]),
    'backups:delete': onServer({ uuid: BACKUP_UUID }, [{ path: ['uuid'], kind: 'backupUuid' }]),
    'backups:toggle-lock': onServer({ uuid: BACKUP_UUID }, [{ path: ['uuid'], kind: 'backupUuid' }]),
    'backups:rename': onServer({ uuid: BACKUP_UUID, name: 'x' }, [
      { path: ['uuid'], kind: 'backupUuid' },
      { path: ['name'], kind: 'backupName' },
    ]),
    'backups:restore': onServer({ uuid: BACKUP_UUID, truncate: false }, [
      { path: ['uuid'], kind: 'backupUuid' },
      { path: ['truncate'], kind: 'bool' },
    ]),
    'backups:download': onServer({ uuid: BACKUP_UUID }, [{ path: ['uuid'], kind: 'backupUuid' }]),
    'backups:set-retention': onServer({ keepNewest: 3 }, [{ path: ['keepNewest'], kind: 'keepNewest' }]),
    'backups:retention-candidates': { args: [server], fields: bareRef },

    // ── schedules (issue 13) ──
    // Numeric ids take the `id` kind: every value of it (strings, 0, -1, 1.5, …) is one a
    // positive integer refuses. Cron fields and names take `command` (empty, multi-line, huge).
    'schedules:list': onServer({}, []),
    'schedules:create': onServer({ schedule: SCHEDULE_DRAFT }, SCHEDULE_FIELDS(['schedule'])),
    'schedules:update': onServer({ scheduleId: 1, schedule: SCHEDULE_DRAFT }, [{ path: ['scheduleId'], kind: 'id' }, ...SCHEDULE_FIELDS(['schedule'])]),
    'schedules:delete': onServer({ scheduleId: 1 }, [{ path: ['scheduleId'], kind: 'id' }]),
    'schedules:run': onServer({ scheduleId: 1 }, [{ path: ['scheduleId'], kind: 'id' }]),
    'schedules:create-task': onServer({ scheduleId: 1, task: TASK_DRAFT }, [{ path: ['scheduleId'], kind: 'id' }, ...TASK_FIELDS]),
    'schedules:update-task': onServer({ scheduleId: 1, taskId: 1, task: TASK_DRAFT }, [
      { path: ['scheduleId'], kind: 'id' },
      { path: ['taskId'], kind: 'id' },
      ...TASK_FIELDS,
    ]),
    'schedules:delete-task': onServer({ scheduleId: 1, taskId: 1 }, [
      { path: ['scheduleId'], kind: 'id' },
      { path: ['taskId'], kind: 'id' },
    ]),
    'schedules:export': onServer({ scheduleId: 1 }, [{ path: ['scheduleId'], kind: 'id' }]),
    'schedules:import': onServer({}, []),

    // ── startup (issue 13) ──
    'startup:get': { args: [server], fields: bareRef },
    'startup:set-variable': onServer({ key: 'SERVER_JARFILE', value: 'server.jar' }, [
      { path: ['key'], kind: 'envKey' },
      { path: ['value'], kind: 'content' },
    ]),
    'startup:set-image': onServer({ image: 'ghcr.io/pterodactyl/yolks:java_17' }, [{ path: ['image'], kind: 'content' }]),
    'server-settings:get': { args: [server], fields: bareRef },
    // The description is optional (a rename without one keeps it), so only its wrong types are fuzzed with the name's.
    'server-settings:rename': onServer({ name: 'Lobby', description: 'x' }, [{ path: ['name'], kind: 'content' }]),
    'server-settings:reinstall': { args: [server], fields: bareRef },
    'server-settings:copy-sftp': onServer({ field: 'address' }, [{ path: ['field'], kind: 'sftpField' }]),
    'server-settings:open-sftp': { args: [server], fields: bareRef },

    // ── databases (issue 13) ──
    'databases:list': { args: [server], fields: bareRef },
    'databases:create': onServer({ database: 'shop', remote: '%' }, [
      { path: ['database'], kind: 'name' },
      { path: ['remote'], kind: 'name' },
    ]),
    'databases:rotate': onServer({ id: 'abc' }, [{ path: ['id'], kind: 'id' }]),
    'databases:reveal': onServer({ id: 'abc' }, [{ path: ['id'], kind: 'id' }]),
    'databases:copy-url': onServer({ id: 'abc', kind: 'jdbc' }, [
      { path: ['id'], kind: 'id' },
      { path: ['kind'], kind: 'urlKind' },
    ]),
    'databases:delete': onServer({ id: 'abc' }, [{ path: ['id'], kind: 'id' }]),

    // ── network (issue 13) ──
    'network:list': { args: [server], fields: bareRef },
    'network:add': { args: [server], fields: bareRef },
    'network:set-notes': onServer({ id: 1, notes: 'x' }, [
      { path: ['id'], kind: 'allocationId' },
      { path: ['notes'], kind: 'notes' },
    ]),
    'network:set-primary': onServer({ id: 1 }, [{ path: ['id'], kind: 'allocationId' }]),
    'network:remove': onServer({ id: 1 }, [{ path: ['id'], kind: 'allocationId' }]),

    // ── users (issue 13) ──
    'users:list': { args: [server], fields: bareRef },
    'users:permissions': { args: [server], fields: bareRef },
    'users:create': onServer({ email: 'friend@example.com', permissions: ['control.console'] }, [
      { path: ['email'], kind: 'email' },
      { path: ['permissions'], kind: 'permissions' },
    ]),
    'users:update': onServer({ uuid: 'a1b2c3d4-0000-4000-a000-000000000000', permissions: ['control.console'] }, [
      { path: ['uuid'], kind: 'id' },
      { path: ['permissions'], kind: 'permissions' },
    ]),
    'users:delete': onServer({ uuid: 'a1b2c3d4-0000-4000-a000-000000000000' }, [{ path: ['uuid'], kind: 'id' }]),

    // ── activity (issue 13) ──
    'activity:list': onServer({ page: 1, event: '' }, [
      { path: ['page'], kind: 'page' },
      { path: ['event'], kind: 'eventFilter' },
    ]),
    // ── incidents (issue 14) ──
    'incidents:list': onServer({ accountId: null, kinds: [], sinceMs: null, text: '', beforeMs: null }, [
      { path: ['kinds'], kind: 'incidentKinds' },
      { path: ['sinceMs'], kind: 'epochMs' },
      { path: ['beforeMs'], kind: 'epochMs' },
      { path: ['text'], kind: 'searchText' },
    ]),
    'incidents:get': { args: [{ id: 'crash:a/b:1:1' }], fields: [{ path: ['id'], kind: 'incidentId' }] },

    // ── history (issue 14) ──
    'history:series': onServer({ range: '24h' }, [{ path: ['range'], kind: 'historyRange' }]),
    'history:uptime': onServer({ per: 'day' }, [{ path: ['per'], kind: 'uptimePer' }]),
    'history:summaries': { args: [{ servers: [server] }], fields: [{ path: ['servers'], kind: 'historyRefs' }] },
    'history:export-csv': onServer({ range: '24h' }, [{ path: ['range'], kind: 'historyRange' }]),

    // ── alerts (issue 14) ──
    'alerts:list': none,
    'alerts:save': {
      args: [{ config: ALERT_DRAFT, secret: { url: CLOSED_URL } }],
      // Required fields only: a missing optional one (the id of a new channel, a secret left as it was) is a valid call.
      fields: [
        { path: ['config', 'kind'], kind: 'signal' },
        { path: ['config', 'name'], kind: 'name' },
        { path: ['config', 'isEnabled'], kind: 'bool' },
        { path: ['config', 'rules', 'minSeverity'], kind: 'signal' },
      ],
    },
    'alerts:remove': { args: [{ channelId: 'no-such-channel' }], fields: [{ path: ['channelId'], kind: 'id' }] },
    'alerts:test': { args: [{ channelId: 'no-such-channel' }], fields: [{ path: ['channelId'], kind: 'id' }] },
    // ── console (issue 15) ──
    'console:copy': { args: [{ text: 'x' }], fields: [{ path: ['text'], kind: 'consoleText' }] },
  };
}

function clone<T extends Encoded>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `root` with the value at `path` replaced (or removed when `value` is null and `remove`). */
function withField(root: Encoded, path: string[], value: Encoded | 'remove'): Encoded {
  const copy = clone(root) as Record<string, Encoded>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Encoded>;
  const last = path[path.length - 1] as string;
  if (value === 'remove') delete node[last];
  else node[last] = value;
  return copy;
}

/** A small seeded generator, so the combined cases are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Wrong types that are valid for a kind: an array of one name, a null pause (until resumed), an
 * empty patch. zod takes a Date for an object with no keys, so for a patch it is an empty one too.
 */
const VALID_WRONG_TYPES: Partial<Record<Kind, Encoded[]>> = {
  names: [['x']],
  localPaths: [['x']],
  minutes: [null],
  patch: [{}, U, DATE],
  bool: [true, false],
  refs: [[]],
  // Null clears an allocation's notes.
  notes: [null],
  // backups (issue 13): null turns retention off.
  keepNewest: [null],
  // ── incidents (issue 14) ── no kind means every kind; a null time, no bound.
  incidentKinds: [[]],
  epochMs: [null],
};

/** Channels whose `server` may be null (every server). */
const NULLABLE_SERVER: ReadonlySet<InvokeChannel> = new Set<InvokeChannel>(['incidents:list']);

function valuesFor(kind: Kind, huge: Encoded): Encoded[] {
  const valid = JSON.stringify(VALID_WRONG_TYPES[kind] ?? []);
  const wrong = WRONG_TYPES.filter((v) => !valid.includes(JSON.stringify(v)));
  return [...wrong, ...byKind(huge)[kind]];
}

interface Ctx {
  accountId: string;
  identifier: string;
  /** Own `__proto__` keys: only where the transport keeps them (see the IPC fuzz's doc comment). */
  withProtoKeys: boolean;
  /** Extra seeded two-field combinations per field-bearing channel. */
  combinations: number;
  /** Length of the oversized strings put in fields (a megabyte is always sent as a whole argument). */
  hugeBytes: number;
}

function casesOf(channel: InvokeChannel, template: Template, ctx: Ctx, random: () => number): HostileCase[] {
  const method = methodName(channel);
  const out: HostileCase[] = [];
  const bad = (args: Encoded[], why: string): void => void out.push({ channel, method, args, expect: 'invalid-argument', why });
  const huge = rep('a', ctx.hugeBytes);
  const [first] = template.args;
  bad([...template.args, 'extra'], 'an extra argument');
  bad([...template.args, huge], 'an extra huge argument');
  if (first === undefined) {
    for (const value of [U, null, {}, 'x', MEGABYTE]) bad([value], 'an argument where none is taken');
    return out;
  }
  bad([], 'the argument missing');
  const wholeValid = channel === 'settings:update' ? JSON.stringify(VALID_WRONG_TYPES.patch) : '[]';
  for (const value of [...WRONG_TYPES, MEGABYTE, rep('{', 100_000)]) {
    if (!wholeValid.includes(JSON.stringify(value))) bad([value], 'the argument of a wrong type');
  }
  for (const key of ['extra', ...POLLUTION_KEYS]) {
    if (key === '__proto__' && !ctx.withProtoKeys) continue;
    bad([own(key, POLLUTION, first as Record<string, Encoded>)], `an extra key ${key}`);
    if ('server' in (first as Record<string, Encoded>)) {
      const inner = own(key, POLLUTION, (first as Record<string, Encoded>).server as Record<string, Encoded>);
      bad([withField(first, ['server'], inner)], `an extra key ${key} in the server ref`);
    }
  }
  for (const field of template.fields) {
    if (field.kind !== 'patch') bad([withField(first, field.path, 'remove')], `${field.path.join('.')} missing`);
    for (const value of valuesFor(field.kind, huge))
      bad([field.kind === 'patch' ? value : withField(first, field.path, value)], `${field.path.join('.')} hostile`);
  }
  if (template.fields.some((f) => f.path[0] === 'server')) {
    // ── incidents (issue 14) ── the timeline's null server means every server.
    const takesNull = NULLABLE_SERVER.has(channel);
    for (const value of [...WRONG_TYPES, 'acc/1a2b3c4d']) {
      if (!(takesNull && value === null)) bad([withField(first, ['server'], value)], 'server ref of a wrong type');
    }
  }
  // Ids that are well-formed but name nothing real, prototype names among them.
  const idField = template.fields.find((f) => f.kind === 'id');
  if (idField) {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']) {
      out.push({ channel, method, args: [withField(first, idField.path, name)], expect: 'no-effect', why: `${idField.path.join('.')} = ${name}` });
    }
  }
  // Seeded pairs of hostile fields, for breadth.
  const fields = template.fields.filter((f) => f.kind !== 'patch');
  for (let i = 0; i < ctx.combinations && fields.length > 1; i++) {
    const [a, b] = [fields[Math.floor(random() * fields.length)], fields[Math.floor(random() * fields.length)]];
    if (!a || !b || a === b) continue;
    const [aValues, bValues] = [valuesFor(a.kind, huge), valuesFor(b.kind, huge)];
    const va = aValues[Math.floor(random() * aValues.length)] ?? null;
    const vb = bValues[Math.floor(random() * bValues.length)] ?? null;
    bad([withField(withField(first, a.path, va), b.path, vb)], `${a.path.join('.')} and ${b.path.join('.')} hostile`);
  }
  return out;
}

/** Every hostile case for every channel of the contract. */
export function hostileCases(ctx: Ctx): HostileCase[] {
  const all = templates(ctx.accountId, ctx.identifier);
  const random = seeded(20_240_601);
  return INVOKE_CHANNELS.flatMap((channel) => casesOf(channel, all[channel], ctx, random));
}

/** Rebuilds an encoded value in Node (the page has its own copy of this). */
export function decodeArg(value: Encoded): unknown {
  if (Array.isArray(value)) return value.map(decodeArg);
  if (value === null || typeof value !== 'object') return value;
  const tag = value.$t;
  if (tag === 'u') return undefined;
  if (tag === 'nan') return Number.NaN;
  if (tag === 'inf') return Number.POSITIVE_INFINITY;
  if (tag === 'big') return BigInt(String(value.v));
  if (tag === 'date') return new Date(Number(value.v));
  if (tag === 'rep') return String(value.s).repeat(Number(value.n));
  if (tag === 'own') {
    const out = decodeArg(value.o ?? {}) as Record<string, unknown>;
    Object.defineProperty(out, String(value.k), { value: decodeArg(value.v ?? null), enumerable: true, writable: true, configurable: true });
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    Object.defineProperty(out, key, { value: decodeArg(item), enumerable: true, writable: true, configurable: true });
  return out;
}
