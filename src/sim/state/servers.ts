/**
 * The servers of the sim and how they are made up from the seed: names, uuids, limits,
 * allocations, which ones run, which ones the key's user only sub-uses.
 */
import type { FileTree } from '../files/tree';
import type { CreatedBackup } from './backups';
import type { SimPowerState, SimServerStatus } from '../types';
import { SeededRandom, mixSeed } from '../util/random';
import { EGGS } from './eggs';
import type { EggProfile } from './eggs';

/** One allocation (§4.4). */
export interface SimAllocation {
  id: number;
  ip: string;
  ipAlias: string | null;
  port: number;
  notes: string | null;
  isDefault: boolean;
}

/** A server's whole state. Mutated only through SimState, the power controller and the routes. */
export interface SimServer {
  index: number;
  internalId: number;
  uuid: string;
  identifier: string;
  name: string;
  description: string;
  node: string;
  egg: EggProfile;
  dockerImage: string;
  limits: { memory: number; swap: number; disk: number; io: number; cpu: number; threads: string | null; oomDisabled: boolean };
  featureLimits: { databases: number; allocations: number; backups: number };
  allocations: SimAllocation[];
  variableValues: Record<string, string>;
  /** Null: the key's user owns the server (`*`). A list: a subuser with those permissions. */
  permissions: string[] | null;
  state: SimPowerState;
  status: SimServerStatus;
  isTransferring: boolean;
  /** When the container started (uptime); null while offline. */
  startedAtMs: number | null;
  /** Seed of this server's own random streams (stats, files, extras). */
  seed: number;
  /** Memory use while running, as a fraction of the limit. */
  memoryLevel: number;
  cpuBase: number;
  baseDiskBytes: number;
  rxBytesPerSec: number;
  txBytesPerSec: number;
  /** The last console lines (Wings' `websocket_log_count`, 150). */
  consoleLog: string[];
  /** Wings' `crasher.LastCrashTime()`: when it last restarted this server after a crash. */
  lastCrashAtMs: number | null;
  tree: FileTree | null;
  /** Backups made through `POST /backups`, oldest first (state/backups.ts). */
  createdBackups: CreatedBackup[];
  resourcesCache: { atMs: number; body: unknown } | null;
}

const ADJECTIVES = ['Cozy', 'Hardcore', 'Modded', 'Vanilla', 'Creative', 'Pixel', 'Ancient', 'Frosty', 'Sunny', 'Midnight', 'Classic', 'Weekend'];
const NOUNS = ['Survival', 'Skyblock', 'Factions', 'Lobby', 'Minigames', 'Prison', 'Towny', 'Adventure', 'Realm', 'Outpost', 'Haven', 'Frontier'];
const MEMORY_CHOICES_MIB = [1024, 2048, 4096, 6144, 8192];

/** What server generation depends on. */
export interface GenerateOptions {
  count: number;
  seed: number;
  nowMs: number;
  allPermissions: string[];
}

function uniqueName(random: SeededRandom, egg: EggProfile, used: Map<string, number>): string {
  const base = egg.name === 'Paper' ? `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}` : `${random.pick(ADJECTIVES)} ${egg.name}`;
  const seen = used.get(base) ?? 0;
  used.set(base, seen + 1);
  return seen === 0 ? base : `${base} ${seen + 1}`;
}

function makeAllocations(index: number, random: SeededRandom): SimAllocation[] {
  const primary: SimAllocation = { id: index * 2 + 1, ip: '10.0.0.5', ipAlias: null, port: 25565 + index, notes: null, isDefault: true };
  if (random.next() < 0.5) return [primary];
  return [primary, { id: index * 2 + 2, ip: '10.0.0.5', ipAlias: null, port: 35565 + index, notes: 'query', isDefault: false }];
}

function makeServer(index: number, options: GenerateOptions, used: Map<string, number>): SimServer {
  const seed = mixSeed(options.seed, index);
  const random = new SeededRandom(seed);
  const uuid = random.uuid();
  const egg = EGGS[index % EGGS.length] ?? EGGS[0]!;
  const memory = random.pick(MEMORY_CHOICES_MIB);
  const isRunning = index % 3 !== 1;
  return {
    index,
    internalId: index + 1,
    uuid,
    identifier: uuid.slice(0, 8),
    name: uniqueName(random, egg, used),
    description: index % 2 === 0 ? "Managed by Pterotray's simulated panel." : '',
    node: 'Node 1',
    egg,
    dockerImage: Object.values(egg.dockerImages)[0] ?? '',
    limits: { memory, swap: 0, disk: memory * 5, io: 500, cpu: random.pick([100, 200, 300, 400]), threads: null, oomDisabled: true },
    featureLimits: { databases: 2, allocations: 3, backups: 5 },
    allocations: makeAllocations(index, random),
    variableValues: Object.fromEntries(egg.variables.map((v) => [v.envVariable, v.defaultValue])),
    permissions: index % 5 === 4 ? [...options.allPermissions] : null,
    state: isRunning ? 'running' : 'offline',
    status: null,
    isTransferring: false,
    startedAtMs: isRunning ? options.nowMs - random.int(60, 86_400) * 1000 : null,
    seed,
    memoryLevel: 0.25 + random.next() * 0.5,
    cpuBase: 5 + random.next() * 40,
    baseDiskBytes: random.int(200, 3000) * 1024 * 1024,
    rxBytesPerSec: random.int(2_000, 60_000),
    txBytesPerSec: random.int(1_000, 40_000),
    consoleLog: [],
    lastCrashAtMs: null,
    tree: null,
    createdBackups: [],
    resourcesCache: null,
  };
}

/** Makes `count` servers; the same seed always gives the same servers. */
export function generateServers(options: GenerateOptions): SimServer[] {
  const used = new Map<string, number>();
  return Array.from({ length: options.count }, (_, index) => makeServer(index, options, used));
}
