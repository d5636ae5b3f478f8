/**
 * A SimControl-shaped client for `/__sim/*`, for tests that drive a sim started by another
 * process (the CLI's `pterotray sim`, a child process in an e2e test). Every method is async.
 */
import type { SimControl, SimFiles } from './types';

type Promisified<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** The remote control surface; `files(server)` returns the remote file view. */
export type RemoteSimControl = Omit<Promisified<SimControl>, 'files'> & {
  files(server: string): Omit<Promisified<SimFiles>, 'createReadStream'>;
};

function encodeArg(value: unknown): unknown {
  if (value instanceof RegExp) return { regex: value.source, flags: value.flags };
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (value && typeof value === 'object' && 'route' in value && (value as { route: unknown }).route instanceof RegExp) {
    return { ...value, route: encodeArg((value as { route: RegExp }).route) };
  }
  return value;
}

/** Connects to a sim's control API at `panelUrl` with its API key. */
export function createRemoteControl(panelUrl: string, apiKey: string): RemoteSimControl {
  const call = async (path: string, args: unknown[]): Promise<unknown> => {
    const response = await fetch(`${panelUrl}/__sim/${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ args: args.map(encodeArg) }),
    });
    const body = (await response.json()) as { result?: unknown; error?: string };
    if (!response.ok) throw new Error(`sim control ${path}: ${body.error ?? response.status}`);
    return body.result;
  };
  const files = (server: string): RemoteSimControl extends { files(s: string): infer F } ? F : never =>
    new Proxy({} as never, {
      // `then` must stay undefined, or awaiting the proxy would call the sim.
      get: (_target, op: string) =>
        op === 'then'
          ? undefined
          : async (...args: unknown[]) => {
              const result = await call(`files/${op}`, [server, ...args]);
              return op === 'read' ? Buffer.from(String(result), 'base64') : result;
            },
    });
  return new Proxy({} as RemoteSimControl, {
    get: (_target, method: string) => (method === 'then' ? undefined : method === 'files' ? files : (...args: unknown[]) => call(method, args)),
  });
}
