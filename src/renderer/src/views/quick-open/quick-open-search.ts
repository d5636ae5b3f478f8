/**
 * The quick-open search's matching (issue 15), pure: a server by its name first, then by its
 * identifier, node or panel. Every word of the query must match; names that start with it lead.
 */
import type { AccountView, ServerView } from '../../../../shared/types';

export interface QuickOpenMatch {
  server: ServerView;
  panelName: string;
}

/** How many results the list shows: more than this and the person should type another letter. */
export const QUICK_OPEN_LIMIT = 50;

const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** 0 for a name that starts with the query, 1 for a word of the name, 2 anywhere in the name, 3 elsewhere; null: no match. */
function rank(server: ServerView, panelName: string, words: readonly string[], query: string): number | null {
  const name = fold(server.name);
  const rest = fold(`${server.identifier} ${server.node} ${panelName}`);
  if (!words.every((w) => name.includes(w) || rest.includes(w))) return null;
  if (name.startsWith(query)) return 0;
  if (name.split(/[\s_\-.]+/).some((part) => part.startsWith(words[0] ?? ''))) return 1;
  return words.every((w) => name.includes(w)) ? 2 : 3;
}

/** The servers that match `query`, best first, then by name; all of them (by name) for an empty query. */
export function quickOpenMatches(servers: readonly ServerView[], accounts: readonly AccountView[], query: string, limit = QUICK_OPEN_LIMIT): QuickOpenMatch[] {
  const q = fold(query.trim());
  const words = q.split(/\s+/).filter(Boolean);
  const panelName = (id: string): string => accounts.find((a) => a.id === id)?.name ?? '';
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return servers
    .map((server) => ({ server, panelName: panelName(server.accountId), rank: rank(server, panelName(server.accountId), words, q) }))
    .filter((m): m is QuickOpenMatch & { rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || collator.compare(a.server.name, b.server.name))
    .slice(0, limit)
    .map(({ server, panelName: panel }) => ({ server, panelName: panel }));
}
