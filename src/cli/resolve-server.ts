/**
 * `<server>` on the command line: an identifier, a uuid, or a name a person remembers. Exact
 * matches win over prefixes so a server called "Lobby" is reachable even next to "Lobby 2".
 */
import type { ClientApi } from '../core/api/client-types';
import type { Server } from '../core/api/models';
import { UsageError } from './args';
import type { CommandContext } from './context';

/**
 * Picks the one server `query` means: identifier or uuid (case-insensitive), then exact name
 * (case-insensitive), then a unique name prefix. Throws UsageError when none or several match.
 */
export function matchServer(servers: readonly Server[], query: string, command: string): Server {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') throw new UsageError('the server argument is empty', command);
  const byId = servers.find((s) => s.identifier.toLowerCase() === wanted || s.uuid?.toLowerCase() === wanted);
  if (byId !== undefined) return byId;
  for (const matches of [servers.filter((s) => s.name.toLowerCase() === wanted), servers.filter((s) => s.name.toLowerCase().startsWith(wanted))]) {
    if (matches.length === 1 && matches[0] !== undefined) return matches[0];
    if (matches.length > 1) throw new UsageError(ambiguousMessage(query, matches), command);
  }
  throw new UsageError(`no server matches '${query}' (try 'pterotray servers')`, command);
}

/** Lists every server of the panel and picks the one `query` means. */
export async function resolveServer(client: ClientApi, query: string, options: { command: string; signal?: AbortSignal }): Promise<Server> {
  const servers = await client.listServers(undefined, { signal: options.signal });
  return matchServer(servers, query, options.command);
}

/** The command's panel client and the server its argument names: the first step of every per-server command. */
export async function withServer(ctx: Pick<CommandContext, 'client' | 'command' | 'signal'>, query: string): Promise<{ client: ClientApi; server: Server }> {
  const client = await ctx.client();
  const server = await resolveServer(client, query, { command: ctx.command, signal: ctx.signal });
  return { client, server };
}

const MAX_LISTED = 10;

function ambiguousMessage(query: string, matches: readonly Server[]): string {
  const listed = matches.slice(0, MAX_LISTED).map((s) => `${s.identifier} (${s.name})`);
  const more = matches.length > MAX_LISTED ? `, and ${matches.length - MAX_LISTED} more` : '';
  return `'${query}' matches ${matches.length} servers: ${listed.join(', ')}${more}; use an identifier`;
}
