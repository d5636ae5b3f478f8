/** `pterotray watch`: one line per server event until interrupted. */
import type { SnapshotChange } from '../../core/monitor/diff';
import { isPanelError } from '../../core/api/errors';
import { parseIntegerOption } from '../args';
import type { CommandDefinition } from '../command';
import { EXIT_OK, panelErrorLine } from '../failure';
import { DEFAULT_INTERVAL_S, MIN_INTERVAL_S, runWatchLoop } from '../watch-loop';

export const watchCommand: CommandDefinition = {
  path: 'watch',
  usage: '',
  summary: 'print a line whenever a server changes state, is added or removed',
  details: [
    'Polls the panel (every 30 s by default; slower when the panel\'s rate limit requires it).',
    'With --json, one object a line: {"event":"state"|"added"|"removed","server":<identifier>,',
    '"name":…,"from":…,"to":…,"at":<ISO time>}. Runs until Ctrl-C.',
  ],
  options: ['json', 'interval'],
  minArgs: 0,
  maxArgs: 0,
  async run(ctx) {
    const intervalS = parseIntegerOption(ctx.options.interval, {
      name: 'interval',
      min: MIN_INTERVAL_S,
      max: 86_400,
      fallback: DEFAULT_INTERVAL_S,
      command: ctx.command,
    });
    const client = await ctx.client();
    const { stdout, stderr } = ctx.out;
    await runWatchLoop({
      client,
      clock: ctx.deps.clock,
      intervalMs: intervalS * 1000,
      signal: ctx.signal,
      onReady: (count, ms) => stderr.line(`[pterotray] watching ${count} servers, polling every ${ms / 1000}s`),
      onChange: (change) => stdout.line(ctx.options.json ? changeJson(change) : changeText(change)),
      onTransientError: (error) => stderr.line(isPanelError(error) ? panelErrorLine(error) : String(error)),
      onIntervalStretched: (ms) => stderr.line(`[pterotray] polling every ${ms / 1000}s to stay within the rate limit`),
    });
    return EXIT_OK;
  },
};

/** The `--json` line of one change. */
export function changeJson(change: SnapshotChange): string {
  return JSON.stringify({
    event: change.event,
    server: change.identifier,
    name: change.name,
    from: change.from,
    to: change.to,
    at: new Date(change.atMs).toISOString(),
  });
}

/** The human line of one change. */
export function changeText(change: SnapshotChange): string {
  const at = new Date(change.atMs).toISOString();
  const who = `${change.identifier}  ${change.name}`;
  if (change.event === 'added') return `${at}  ${who}  added (${change.to})`;
  if (change.event === 'removed') return `${at}  ${who}  removed (was ${change.from})`;
  return `${at}  ${who}  ${change.from} -> ${change.to}`;
}
