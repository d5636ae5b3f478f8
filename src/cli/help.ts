/** `--help` texts, built from the command table so they cannot drift from what is accepted. */
import type { OptionName } from './args';
import type { CommandDefinition } from './command';
import { ALLOW_PLAIN_HTTP_ENV, API_KEY_ENV, PANEL_URL_ENV } from './credentials';

const OPTION_HELP: Record<OptionName, string> = {
  json: "--json              print JSON (the API's own field names) instead of text",
  help: '-h, --help          show help',
  version: '-V, --version       print the version',
  debug: '--debug             log requests to stderr (the API key is always redacted)',
  account: '--account <name>    use a panel saved in the app (key from the keychain)',
  output: "-o, --output <file> where to save (default: the file's name, in this directory)",
  servers: '--servers <n>       how many servers the simulated panel has (default 6)',
  port: "--port <p>          the simulated panel's port (default: any free port)",
  seed: "--seed <s>          seed for the simulated panel's names and numbers",
  page: '--page <n>          which page of the list (from 1; default 1)',
  event: "--event <text>      only events containing this (the panel's filter[event], e.g. power or subuser)",
  // backups (issue 13)
  name: '--name <name>       the backup’s name (default: the panel names it by date)',
  ignore: '--ignore <pattern>  leave files matching this out (repeatable; as .pteroignore lines)',
  locked: '--locked            lock the backup (needs backup.delete; a locked one cannot be deleted)',
  wait: '--wait              wait until the backup completed or failed; print its uuid and checksum',
  truncate: '--truncate          delete every file on the server before restoring',
  yes: "-y, --yes           don't ask (required when stdin is not a terminal)",
  set: '--set <VAR=value>   change a startup variable (repeat for more)',
  // ── daemon (issue 14) ──
  config: "--config <file>     the daemon's config file (default: daemon.json in the app's folder, if there)",
  // ── incidents (issue 14) ──
  server: '--server <s>        one server: its identifier or name',
  since: '--since <when>      from a duration ago (30m, 24h, 7d, 2w) or a date (2026-12-01)',
  kind: '--kind <k,...>      only these kinds (crash, state, usage-raised, backup-failed, …)',
  // ── history (issue 14) ──
  range: '--range <range>     how far back: 1h, 24h, 7d, 30d or 90d (default 24h)',
  csv: '--csv               print CSV rows (time, samples, min/avg/max per metric) instead of text',
};

const GLOBAL_HELP: readonly OptionName[] = ['help', 'version', 'debug', 'account'];

/** The top-level help: every command, the credentials, the exit codes. */
export function topLevelHelp(commands: readonly CommandDefinition[]): string[] {
  const width = Math.max(...commands.map((c) => `${c.path} ${c.usage}`.length));
  return [
    'pterotray: control Pterodactyl and Pelican game servers from the command line',
    '',
    'Usage: pterotray <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${`${c.path} ${c.usage}`.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    ...GLOBAL_HELP.map((o) => `  ${OPTION_HELP[o]}`),
    '',
    `The panel comes from ${PANEL_URL_ENV} (e.g. https://panel.example.com) and ${API_KEY_ENV}`,
    '(a client key, ptlc_… or pacc_…). <server> is an identifier, a uuid, or an unambiguous name.',
    'Paths starting with "-" go after "--", e.g. pterotray files rm lobby -- -old.txt',
    '',
    `A panel on plain http:// is refused unless it is on this machine (localhost, 127.0.0.1, ::1):`,
    'the key would cross the network in clear text. Use its https:// address, or set',
    `${ALLOW_PLAIN_HTTP_ENV}=1 to allow plain http anyway (the same for a node's ws:// console and`,
    "http:// file links). An account saved in the app keeps the app's own choice.",
    '',
    'Exit codes: 0 success, 1 panel or network error, 2 usage error or a plain-http address refused.',
  ];
}

/** Help for one command. */
export function commandHelp(command: CommandDefinition): string[] {
  const options = [...command.options, ...GLOBAL_HELP];
  return [
    `Usage: pterotray ${command.path} ${command.usage}`.trimEnd(),
    '',
    command.summary,
    ...(command.details === undefined ? [] : ['', ...command.details]),
    '',
    'Options:',
    ...options.map((o) => `  ${OPTION_HELP[o]}`),
  ];
}

/** Help for a group such as `files`: its subcommands. */
export function groupHelp(group: string, commands: readonly CommandDefinition[]): string[] {
  const width = Math.max(...commands.map((c) => `${c.path} ${c.usage}`.length));
  return [
    `Usage: pterotray ${group} <subcommand> [options]`,
    '',
    'Subcommands:',
    ...commands.map((c) => `  ${`${c.path} ${c.usage}`.padEnd(width)}  ${c.summary}`),
    '',
    `Run 'pterotray ${group} <subcommand> --help' for its options.`,
  ];
}
