/**
 * The `pterotray` executable: wires the real process (streams, signals, environment) and the
 * real core pieces into the CLI, runs it, and exits with its code.
 */
import { COMMANDS } from './commands';
import { realDeps } from './real-deps';
import { runCli } from './run';

const deps = realDeps();
const exitCode = await runCli(process.argv.slice(2), deps, COMMANDS);
// Exit explicitly: an idle keep-alive socket or a paused stdin must not keep a finished command alive.
process.exit(exitCode);
