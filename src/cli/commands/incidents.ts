/**
 * `incidents`: the incident timeline the app or the daemon recorded (issue 14), read from the
 * store on this machine, newest first; no panel is asked. `--server` matches what the timeline
 * kept (an identifier, or a server's name), so a server that has since gone can still be read.
 */
import { join } from 'node:path';
import { MAX_PAGE, type Incident, type IncidentQuery } from '../../core/incidents';
import { openIncidentsForReading } from '../../core/incidents/read-store';
import { appConfigDir } from '../../core/settings/app-config-dir';
import { STORE_FILE } from '../../core/store/database';
import { INCIDENT_KIND_NAMES, type IncidentKindName } from '../../shared/ipc/incidents';
import { UsageError } from '../args';
import type { CommandDefinition } from '../command';
import { EXIT_FAILURE, EXIT_OK } from '../failure';
import { printList } from '../format/print';
import { formatTable } from '../format/table';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--since`: a duration back from now (`30m`, `24h`, `7d`, `2w`) or a date or time (`2026-12-01`, ISO 8601). */
export function parseSince(raw: string, nowMs: number): number {
  const text = raw.trim();
  const duration = /^(\d{1,6})([mhdw])$/.exec(text);
  if (duration) return nowMs - Number(duration[1]) * (UNIT_MS[duration[2] ?? 'h'] ?? 0);
  const at = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isFinite(at)) return at;
  throw new UsageError(`--since takes a duration such as 24h, 7d or 30m, or a date such as 2026-12-01, not '${raw}'`, 'incidents');
}

function parseKinds(raw: string): IncidentKindName[] {
  const kinds = raw
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = kinds.filter((k) => !(INCIDENT_KIND_NAMES as readonly string[]).includes(k));
  if (kinds.length === 0 || unknown.length > 0)
    throw new UsageError(`--kind takes one or more of ${INCIDENT_KIND_NAMES.join(', ')} (comma-separated), not '${raw}'`, 'incidents');
  return kinds as IncidentKindName[];
}

export const incidentsCommand: CommandDefinition = {
  path: 'incidents',
  usage: '[--server S] [--since 24h|7d|DATE] [--kind crash,...] [--json]',
  summary: 'what happened to the servers (crashes, states, usage, backups, power), newest first',
  details: [
    'Reads the timeline Pterotray (the app or `pterotray daemon`) keeps on this machine for 90 days; no panel is asked.',
    '--server matches a server by its identifier or its name (as the timeline kept it); with --account, on that panel only.',
    `--kind keeps some kinds: ${INCIDENT_KIND_NAMES.join(', ')}.`,
    `At most the newest ${MAX_PAGE} are shown (stderr says when there are more); --json prints them as the timeline keeps them.`,
  ],
  options: ['json', 'server', 'since', 'kind'],
  minArgs: 0,
  maxArgs: 0,
  async run(ctx) {
    const { options } = ctx;
    const query: IncidentQuery = { limit: MAX_PAGE + 1 };
    if (options.since !== undefined) query.fromMs = parseSince(options.since, ctx.deps.clock.now());
    if (options.kind !== undefined) query.kinds = parseKinds(options.kind);
    const reading = openIncidentsForReading(join(appConfigDir(ctx.deps.env), STORE_FILE));
    if ('problem' in reading) {
      if (options.json) ctx.out.stdout.line('[]');
      ctx.out.stderr.line(reading.problem);
      return reading.problem.startsWith('No incidents') ? EXIT_OK : EXIT_FAILURE;
    }
    try {
      const accountId = options.account === undefined ? undefined : findAccount(reading.store.accounts(), options.account);
      if (accountId !== undefined) query.accountId = accountId;
      if (options.server !== undefined) Object.assign(query, findServer(reading.store.servers(), options.server, accountId));
      const found = reading.store.list(query);
      const shown = found.slice(0, MAX_PAGE);
      printList(ctx.out, shown, { json: options.json, toJson: (i) => i, table: incidentsTable, empty: 'No incident matches.' });
      if (found.length > MAX_PAGE) ctx.out.stderr.line(`Showing the newest ${MAX_PAGE}; narrow with --since, --server or --kind.`);
      return EXIT_OK;
    } finally {
      reading.close();
    }
  },
};

type KnownServer = { accountId: string; identifier: string; name: string };

/** The panel `--account` names (as the app saved it, or its id) among those the timeline kept. */
function findAccount(accounts: ReadonlyArray<{ accountId: string; accountName: string }>, name: string): string {
  const wanted = name.trim().toLowerCase();
  const match = accounts.find((a) => a.accountName.toLowerCase() === wanted || a.accountId.toLowerCase() === wanted);
  if (!match)
    throw new UsageError(
      `No incidents of a panel named '${name}'${accounts.length > 0 ? `; the timeline has ${accounts.map((a) => a.accountName).join(', ')}` : ''}`,
      'incidents',
    );
  return match.accountId;
}

/** The one server `query` names among those the timeline kept; a usage error when none or several. */
function findServer(servers: readonly KnownServer[], query: string, accountId: string | undefined): { accountId: string; identifier: string } {
  const wanted = query.trim().toLowerCase();
  const mine = servers.filter((s) => accountId === undefined || s.accountId === accountId);
  const exact = mine.filter((s) => s.identifier.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
  const matches = exact.length > 0 ? exact : mine.filter((s) => s.name.toLowerCase().includes(wanted) || s.identifier.toLowerCase().startsWith(wanted));
  if (matches.length === 1) return { accountId: matches[0]!.accountId, identifier: matches[0]!.identifier };
  if (matches.length === 0) throw new UsageError(`No incidents of a server matching '${query}': 'pterotray incidents' lists every server's`, 'incidents');
  const names = matches.slice(0, 5).map((s) => `${s.name} (${s.identifier})`);
  throw new UsageError(`'${query}' matches ${matches.length} servers: ${names.join(', ')}; give the identifier`, 'incidents');
}

function incidentsTable(incidents: readonly Incident[]): string[] {
  return formatTable(
    [{ header: 'WHEN' }, { header: 'SERVER' }, { header: 'KIND' }, { header: 'WHAT' }],
    incidents.map((i) => [new Date(i.at).toISOString(), i.server?.name ?? i.accountName, i.kind, incidentLine(i)]),
  );
}

/** The title, with a crash's exit code and OOM flag, and who did it. */
function incidentLine(i: Incident): string {
  const exit = i.crash ? ` (exit code ${i.crash.exitCode ?? '?'}${i.crash.oomKilled ? ', out of memory' : ''})` : '';
  return `${i.title}${exit}`;
}
