/**
 * The daemon's config file (issue 14, part 4), pure: its documented schema (README "Running
 * headless") checked with zod, and every problem turned into one line that names the field and
 * says what to do, e.g. `accounts[1].keyFile: give either keyEnv or keyFile, not both`.
 *
 * Secrets are never in the file itself: an API key, a webhook URL or a token is named by the
 * environment variable that holds it (`keyEnv`, `urlEnv`, …) or by a file only its owner can read
 * (`keyFile`, `urlFile`, …). config-load.ts reads them.
 */
import { z } from 'zod';
import { ALERT_INCIDENT_KINDS } from '../../shared/alerts';

/** The incident kinds a channel's rule may name: the alerts' own list, in the order Settings shows them. */
const INCIDENT_KINDS = ALERT_INCIDENT_KINDS;

/** An environment variable's name, as POSIX shells allow it. */
const envName = z
  .string({ error: 'must be the name of an environment variable, e.g. "PTEROTRAY_MAIN_KEY"' })
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable (letters, digits and _), e.g. "PTEROTRAY_MAIN_KEY"');
const filePath = z.string({ error: 'must be a file path in quotes' }).min(1, 'must be a file path, not empty');
const text = (what: string): z.ZodString =>
  z
    .string({ error: `must be ${what} in quotes` })
    .trim()
    .min(1, `must be ${what}, not empty`);
const flag = z.boolean({ error: 'must be true or false (no quotes)' });
const names = z.array(text('a name'), { error: 'must be a list of names, e.g. ["main"]' });

/**
 * A secret named by where it is: `<prefix>Env` or `<prefix>File`, exactly one of them (both
 * optional in the shape; `requireOneOf` checks the pair).
 */
function secretFields<P extends string>(prefix: P): Record<`${P}Env`, z.ZodOptional<typeof envName>> & Record<`${P}File`, z.ZodOptional<typeof filePath>> {
  return { [`${prefix}Env`]: envName.optional(), [`${prefix}File`]: filePath.optional() } as Record<`${P}Env`, z.ZodOptional<typeof envName>> &
    Record<`${P}File`, z.ZodOptional<typeof filePath>>;
}

/** Adds an issue unless exactly one of `<prefix>Env` / `<prefix>File` is given (or none, when optional). */
function requireOneOf(prefix: string, what: string, isOptional = false) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const hasEnv = value[`${prefix}Env`] !== undefined;
    const hasFile = value[`${prefix}File`] !== undefined;
    if (hasEnv && hasFile)
      ctx.addIssue({ code: 'custom', path: [`${prefix}File`], message: `give either ${prefix}Env or ${prefix}File for ${what}, not both` });
    if (!hasEnv && !hasFile && !isOptional)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `needs ${what}: "${prefix}Env" (the environment variable that holds it) or "${prefix}File" (a file only you can read, chmod 600)`,
      });
  };
}

const accountSchema = z
  .strictObject({
    /** Stable id the history and incidents are kept under; defaults to the name. */
    id: z
      .string({ error: 'must be a short id in quotes' })
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, ".", "_" or "-" (it names the account in the history)')
      .optional(),
    name: text('the name the logs use for this panel'),
    url: text('the panel\'s address, e.g. "https://panel.example.com"'),
    ...secretFields('key'),
    /** Like the app's lasting mark: send the key over plain http off this machine. */
    allowPlainHttp: flag.optional(),
  })
  .superRefine(requireOneOf('key', 'its API key'));

const rulesSchema = z.strictObject(
  {
    accounts: names.optional(),
    servers: names.optional(),
    kinds: z.array(z.enum(INCIDENT_KINDS, { error: `must be one of: ${INCIDENT_KINDS.join(', ')}` })).optional(),
  },
  { error: 'must be an object like {"kinds": ["crash"]}' },
);

