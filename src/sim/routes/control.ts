/**
 * `/__sim/*`: the control surface over HTTP, for tests in another process (see README). Each
 * SimControl method is `POST /__sim/<method>` with `{"args": [...]}` and answers `{"result": …}`;
 * `files(server).<op>(...)` is `POST /__sim/files/<op>` with the server first in `args`.
 * Guarded by the sim's original API key (or the current one), so a revoked key can be restored.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimState } from '../state/sim-state';
import type { SimControl, SimFiles } from '../types';

type Json = unknown;

const CONTROL_METHODS = new Set([
  'servers',
  'setState',
  'suspend',
  'setStatus',
  'setTransferring',
  'setNodeMaintenance',
  'setNodeReachable',
  'setPermissions',
  'setDockerImage',
  'crash',
  'emitConsole',
  'consoleLines',
  'requireEula',
  'failBackups',
  'revokeKey',
  'setApiKey',
  'setTwoFactorRequired',
  'setAllowedIp',
  'injectFault',
  'clearFaults',
  'requestCount',
  'requestLog',
  'powerSignals',
  'resetCounts',
  'expireTokens',
]);
const FILE_METHODS = new Set(['exists', 'stat', 'list', 'read', 'readText', 'write', 'mkdir', 'remove', 'createLarge', 'sha256']);
const GET_METHODS = new Set(['servers', 'requestLog', 'requestCount']);

/** `{regex, flags}` in JSON stands for a RegExp route spec. */
function reviveRoute(value: Json): Json {
  if (value && typeof value === 'object' && 'regex' in value) {
    const { regex, flags } = value as { regex: string; flags?: string };
    return new RegExp(regex, flags);
  }
  return value;
}

function reviveArgs(method: string, args: Json[]): Json[] {
  if (method === 'requestCount') return [reviveRoute(args[0])];
  if (method === 'injectFault' && args[0] && typeof args[0] === 'object') {
    const spec = args[0] as { route?: Json };
    return [{ ...spec, route: reviveRoute(spec.route) }];
  }
  return args;
}

async function readJson(req: IncomingMessage): Promise<{ args?: Json[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as { args?: Json[] }) : {};
}

function reply(res: ServerResponse, status: number, body: Json): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

async function callFiles(control: SimControl, op: string, args: Json[]): Promise<Json> {
  const [server, ...rest] = args;
  const files = control.files(String(server));
  if (op === 'read') return files.read(String(rest[0])).toString('base64');
  if (op === 'write') {
    const data = rest[1] as string | { base64: string };
    return files.write(String(rest[0]), typeof data === 'string' ? data : Buffer.from(data.base64, 'base64'));
  }
  const fn = files[op as keyof SimFiles] as (...a: Json[]) => Json;
  return await fn(...rest);
}

/** The `/__sim/*` handler. */
export function createControlHandler(control: SimControl, state: SimState): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  return async (req, res, url) => {
    const key = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
    if (!key || (key !== state.controlKey && key !== state.apiKey)) return reply(res, 401, { error: "The sim control API needs the sim's API key." });
    const [, , area, op] = url.pathname.split('/');
    const method = req.method ?? 'GET';
    try {
      const body = method === 'GET' ? { args: url.searchParams.has('route') ? [url.searchParams.get('route')] : [] } : await readJson(req);
      const args = Array.isArray(body.args) ? body.args : [];
      if (area === 'files' && op && FILE_METHODS.has(op) && method === 'POST') return reply(res, 200, { result: (await callFiles(control, op, args)) ?? null });
      if (!area || !CONTROL_METHODS.has(area) || (method === 'GET' && !GET_METHODS.has(area)) || (method !== 'GET' && method !== 'POST')) {
        return reply(res, 404, { error: `No control method ${method} ${url.pathname}.` });
      }
      const fn = control[area as keyof SimControl] as (...a: Json[]) => Json;
      return reply(res, 200, { result: (await fn(...reviveArgs(area, args))) ?? null });
    } catch (error) {
      return reply(res, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}
