/**
 * The bench's side of the sim host: starts the child, the panels in it, and a remote control for
 * each (`/__sim/*` over loopback). Everything it starts stops in `close()`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRemoteControl, type RemoteSimControl } from '../../src/sim/remote-control';
import type { HostReply, HostRequest, HostedPanel, HostedPanelOptions, ProcessUsage } from './host-protocol';

/** One running panel as the bench uses it. */
export interface FleetPanel extends HostedPanel {
  index: number;
  control: RemoteSimControl;
  /** The panel's rate limit, requests a minute. */
  limitPerMinute: number;
  serverCount: number;
}

const HOST = fileURLToPath(new URL('./sim-host.ts', import.meta.url));
const REGISTER = new URL('../register.mjs', import.meta.url).href;
const CLOSE_DEADLINE_MS = 15_000;

/** `total` servers over `panels` panels, as evenly as possible (the first ones get the rest). */
export function splitServers(total: number, panels: number): number[] {
  const base = Math.floor(total / panels);
  return Array.from({ length: panels }, (_, i) => base + (i < total % panels ? 1 : 0));
}

/** The rate limit a panel started with these options enforces (the sim's defaults, src/sim/README.md "Versions"). */
export function limitOf(options: HostedPanelOptions): number {
  if (options.rateLimitPerMinute !== undefined) return options.rateLimitPerMinute;
  if (options.version !== undefined) return options.version === 'pterodactyl-1.11' ? 720 : 256;
  return options.flavor === 'pelican' ? 256 : 720;
}

const SIM_VERSIONS: readonly string[] = ['pterodactyl-1.11', 'pterodactyl-1.12', 'pelican'];

/**
 * `version` from SIM_VERSION for every panel that sets none, so a whole bench run can imitate one
 * release (`SIM_VERSION=pelican npm run bench`); nothing when unset (the demo panel's defaults).
 */
export function withEnvVersion(panels: HostedPanelOptions[], env: string | undefined = process.env.SIM_VERSION): HostedPanelOptions[] {
  const version = env?.trim() ?? '';
  if (version === '') return panels;
  if (!SIM_VERSIONS.includes(version))
    throw new Error(`SIM_VERSION="${version}" is not a sim version: use one of ${SIM_VERSIONS.join(', ')}, or leave it unset.`);
  return panels.map((panel) => ({ version: version as HostedPanelOptions['version'], ...panel }));
}

/** Simulated panels in a child process. */
export class SimFleet {
  private readonly waiting: Array<(reply: HostReply) => void> = [];
  private closed: Promise<void> | null = null;
  panels: FleetPanel[] = [];

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message) => this.waiting.shift()?.(message as HostReply));
    child.on('exit', () => {
      for (const waiter of this.waiting.splice(0)) waiter({ type: 'failed', message: 'the sim host exited' });
    });
  }

  /** Starts the host and one panel per entry of `panels`. */
  static async start(requested: HostedPanelOptions[]): Promise<SimFleet> {
    const panels = withEnvVersion(requested);
    const child = fork(HOST, [], { execArgv: ['--import', REGISTER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const fleet = new SimFleet(child);
    const reply = await fleet.request({ type: 'start', panels });
    if (reply.type !== 'started') {
      await fleet.close();
      throw new Error(`the sim host did not start: ${reply.type === 'failed' ? reply.message : reply.type}`);
    }
    fleet.panels = reply.panels.map((panel, index) => ({
      ...panel,
      index,
      control: createRemoteControl(panel.url, panel.apiKey),
      limitPerMinute: limitOf(panels[index] ?? {}),
      serverCount: panels[index]?.servers ?? 6,
    }));
    return fleet;
  }

  /** The host's process id, for /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The host's CPU time and memory so far. */
  async usage(): Promise<ProcessUsage | null> {
    const reply = await this.request({ type: 'usage' });
    return reply.type === 'usage' ? reply.usage : null;
  }

  /** Closes every panel, then the host; kills it if it does not go in time. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const deadline = setTimeout(() => this.child.kill('SIGKILL'), CLOSE_DEADLINE_MS);
    try {
      if (this.child.connected) await this.request({ type: 'close' });
      await exited;
    } finally {
      clearTimeout(deadline);
    }
  }

  private request(message: HostRequest): Promise<HostReply> {
    return new Promise((resolve) => {
      if (!this.child.connected) {
        resolve({ type: 'failed', message: 'the sim host is not running' });
        return;
      }
      this.waiting.push(resolve);
      this.child.send(message);
    });
  }
}
