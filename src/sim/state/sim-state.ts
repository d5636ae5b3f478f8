/**
 * Everything the panel, Wings and the control surface share: the servers, the node's flags, the
 * key, the event bus, timers and the spill store. One instance per running sim.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/util/deps';
import { BlobStore } from '../files/blobs';
import { buildSeedTree } from '../files/seed-tree';
import { readContent } from '../files/content';
import { FileTree } from '../files/tree';
import type { ResolvedOptions } from '../options';
import type { SimServerStatus } from '../types';
import { TimerSet } from '../util/timers';
import { START_DAEMON_LINES, daemonLine } from './console';
import { ServerEvents } from './events';
import { allPermissions } from './permissions';
import { PowerController } from './power';
import { generateServers } from './servers';
import { prefixedIdentifier } from '../util/identifiers';
import type { SimServer } from './servers';

/** The exact 409 details of `ServerStateConflictException` (§2.3), in the panel's precedence. */
export const CONFLICT_DETAILS = {
  suspended: 'This server is currently suspended and the functionality requested is unavailable.',
  maintenance: 'The node of this server is currently under maintenance and the functionality requested is unavailable.',
  installing: 'This server has not yet completed its installation process, please try again later.',
  restoring: 'This server is currently restoring from a backup, please try again later.',
  transferring: 'This server is currently being transferred to a new machine, please try again later.',
} as const;

/** An internal frame (never sent): sockets of a server that gets suspended close with 4409. */
export const SUSPENDED_FRAME = '__sim suspended';

/** The shared state of one sim. */
export class SimState {
  readonly clock: Clock;
  readonly servers: SimServer[];
  readonly bus = new ServerEvents();
  readonly timers: TimerSet;
  readonly blobs = new BlobStore();
  readonly power: PowerController;
  /** HS256 secret of the node (websocket and signed-URL JWTs). */
  readonly jwtSecret = randomBytes(32);
  /** The key `/__sim/*` accepts even after `revokeKey()` / `setApiKey()`. */
  readonly controlKey: string;
  readonly permissionList: string[];
  /** The valid client key; null once revoked. */
  apiKey: string | null;
  twoFactorRequired = false;
  ipAllowed = true;
  nodeMaintenance = false;
  nodeReachable = true;
  panelUrl = '';
  wingsUrl = '';
  private readonly lookup = new Map<string, SimServer>();

  constructor(readonly options: ResolvedOptions) {
    this.clock = options.clock;
    this.timers = new TimerSet(options.clock);
    this.apiKey = options.apiKey;
    this.controlKey = options.apiKey;
    this.permissionList = allPermissions(options.flavor);
    this.servers = generateServers({ count: options.servers, seed: options.seed, nowMs: this.clock.now(), allPermissions: this.permissionList });
    for (const server of this.servers) {
      // Every form a route takes (panel PR #5548: the prefixed identifier, the uuid, the short one).
      if (options.serverIdentifiers === 'prefixed') server.identifier = prefixedIdentifier('serv', server.uuid);
      this.lookup.set(server.identifier, server);
      this.lookup.set(server.uuid, server);
      this.lookup.set(server.uuid.slice(0, 8), server);
      // A server that is already up has printed its boot log, so `send logs` has a backlog.
      if (server.state === 'running') {
        server.consoleLog.push(...START_DAEMON_LINES.map((line) => daemonLine(options.flavor, line)), ...server.egg.bootLines, server.egg.readyLine);
      }
    }
    this.power = new PowerController({
      bus: this.bus,
      timers: this.timers,
      clock: this.clock,
      tickMs: options.tickMs,
      flavor: options.flavor,
      crashTimeoutMs: options.crashTimeoutMs,
      crashDetection: options.crashDetection,
      featureMatch: options.featureMatch,
      eulaText: (server) => {
        const node = this.tree(server).get('/eula.txt');
        return node?.kind === 'file' ? readContent(node.content).toString('utf8') : null;
      },
    });
  }

  /** A server by identifier or uuid. */
  find(id: string): SimServer | null {
    return this.lookup.get(id) ?? null;
  }

  /** Like `find`, for the control surface: an unknown id is a programming error there. */
  require(id: string): SimServer {
    const server = this.find(id);
    if (!server) throw new Error(`sim: no server "${id}"`);
    return server;
  }

  /** The server's file tree, built on first access. */
  tree(server: SimServer): FileTree {
    server.tree ??= new FileTree(
      buildSeedTree({ seed: server.seed, egg: server.egg, serverName: server.name, bigFolderEntries: this.options.bigFolderEntries }),
      this.clock,
      this.blobs,
    );
    return server.tree;
  }

  /** The 409 detail when the server is in a conflict state, else null. */
  conflictDetail(server: SimServer): string | null {
    if (server.status === 'suspended') return CONFLICT_DETAILS.suspended;
    if (this.nodeMaintenance) return CONFLICT_DETAILS.maintenance;
    if (server.status === 'installing' || server.status === 'install_failed') return CONFLICT_DETAILS.installing;
    if (server.status === 'restoring_backup') return CONFLICT_DETAILS.restoring;
    if (server.isTransferring) return CONFLICT_DETAILS.transferring;
    return null;
  }

  /** Sets `status`, publishing what Wings would (install and restore events, §5.4). */
  setStatus(server: SimServer, status: SimServerStatus): void {
    const previous = server.status;
    if (previous === status) return;
    server.status = status;
    // A suspension closes the sockets before the server is stopped (Sync cancels them, then the
    // stop runs in a goroutine: wings server/server.go, server/update.go); 1.11 keeps them open.
    if (status === 'suspended') this.bus.publish(server.uuid, { event: SUSPENDED_FRAME });
    if (status === 'suspended' || status === 'installing' || status === 'restoring_backup') this.power.stopNow(server);
    if (status === 'installing') this.bus.publish(server.uuid, { event: 'install started', args: [''] });
    if (previous === 'installing' && status !== 'installing') this.bus.publish(server.uuid, { event: 'install completed', args: [''] });
    if (previous === 'restoring_backup') this.bus.publish(server.uuid, { event: 'backup restore completed', args: [''] });
  }

  /** Stops every timer and releases every spill file. */
  async dispose(): Promise<void> {
    this.timers.clearAll();
    for (const server of this.servers) server.tree?.dispose();
    await this.blobs.close();
  }
}
