/**
 * The incident timeline on disk (issue 14, part 2), in the store's one SQLite file: an incident is
 * kept once (by its id), read back newest first by time, server, account, kind and words, and
 * pruned after RETENTION_MS, as long as the history keeps its 15-minute rollups.
 */
import type { Database } from '../store/database';
import { serverKey } from '../../shared/server-key';
import type { CrashDetail, Incident, IncidentKind, IncidentSeverity } from './types';

/** How long incidents are kept: the history's longest tier (90 days). */
export const RETENTION_MS = 90 * 24 * 60 * 60_000;
/** The most incidents one query returns. */
export const MAX_PAGE = 500;

/** What to read. Every field narrows; none given reads the newest of everything. */
export interface IncidentQuery {
  accountId?: string;
  /** With `accountId`: one server. */
  identifier?: string;
  /** Several servers (`accountId/identifier` keys); any of them matches. */
  servers?: readonly string[];
  kinds?: readonly IncidentKind[];
  fromMs?: number;
  /** Exclusive: for the next page pass the oldest `at` of the last one. */
  toMs?: number;
  /** Words that must all appear (case-insensitive) in the names, title, detail or actor. */
  text?: string;
  /** Default 100, at most MAX_PAGE. */
  limit?: number;
}

interface Row {
  id: string;
  at_ms: number;
  kind: string;
  severity: string;
  account_id: string;
  account_name: string;
  identifier: string | null;
  server_name: string | null;
  node: string | null;
  title: string;
  detail: string;
  actor: string | null;
  source: string;
  crash: string | null;
}

function searchText(i: Incident): string {
  return [i.accountName, i.server?.name, i.server?.identifier, i.node, i.title, i.detail, i.actor, i.kind, ...(i.crash?.lastLines ?? [])]
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .toLowerCase();
}

function incidentOf(row: Row): Incident {
  return {
    id: row.id,
    at: row.at_ms,
    kind: row.kind as IncidentKind,
    severity: row.severity as IncidentSeverity,
    accountId: row.account_id,
    accountName: row.account_name,
    server: row.identifier === null ? null : { identifier: row.identifier, name: row.server_name ?? row.identifier },
    node: row.node,
    title: row.title,
    detail: row.detail,
    actor: row.actor,
    source: row.source === 'panel' ? 'panel' : 'app',
    crash: row.crash === null ? null : (JSON.parse(row.crash) as CrashDetail),
  };
}

export class IncidentStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Stores the incident unless one with its id is kept; true when it was new. */
  add(incident: Incident): boolean {
    const result = this.#db
      .prepare(
        `INSERT INTO incidents_log (id, at_ms, kind, severity, account_id, account_name, identifier, server_name, node, title, detail, actor, source, crash, search)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        incident.id,
        incident.at,
        incident.kind,
        incident.severity,
        incident.accountId,
        incident.accountName,
        incident.server?.identifier ?? null,
        incident.server?.name ?? null,
        incident.node,
        incident.title,
        incident.detail,
        incident.actor,
        incident.source,
        incident.crash === null ? null : JSON.stringify(incident.crash),
        searchText(incident),
      );
    return Number(result.changes) > 0;
  }

  get(id: string): Incident | null {
    const row = this.#db.prepare('SELECT * FROM incidents_log WHERE id = ?').get(id) as Row | undefined;
    return row ? incidentOf(row) : null;
  }

  /** Newest first. */
  list(query: IncidentQuery = {}): Incident[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.accountId !== undefined) {
      where.push('account_id = ?');
      params.push(query.accountId);
      if (query.identifier !== undefined) {
        where.push('identifier = ?');
        params.push(query.identifier);
      }
    }
    if (query.servers !== undefined) {
      if (query.servers.length === 0) return [];
      where.push(`(account_id || '/' || identifier) IN (${query.servers.map(() => '?').join(', ')})`);
      params.push(...query.servers);
    }
    if (query.kinds !== undefined) {
      if (query.kinds.length === 0) return [];
      where.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
      params.push(...query.kinds);
    }
    if (query.fromMs !== undefined) {
      where.push('at_ms >= ?');
      params.push(query.fromMs);
    }
    if (query.toMs !== undefined) {
      where.push('at_ms < ?');
      params.push(query.toMs);
    }
    for (const word of (query.text ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      where.push('instr(search, ?) > 0');
      params.push(word);
    }
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(query.limit ?? 100)));
    const sql = `SELECT * FROM incidents_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at_ms DESC, id DESC LIMIT ?`;
    return (this.#db.prepare(sql).all(...params, limit) as unknown as Row[]).map(incidentOf);
  }

  /** Drops what is older than RETENTION_MS at `nowMs`; returns how many went. */
  prune(nowMs: number): number {
    return Number(this.#db.prepare('DELETE FROM incidents_log WHERE at_ms < ?').run(nowMs - RETENTION_MS).changes);
  }

  /** The panels with incidents, by id, with the name the newest of them kept. */
  accounts(): Array<{ accountId: string; accountName: string }> {
    const rows = this.#db
      .prepare(
        'SELECT account_id, account_name FROM incidents_log WHERE at_ms = (SELECT max(at_ms) FROM incidents_log AS i WHERE i.account_id = incidents_log.account_id) GROUP BY account_id',
      )
      .all() as unknown as Array<{ account_id: string; account_name: string }>;
    return rows.map((r) => ({ accountId: r.account_id, accountName: r.account_name }));
  }

  /** The servers with incidents, for a filter's choices. */
  servers(): Array<{ key: string; accountId: string; identifier: string; name: string }> {
    const rows = this.#db
      .prepare(
        'SELECT account_id, identifier, server_name FROM incidents_log WHERE identifier IS NOT NULL GROUP BY account_id, identifier ORDER BY server_name',
      )
      .all() as unknown as Array<{ account_id: string; identifier: string; server_name: string | null }>;
    return rows.map((r) => ({
      key: serverKey({ accountId: r.account_id, identifier: r.identifier }),
      accountId: r.account_id,
      identifier: r.identifier,
      name: r.server_name ?? r.identifier,
    }));
  }
}
