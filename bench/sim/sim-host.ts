/**
 * The sim host: a child process that runs the simulated panels, so their CPU and memory are not
 * counted as the watcher's (and the two use both cores). Started by sim-fleet.ts; speaks
 * host-protocol.ts over the fork IPC channel and closes everything when the parent goes away.
 */
import { startSimPanel, type SimPanel } from '../../src/sim';
import { ownUsage, type HostReply, type HostRequest } from './host-protocol';

let panels: SimPanel[] = [];
let closing: Promise<void> | null = null;

function reply(message: HostReply): void {
  process.send?.(message);
}

function closeAll(): Promise<void> {
  closing ??= Promise.all(panels.map((panel) => panel.close())).then(() => undefined);
  return closing;
}

async function handle(request: HostRequest): Promise<void> {
  if (request.type === 'start') {
    try {
      panels = await Promise.all(request.panels.map((options) => startSimPanel(options)));
      reply({ type: 'started', panels: panels.map((p) => ({ url: p.url, wingsUrl: p.wingsUrl, apiKey: p.apiKey })) });
    } catch (error) {
      reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  } else if (request.type === 'usage') {
    reply({ type: 'usage', usage: ownUsage() });
  } else {
    await closeAll();
    reply({ type: 'closed' });
    process.disconnect();
  }
}

process.on('message', (message) => void handle(message as HostRequest));
// The bench died or forgot us: leave no listener behind.
process.on('disconnect', () => void closeAll());
