/**
 * An in-memory ClientApi for in-process CLI tests: the methods a test gives, and for the rest a
 * rejection naming the method, so a test that calls something unexpected fails loudly.
 */
import type { ClientApi, RateLimitInfo } from '../../src/core/api/client-types';
import type { Server } from '../../src/core/api/models';
import { PanelError } from '../../src/core/api/errors';

/** A ClientApi plus `dispose` (as the CLI's factory returns) and a log of method calls. */
export type FakeClient = ClientApi & { dispose(): void; calls: string[]; disposed: boolean };

/** Builds a fake; `overrides` supply the behaviour a test needs. */
export function createFakeClient(overrides: Partial<ClientApi> = {}, url = 'http://panel.test'): FakeClient {
  const calls: string[] = [];
  const rateLimit: RateLimitInfo = { limitPerMinute: 720, remaining: 720, blockedUntilMs: null };
  const state = { disposed: false };
  const base: Record<string, unknown> = { url, rateLimit: () => rateLimit };
  const handler: ProxyHandler<Record<string, unknown>> = {
    get(target, prop) {
      if (prop === 'calls') return calls;
      if (prop === 'disposed') return state.disposed;
      if (prop === 'dispose') return () => (state.disposed = true);
      // `then` is probed when the client is returned from an async function: not a thenable.
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      const own = (overrides as Record<string, unknown>)[prop] ?? target[prop];
      if (own !== undefined) {
        if (typeof own !== 'function') return own;
        return (...args: unknown[]) => {
          calls.push(prop);
          return (own as (...a: unknown[]) => unknown)(...args);
        };
      }
      return () => Promise.reject(new Error(`fake client: ${prop} was not expected`));
    },
  };
  return new Proxy(base, handler) as unknown as FakeClient;
}

/** A normalised server with sensible defaults. */
export function fakeServer(partial: Partial<Server> & { identifier: string; name: string }): Server {
  return {
    uuid: `${partial.identifier}-0000-4000-8000-000000000000`,
    internalId: 1,
    node: 'Node 1',
    description: null,
    isOwner: true,
    status: null,
    isSuspended: false,
    isInstalling: false,
    isTransferring: false,
    isNodeUnderMaintenance: false,
    sftp: null,
    limits: { memoryMib: 1024, swapMib: 0, diskMib: 2048, io: 500, cpuPercent: 100, threads: null, oomDisabled: true },
    featureLimits: { databases: 0, allocations: 0, backups: 0 },
    invocation: null,
    dockerImage: null,
    eggFeatures: [],
    allocations: [],
    ...partial,
  };
}

/** The 409 the panel gives for a suspended server, as the client reports it. */
export function suspendedError(): PanelError {
  return new PanelError({
    kind: 'conflict',
    status: 409,
    conflictReason: 'suspended',
    detail: 'This server is currently suspended and the functionality requested is unavailable.',
  });
}