const clock = z.string({ error: 'must be a time like "22:00"' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, e.g. "22:00"');
const quietHoursSchema = z.strictObject({ from: clock, to: clock }, { error: 'must be an object like {"from": "22:00", "to": "07:00"}' });

const channelCommon = {
  name: text('a name for this channel'),
  rules: rulesSchema.optional(),
  quietHours: quietHoursSchema.optional(),
};

const channelSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('discord'), ...channelCommon, ...secretFields('url') }).superRefine(requireOneOf('url', 'its webhook URL')),
    z.strictObject({ type: z.literal('slack'), ...channelCommon, ...secretFields('url') }).superRefine(requireOneOf('url', 'its webhook URL')),
    z
      .strictObject({
        type: z.literal('webhook'),
        ...channelCommon,
        ...secretFields('url'),
        /** Signs each body with HMAC-SHA256 when given. */
        ...secretFields('secret'),
      })
      .superRefine((value, ctx) => {
        requireOneOf('url', 'its URL')(value, ctx);
        requireOneOf('secret', 'its signing secret', true)(value, ctx);
      }),
    z
      .strictObject({
        type: z.literal('ntfy'),
        ...channelCommon,
        server: text('the ntfy server\'s address, e.g. "https://ntfy.sh"').default('https://ntfy.sh'),
        topic: text('the ntfy topic'),
        ...secretFields('token'),
        user: text('the ntfy user name').optional(),
        ...secretFields('password'),
      })
      .superRefine((value, ctx) => {
        requireOneOf('token', 'its access token', true)(value, ctx);
        requireOneOf('password', 'its password', value.user === undefined)(value, ctx);
        if (value.user === undefined && (value.passwordEnv !== undefined || value.passwordFile !== undefined))
          ctx.addIssue({ code: 'custom', path: ['user'], message: 'a password needs its "user"' });
        if (value.user !== undefined && (value.tokenEnv !== undefined || value.tokenFile !== undefined))
          ctx.addIssue({ code: 'custom', path: ['user'], message: 'give either a token or a user and password, not both' });
      }),
  ],
  { error: 'must say its "type": "discord", "slack", "ntfy" or "webhook"' },
);

/** The whole file. */
export const daemonConfigSchema = z
  .strictObject(
    {
      /** Editors' JSON-schema hint; ignored. */
      $schema: z.string().optional(),
      accounts: z.array(accountSchema, { error: 'must be a list of panels: [{"name": …, "url": …, "keyEnv": …}]' }).min(1, 'must list at least one panel'),
      /** The history file; relative to the config file's folder. Default: the app's history.sqlite. */
      store: filePath.optional(),
      channels: z.array(channelSchema, { error: 'must be a list of alert channels' }).default([]),
    },
    { error: 'must be a JSON object with "accounts"' },
  )
  .superRefine((config, ctx) => {
    unique(
      config.accounts.map((a) => a.id ?? a.name),
      ctx,
      'accounts',
      (i) => (config.accounts[i]?.id === undefined ? 'name' : 'id'),
      'an account',
    );
    unique(
      config.channels.map((c) => c.name),
      ctx,
      'channels',
      () => 'name',
      'a channel',
    );
  });

function unique(values: readonly string[], ctx: z.RefinementCtx, list: string, field: (i: number) => string, what: string): void {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const first = seen.get(value.toLowerCase());
    if (first === undefined) seen.set(value.toLowerCase(), i);
    else ctx.addIssue({ code: 'custom', path: [list, i, field(i)], message: `'${value}' is already used by ${list}[${first}]: give ${what} its own` });
  });
}

/** The file as written, after defaults. */
export type DaemonConfigFile = z.output<typeof daemonConfigSchema>;
export type DaemonAccountConfig = DaemonConfigFile['accounts'][number];
export type DaemonChannelConfig = DaemonConfigFile['channels'][number];

/** The file could not be used: every problem, one line each. */
export class DaemonConfigError extends Error {
  constructor(
    /** Where the config came from, for the first line. */
    readonly source: string,
    /** `field: what is wrong and what to do`, one per problem. */
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'DaemonConfigError';
  }
}

/** Parses the file's text; throws DaemonConfigError listing every problem. */
export function parseDaemonConfig(textOfFile: string, source: string): DaemonConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(textOfFile);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DaemonConfigError(source, [`the file: is not valid JSON (${reason}): fix the syntax; the README shows an example`]);
  }
  const result = daemonConfigSchema.safeParse(raw);
  if (!result.success)
    throw new DaemonConfigError(
      source,
      result.error.issues.map((issue) => describeIssue(issue, raw)),
    );
  return result.data;
}

/** `accounts[1].keyFile: …`, from a zod issue about `raw` (the parsed JSON). */
export function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const at = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `${at === '' ? 'the file' : at}: unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}: check the spelling against the README's schema`;
  }
  if (issue.code === 'invalid_type' && issue.path.length > 0 && !isPresent(raw, issue.path)) return `${at}: is required (${issue.message})`;
  return `${at === '' ? 'the file' : at}: ${issue.message}`;
}

/** Whether the JSON has a value at `path` (zod's issues leave the input out). */
function isPresent(raw: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = raw;
  for (const part of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return false;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at !== undefined;
}

/** `["accounts", 1, "keyFile"]` → `accounts[1].keyFile`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
