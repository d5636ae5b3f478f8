/**
 * The control surface (SimControl): plain methods over the shared state, for tests and the demo.
 * `/__sim/*` (routes/control.ts) exposes the same methods over HTTP.
 */
import { simFiles } from './files/sim-files';
import { setBackupsFailing } from './state/backup-ledger';
import { EULA_FALSE } from './state/features';
import { OOM_EXIT_CODE } from './state/console';
import type { FaultRegistry, RequestLog } from './http/request-log';
import type { SimServer } from './state/servers';
import type { SimState } from './state/sim-state';
import type { SimControl, SimPowerState, SimServerSnapshot } from './types';
import type { TokenBook } from './wings/tokens';
import type { WingsNode } from './wings/wings-server';

/** What the control surface drives. */
export interface ControlDeps {
  state: SimState;
  log: RequestLog;
  faults: FaultRegistry;
  wings: WingsNode;
  tokens: TokenBook;
}

const STATES: readonly SimPowerState[] = ['offline', 'starting', 'running', 'stopping'];

function snapshot(server: SimServer, allPermissions: string[]): SimServerSnapshot {
  const primary = server.allocations.find((a) => a.isDefault) ?? server.allocations[0];
  return {
    identifier: server.identifier,
    uuid: server.uuid,
    internalId: server.internalId,
    name: server.name,
    node: server.node,
    state: server.state,
    status: server.status,
    isSuspended: server.status === 'suspended',
    isTransferring: server.isTransferring,
    isServerOwner: server.permissions === null,
    permissions: server.permissions ?? allPermissions,
    primaryAllocation: { ip: primary?.ip ?? '', port: primary?.port ?? 0 },
    limits: { memoryMib: server.limits.memory, diskMib: server.limits.disk, cpuPercent: server.limits.cpu },
    description: server.description,
    dockerImage: server.dockerImage,
    variables: { ...server.variableValues },
  };
}

type ServerControls = Pick<
  SimControl,
  | 'servers'
  | 'setState'
  | 'suspend'
  | 'setStatus'
  | 'setTransferring'
  | 'setPermissions'
  | 'setDockerImage'
  | 'crash'
  | 'emitConsole'
  | 'consoleLines'
  | 'requireEula'
  | 'failBackups'
  | 'files'
  | 'setFeatureLimits'
>;

/** The per-server half of the surface. */
function serverControls(state: SimState): ServerControls {
  return {
    servers: () => state.servers.map((s) => snapshot(s, state.permissionList)),
    setState: (id, next) => {
      if (!STATES.includes(next)) throw new TypeError(`sim: unknown state ${String(next)}`);
      state.power.force(state.require(id), next);
    },
    suspend: (id, on = true) => {
      const server = state.require(id);
      if (on) state.setStatus(server, 'suspended');
      else if (server.status === 'suspended') state.setStatus(server, null);
    },
    setStatus: (id, status) => state.setStatus(state.require(id), status),
    setTransferring: (id, on) => {
      state.require(id).isTransferring = on;
    },
    setPermissions: (id, permissions) => {
      state.require(id).permissions = permissions === null ? null : [...permissions];
    },
    setDockerImage: (id, image) => {
      state.require(id).dockerImage = image;
    },
    crash: (id, how) => {
      state.power.crash(state.require(id), how?.exitCode ?? (how?.isOutOfMemory ? OOM_EXIT_CODE : 1), how?.isOutOfMemory === true);
    },
    emitConsole: (id, line) => state.power.print(state.require(id), line),
    consoleLines: (id) => [...state.require(id).consoleLog],
    requireEula: (id) => {
      const server = state.require(id);
      if (!server.egg.features?.includes('eula')) throw new Error(`sim: server "${id}" does not run a Minecraft egg`);
      simFiles(state.tree(server), server.seed).write('/eula.txt', EULA_FALSE);
    },
    failBackups: (id, on) => setBackupsFailing(state.require(id), on),
    files: (id) => {
      const server = state.require(id);
      return simFiles(state.tree(server), server.seed);
    },
    setFeatureLimits: (id, limits) => {
      const server = state.require(id);
      for (const [key, value] of Object.entries(limits)) {
        if (!Number.isInteger(value) || value < 0) throw new RangeError(`sim: a feature limit is a whole number >= 0, not ${String(value)}`);
        server.featureLimits[key as keyof typeof server.featureLimits] = value;
      }
    },
  };
}

/** The node, auth, fault and counting half of the surface. */
function panelControls(deps: ControlDeps): Omit<SimControl, keyof ServerControls> {
  const { state } = deps;
  return {
    setNodeMaintenance: (on) => {
      state.nodeMaintenance = on;
    },
    setNodeReachable: async (on) => {
      state.nodeReachable = on;
      await deps.wings.setReachable(on, state.options.host);
    },
    revokeKey: () => {
      state.apiKey = null;
    },
    setApiKey: (key) => {
      state.apiKey = key;
    },
    setTwoFactorRequired: (on) => {
      state.twoFactorRequired = on;
    },
    setAllowedIp: (allowed) => {
      state.ipAllowed = allowed;
    },
    injectFault: (spec) => deps.faults.inject(spec),
    clearFaults: () => deps.faults.clear(),
    requestCount: (route) => deps.log.count(route),
    requestLog: () => deps.log.snapshot(),
    powerSignals: (server) => {
      const all = state.power.receivedSignals();
      return server === undefined ? all : all.filter((s) => s.identifier === state.require(server).identifier);
    },
    resetCounts: () => deps.log.reset(),
    expireTokens: (server) => {
      // Wings' denylist (wings PR #289, `DenyForServer`): tokens issued up to now are refused.
      deps.tokens.deny(server === undefined ? null : state.require(server).uuid);
    },
  };
}

/** Builds the control surface. */
export function createControl(deps: ControlDeps): SimControl {
  return { ...serverControls(deps.state), ...panelControls(deps) };
}
