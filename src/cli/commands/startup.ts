/**
 * `startup <server>`: the startup command, the Docker image and the egg's variables with their
 * rules; `--set VAR=value` (repeatable) changes variables, each checked first against the egg's
 * rules as the panel checks them (src/shared/egg-rules.ts), then sent one at a time (the panel's
 * API takes one variable per request).
 */
import { isPanelError } from '../../core/api/errors';
import type { EggVariable, Startup } from '../../core/api/models';
import { checkVariableValue, describeRules } from '../../shared/egg-rules';
import { UsageError } from '../args';
import type { CommandDefinition } from '../command';
import type { CommandContext } from '../context';
import { EXIT_FAILURE, EXIT_OK, panelErrorLine } from '../failure';
import { printFields, printJson, printLines } from '../format/print';
import { formatTable } from '../format/table';
import { withServer } from '../resolve-server';

export const startupCommand: CommandDefinition = {
  path: 'startup',
  usage: '<server> [--set VAR=value ...]',
  summary: "the server's startup command, image and variables; --set changes variables",
  details: [
    'Each --set value is checked against the variable’s rules before anything is sent; a value that fails them, an unknown or a read-only variable stops the command with exit code 2 and nothing changed.',
    'The variables are then saved one at a time, in order; each result is printed, and the exit code is 1 if any failed.',
  ],
  options: ['json', 'set'],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [query = ''] = ctx.args;
    const assignments = ctx.options.set.map((raw) => parseAssignment(raw, ctx.command));
    const { client, server } = await withServer(ctx, query);
    const startup = await client.getStartup(server.identifier, { signal: ctx.signal });
    if (assignments.length === 0) {
      printStartup(ctx, startup, server.dockerImage);
      return EXIT_OK;
    }
    for (const a of assignments) checkAssignment(startup, a, ctx.command);
    const results: SetResult[] = [];
    for (const { key, value } of assignments) {
      try {
        const saved = await client.updateStartupVariable(server.identifier, key, value, { signal: ctx.signal });
        results.push({ key, ok: true, value: saved.variable.serverValue ?? '' });
      } catch (error) {
        if (!isPanelError(error)) throw error;
        results.push({ key, ok: false, error: error.message, line: panelErrorLine(error).replace(/^pterotray: /, '') });
      }
    }
    printResults(ctx, results);
    return results.every((r) => r.ok) ? EXIT_OK : EXIT_FAILURE;
  },
};

interface Assignment {
  key: string;
  value: string;
}

type SetResult = { key: string; ok: true; value: string } | { key: string; ok: false; error: string; line: string };

function parseAssignment(raw: string, command: string): Assignment {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set wants VAR=value, not '${raw}'`, command);
  return { key: raw.slice(0, eq), value: raw.slice(eq + 1) };
}

function checkAssignment(startup: Startup, { key, value }: Assignment, command: string): void {
  const variable = startup.variables.find((v) => v.envVariable === key);
  if (!variable) throw new UsageError(`'${key}' is not a variable of this server: ${startup.variables.map((v) => v.envVariable).join(', ')}`, command);
  if (!variable.isEditable) throw new UsageError(`'${key}' is read-only`, command);
  const check = checkVariableValue(value, variable.rules);
  if (!check.isValid) throw new UsageError(`${key}: ${check.failures.map((f) => f.message).join(' ')} (rules: ${variable.rules})`, command);
}

function variableJson(v: EggVariable): Record<string, unknown> {
  return {
    name: v.name,
    description: v.description,
    env_variable: v.envVariable,
    server_value: v.serverValue,
    default_value: v.defaultValue,
    is_editable: v.isEditable,
    rules: v.rules,
    rules_text: describeRules(v.rules),
  };
}

function printStartup(ctx: CommandContext, startup: Startup, image: string | null): void {
  if (ctx.options.json) {
    printJson(ctx.out.stdout, {
      startup_command: startup.startupCommand,
      raw_startup_command: startup.rawStartupCommand,
      docker_image: image,
      docker_images: startup.dockerImages,
      variables: startup.variables.map(variableJson),
    });
    return;
  }
  const images = Object.entries(startup.dockerImages).map(([label, img]) => (label === img ? img : `${label} (${img})`));
  printFields(ctx.out.stdout, [
    ['Command', startup.startupCommand],
    ['Image', image ?? 'unknown'],
    ...(images.length > 1 ? [['Images', images.join(', ')] as const] : []),
  ]);
  if (startup.variables.length === 0) return;
  ctx.out.stdout.line('');
  printLines(
    ctx.out.stdout,
    formatTable(
      [{ header: 'VARIABLE' }, { header: 'VALUE' }, { header: 'DEFAULT' }, { header: 'EDIT' }, { header: 'RULES' }],
      startup.variables.map((v) => [v.envVariable, v.serverValue ?? '', v.defaultValue, v.isEditable ? 'yes' : 'read-only', describeRules(v.rules).join(', ')]),
    ),
  );
}

function printResults(ctx: CommandContext, results: readonly SetResult[]): void {
  if (ctx.options.json) {
    printJson(
      ctx.out.stdout,
      results.map((r) => (r.ok ? { env_variable: r.key, saved: true, server_value: r.value } : { env_variable: r.key, saved: false, error: r.error })),
    );
    return;
  }
  for (const r of results) {
    if (r.ok) ctx.out.stdout.line(`${r.key}: saved (${r.value})`);
    else ctx.out.stderr.line(`${r.key}: not saved: ${r.line}`);
  }
}
