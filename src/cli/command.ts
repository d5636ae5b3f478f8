/** The shape of one CLI command, as the command table lists it. */
import type { OptionName } from './args';
import type { CommandContext } from './context';

export interface CommandDefinition {
  /** The command words, e.g. `servers` or `files ls`. */
  path: string;
  /** Arguments after the command words, as shown in help, e.g. `<server> [dir]`. */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** Extra help paragraphs. */
  details?: readonly string[];
  /** Options beyond the global ones. */
  options: readonly OptionName[];
  minArgs: number;
  /** `Infinity` for a rest argument (`files rm <server> <path...>`). */
  maxArgs: number;
  /** Resolves to the exit code; throws UsageError or PanelError to fail. */
  run(ctx: CommandContext): Promise<number>;
}
