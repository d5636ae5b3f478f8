/**
 * `pterotray daemon`: the monitor without a desktop (issue 14, part 4), for a home server or a
 * VPS: every panel of its config (or the app's saved accounts), the history kept in the store,
 * one log line per event on stdout, SIGHUP to reload, SIGTERM or Ctrl-C to stop (exit 0).
 */
import type { CommandDefinition } from '../command';
import { EXIT_OK, EXIT_USAGE } from '../failure';
import { DaemonConfigError } from '../daemon/config-schema';
import { runDaemon } from '../daemon/run-daemon';

export const daemonCommand: CommandDefinition = {
  path: 'daemon',
  usage: '',
  summary: 'watch every panel, keep the history, log each event; SIGHUP reloads, SIGTERM stops',
  details: [
    'Runs the monitor of the app without it: each server followed over its Wings websocket,',
    "its stats and states kept in the app's history file, one line per event on stdout",
    '(time, level, event, panel, server, what happened); with --json one object a line:',
    '{"at","level","event","account","server","name","message",…}.',
    '',
    "Panels come from --config <file>, else daemon.json in the app's folder, else the",
    "app's saved accounts and their keys in the keychain (--account <name> keeps only that one).",
    'The config file is JSON:',
    '  {"accounts": [{"name": "main", "url": "https://panel.example.com", "keyEnv": "MAIN_KEY"},',
    '                {"name": "eu", "url": "https://eu.example.com", "keyFile": "eu.key"}],',
    '   "store": "/var/lib/pterotray/history.sqlite",',
    '   "channels": [{"type": "discord", "name": "ops", "urlEnv": "DISCORD_URL"}]}',
    'Each secret is named, never written there: keyEnv (an environment variable) or keyFile (a',
    'file only its owner can read: chmod 600; others are refused). Relative paths start at the',
    'config file\'s folder. See the README, "Running headless", for every field and a systemd unit.',
    '',
    'SIGHUP reads the config again; if it has a mistake the old one keeps running and the log says',
    'why. SIGTERM or Ctrl-C writes the history, closes every connection and exits 0. A config',
    'that does not load at start exits 2 with one line per problem, naming the field.',
  ],
  options: ['json', 'config'],
  minArgs: 0,
  maxArgs: 0,
  async run(ctx) {
    try {
      const load = { cwd: ctx.deps.cwd, env: ctx.deps.env, ...(ctx.options.config === undefined ? {} : { configPath: ctx.options.config }) };
      await runDaemon(ctx, ctx.options.account === undefined ? load : { ...load, account: ctx.options.account });
    } catch (error) {
      if (!(error instanceof DaemonConfigError)) throw error;
      ctx.out.stderr.line(`pterotray: the daemon's configuration cannot be used (${error.source}):`);
      for (const problem of error.problems) ctx.out.stderr.line(`  ${problem}`);
      return EXIT_USAGE;
    }
    return EXIT_OK;
  },
};
