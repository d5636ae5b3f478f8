/** `activity`: a server's activity log, newest first, as the panel's Activity page shows it. */
import type { ActivityEntry } from '../../core/api/models';
import { parseIntegerOption } from '../args';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { printList } from '../format/print';
import { formatTable } from '../format/table';
import { withServer } from '../resolve-server';

export const activityCommand: CommandDefinition = {
  path: 'activity',
  usage: '<server> [--page N] [--event TEXT]',
  summary: "the server's activity log, newest first, a page at a time",
  details: [
    'Each line: when, who (the API key or the user), the event, from which IP, and what it named.',
    "--event keeps the events containing the text, as the panel's own filter does (case-insensitive; a comma means any of several).",
    'Past the last page the list is empty; the table says which page of how many was shown (on stderr).',
  ],
  options: ['json', 'page', 'event'],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [query = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const pageNumber = parseIntegerOption(ctx.options.page, { name: 'page', min: 1, max: 100_000, fallback: 1, command: 'activity' });
    const event = ctx.options.event?.trim() ?? '';
    const page = await client.queryActivity(server.identifier, { page: pageNumber, event }, { signal: ctx.signal });
    const empty = event === '' ? `${server.name} has no activity yet.` : `${server.name} has no activity matching "${event}".`;
    const { currentPage, totalPages } = page.pagination;
    const emptyText = pageNumber > 1 && pageNumber > totalPages ? `Page ${pageNumber} is past the last page (${totalPages}).` : empty;
    printList(ctx.out, page.items, { json: ctx.options.json, toJson: activityJson, table: activityTable, empty: emptyText });
    if (!ctx.options.json && page.items.length > 0 && totalPages > 1) ctx.out.stderr.line(`Page ${currentPage} of ${totalPages}.`);
    return EXIT_OK;
  },
};

/** One `activity_log` entry as the panel names its fields. */
function activityJson(entry: ActivityEntry): Record<string, unknown> {
  return {
    id: entry.id,
    event: entry.event,
    is_api: entry.isApi,
    ip: entry.ip,
    description: entry.description,
    properties: entry.properties,
    timestamp: entry.timestamp,
    actor: entry.actorUsername,
  };
}

/** `{command: "say hi"}` → `command=say hi`; the table strips what a terminal would obey. */
function propertiesText(properties: Record<string, unknown>): string {
  return Object.entries(properties)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}

function activityTable(entries: readonly ActivityEntry[]): string[] {
  return formatTable(
    [{ header: 'WHEN' }, { header: 'WHO' }, { header: 'EVENT' }, { header: 'IP' }, { header: 'DETAILS' }],
    entries.map((e) => [e.timestamp, e.actorUsername ?? (e.isApi ? 'API key' : '-'), e.event, e.ip ?? '-', propertiesText(e.properties)]),
  );
}
