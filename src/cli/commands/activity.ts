/** `activity`: a server's activity log, newest first, as the panel's Activity page shows it. */
import type { ActivityEntry } from '../../core/api/models';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { printList } from '../format/print';
import { formatTable } from '../format/table';
import { withServer } from '../resolve-server';

export const activityCommand: CommandDefinition = {
  path: 'activity',
  usage: '<server>',
  summary: "the server's activity log, newest first (the panel's first page)",
  details: ['Each line: when, who (the API key or the user), the event, from which IP, and what it named.'],
  options: ['json'],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [query = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const page = await client.listActivity(server.identifier, 1, { signal: ctx.signal });
    printList(ctx.out, page.items, { json: ctx.options.json, toJson: activityJson, table: activityTable, empty: `${server.name} has no activity yet.` });
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
