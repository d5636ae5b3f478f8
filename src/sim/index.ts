/**
 * The simulated Pterodactyl (or Pelican) panel plus Wings: the demo panel of `pterotray sim` and
 * the backbone of integration tests and benchmarks. Plain Node (node:http + ws), 127.0.0.1,
 * random ports; faithful to /work/shared/pterodactyl-api.md. See README.md for the details.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createControl } from './control';
import { createPanelHandler } from './http/panel-server';
import { RateLimiter, WindowLimiter } from './http/rate-limit';
import { FaultRegistry, RequestLog } from './http/request-log';
import type { PanelRoute } from './http/route-types';
import { Router } from './http/router';
import { resolveOptions } from './options';
import { accountRoutes } from './routes/account';
import { scheduleRoutes } from './routes/schedules-write';
import { backupWriteRoutes } from './routes/backups-write';
import { createControlHandler } from './routes/control';
import { databaseWriteRoutes } from './routes/databases-write';
import { extraRoutes } from './routes/extras';
import { fileReadRoutes } from './routes/files-read';
import { fileWriteRoutes } from './routes/files-write';
import { networkWriteRoutes } from './routes/network-write';
import { serverListRoutes } from './routes/server-list';
import { serverRoutes } from './routes/server';
import { userRoutes } from './routes/users-write';
import { startupWriteRoutes } from './routes/startup-write';
import { SimState } from './state/sim-state';
import type { SimPanel, SimPanelOptions } from './types';
import { TokenBook } from './wings/tokens';
import { WingsNode } from './wings/wings-server';

export type * from './types';
export { ODD_FILE_NAMES, HUGE_LOG_PATH } from './files/seed-tree';
export { CONFLICT_DETAILS } from './state/sim-state';
export { createRemoteControl } from './remote-control';

function buildRouter(tokens: TokenBook): Router<PanelRoute> {
  return new Router<PanelRoute>().add(
    ...serverListRoutes,
    ...accountRoutes,
    ...serverRoutes(tokens),
    ...fileReadRoutes(tokens),
    ...fileWriteRoutes,
    ...extraRoutes,
    ...backupWriteRoutes(tokens),
    // ── backups (issue 13) ──
    // ── schedules (issue 13) ──
    ...scheduleRoutes,
    // ── startup (issue 13) ──
    ...startupWriteRoutes,
    // ── databases (issue 13) ──
    ...databaseWriteRoutes,
    // ── network (issue 13) ──
    ...networkWriteRoutes,
    // ── users (issue 13) ──
    ...userRoutes,
    // ── activity (issue 13) ──
  );
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Tracks a listener's sockets so `close()` can drop keep-alive connections at once. */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** A function that runs `fn` the first time and returns that same promise afterwards. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= fn());
}

/** Starts the panel and its node; resolves once both listen. */
export async function startSimPanel(options?: SimPanelOptions): Promise<SimPanel> {
  const resolved = resolveOptions(options);
  const state = new SimState(resolved);
  const log = new RequestLog();
  const faults = new FaultRegistry();
  const limiter = new RateLimiter(resolved.rateLimitPerMinute, state.clock);
  const tokens = new TokenBook(state);
  const wings = new WingsNode({ state, tokens, log, faults });
  const control = createControl({ state, log, faults, wings, tokens });
  const panel = createServer(
    createPanelHandler({
      state,
      router: buildRouter(tokens),
      log,
      faults,
      limiter,
      routeLimiter: new WindowLimiter(state.clock),
      control: createControlHandler(control, state),
    }),
  );
  const sockets = trackSockets(panel);
  try {
    state.panelUrl = `http://${resolved.host}:${await listen(panel, resolved.port, resolved.host)}`;
    state.wingsUrl = await wings.listen(resolved.host, resolved.transferPort);
  } catch (error) {
    panel.close();
    await state.dispose();
    throw error;
  }
  const close = once(async () => {
    state.timers.clearAll();
    await wings.shutdown();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => panel.close(() => resolve()));
    await state.dispose();
  });
  return {
    url: state.panelUrl,
    wingsUrl: state.wingsUrl,
    get apiKey() {
      return state.apiKey ?? state.controlKey;
    },
    control,
    close,
  };
}
