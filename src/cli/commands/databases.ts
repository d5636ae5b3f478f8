/** `databases ls`: a server's databases, without their passwords (the panel's own list does not show them either). */
import type { Database } from '../../core/api/models';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { databaseJson } from '../format/api-shapes';
import { printList } from '../format/print';
import { formatTable } from '../format/table';
import { withServer } from '../resolve-server';

export const databasesLsCommand: CommandDefinition = {
  path: 'databases ls',
  usage: '<server>',
  summary: "list a server's databases (no passwords)",
  details: ['Passwords are never fetched here: read one in the panel, or rotate it there.'],
  options: ['json'],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [query = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const databases = await client.listDatabases(server.identifier, {}, { signal: ctx.signal });
    printList(ctx.out, databases, { json: ctx.options.json, toJson: databaseJson, table: databaseTable, empty: `${server.name} has no databases.` });
    return EXIT_OK;
  },
};

function databaseTable(databases: readonly Database[]): string[] {
  return formatTable(
    [{ header: 'NAME' }, { header: 'USERNAME' }, { header: 'ADDRESS' }, { header: 'FROM' }, { header: 'MAX', alignRight: true }],
    databases.map((d) => [
      d.name,
      d.username,
      `${d.host.address}:${d.host.port}`,
      d.connectionsFrom,
      d.maxConnections === 0 ? 'unlimited' : String(d.maxConnections),
    ]),
  );
}
