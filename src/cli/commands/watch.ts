/**
 * `pterotray watch`: the app's own ServerMonitor (Wings websockets, `/resources` polls only for
 * what cannot be followed, all within the panel's rate limit) printing one line per change until
 * Ctrl-C or SIGTERM, which close every socket and exit 0: stopping is how a watch ends.
 */
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { runWatch } from '../watch/run-watch';

export const watchCommand: CommandDefinition = {
  path: 'watch',
  usage: '',
  summary: 'print a line whenever a server changes state, is added or removed',
  details: [
    "Follows each server over its Wings websocket, as the panel's own page does, so a change",
    'prints within about a second; servers that cannot be followed are polled within the',
    'panel\'s rate limit. A state no longer current says "last known" and when it was seen.',
    'With --json, one object a line: {"event":"state"|"added"|"removed"|"stale",',
    '"server":<identifier>,"name":…,"from":…,"to":…,"is_current":…,"seen_at":…,"at":<ISO time>}.',
    'Runs until Ctrl-C (exit 0). A panel that is down is retried; a refused key ends it (exit 1).',
  ],
  options: ['json'],
  minArgs: 0,
  maxArgs: 0,
  async run(ctx) {
    await runWatch(ctx);
    return EXIT_OK;
  },
};
