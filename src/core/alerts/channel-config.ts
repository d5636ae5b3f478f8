/**
 * Reading a channel's settings from anything untrusted (a stored row, the daemon's config file,
 * the window's form), pure: every field checked, and a problem said as one sentence naming the
 * field and what to do. Secrets are checked apart (`secretProblem`), since they never sit with the
 * settings.
 */
import type { IncidentKind, IncidentSeverity } from '../incidents/types';
import { ALERT_INCIDENT_KINDS, CHANNEL_KINDS, type ChannelConfig, type ChannelKind, type ChannelSecret, type NtfyAuth } from './types';

/** Every incident kind a rule may name. */
export const INCIDENT_KINDS: readonly IncidentKind[] = ALERT_INCIDENT_KINDS;

const SEVERITIES: readonly IncidentSeverity[] = ['info', 'warning', 'critical'];
const NTFY_AUTHS: readonly NtfyAuth[] = ['none', 'token', 'basic'];
export const MAX_CHANNEL_NAME = 80;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Problem extends Error {}
const fail = (path: string, what: string): never => {
  throw new Problem(`${path}: ${what}`);
};

function stringList(raw: unknown, path: string, ok: (s: string) => boolean, what: string): string[] | null {
  if (raw === null || raw === undefined) return null;
  if (!Array.isArray(raw) || raw.length > 1000) return fail(path, `must be a list (at most 1000) of ${what}, or null for all`);
  raw.forEach((v, i) => (typeof v === 'string' && ok(v) ? undefined : fail(`${path}[${i}]`, `must be ${what}`)));
  return [...new Set(raw as string[])];
}

function minute(raw: unknown, path: string): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > 1439)
    return fail(path, 'must be minutes after midnight, 0 to 1439 (22:00 is 1320)');
  return raw;
}

/** The http(s) origin an ntfy server is reached at, `https://ntfy.sh`. */
function ntfyServer(raw: unknown, path: string): string {
  if (typeof raw !== 'string') return fail(path, 'must be the server address, like https://ntfy.sh');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail(path, 'must be the server address, like https://ntfy.sh');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(path, 'must start with https:// (or http:// for a server on your network)');
  if (url.username || url.password || url.search || url.hash) return fail(path, 'must be the address only: put the user and password in their own fields');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parse(raw: unknown, path: string): ChannelConfig {
  if (!isObj(raw)) return fail(path, 'must be an object');
  const id = typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : fail(`${path}.id`, 'must be 1 to 64 letters, digits, - or _');
  const kind = CHANNEL_KINDS.includes(raw.kind as ChannelKind) ? (raw.kind as ChannelKind) : fail(`${path}.kind`, `must be one of ${CHANNEL_KINDS.join(', ')}`);
  const name =
    typeof raw.name === 'string' && raw.name.trim() !== '' && raw.name.length <= MAX_CHANNEL_NAME
      ? raw.name.trim()
      : fail(`${path}.name`, `must be 1 to ${MAX_CHANNEL_NAME} characters`);
  const isEnabled =
    raw.isEnabled === undefined ? true : typeof raw.isEnabled === 'boolean' ? raw.isEnabled : fail(`${path}.isEnabled`, 'must be true or false');
  const r = raw.rules === undefined ? {} : isObj(raw.rules) ? raw.rules : fail(`${path}.rules`, 'must be an object');
  const minSeverity =
    r.minSeverity === undefined
      ? 'info'
      : SEVERITIES.includes(r.minSeverity as IncidentSeverity)
        ? (r.minSeverity as IncidentSeverity)
        : fail(`${path}.rules.minSeverity`, 'must be info, warning or critical');
  const rules = {
    accounts: stringList(r.accounts, `${path}.rules.accounts`, (s) => ID.test(s), 'account ids'),
    servers: stringList(r.servers, `${path}.rules.servers`, (s) => /^[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}$/.test(s), 'server keys (accountId/identifier)'),
    kinds: stringList(r.kinds, `${path}.rules.kinds`, (s) => INCIDENT_KINDS.includes(s as IncidentKind), `incident kinds (${INCIDENT_KINDS.join(', ')})`) as
      IncidentKind[] | null,
    minSeverity,
  };
  let quietHours: ChannelConfig['quietHours'] = null;
  if (raw.quietHours !== null && raw.quietHours !== undefined) {
    const q = isObj(raw.quietHours) ? raw.quietHours : fail(`${path}.quietHours`, 'must be an object or null');
    quietHours = {
      startMinute: minute(q.startMinute, `${path}.quietHours.startMinute`),
      endMinute: minute(q.endMinute, `${path}.quietHours.endMinute`),
      allowCritical:
        q.allowCritical === undefined
          ? true
          : typeof q.allowCritical === 'boolean'
            ? q.allowCritical
            : fail(`${path}.quietHours.allowCritical`, 'must be true or false'),
    };
  }
  let ntfy: ChannelConfig['ntfy'] = null;
  if (kind === 'ntfy') {
    const n = isObj(raw.ntfy) ? raw.ntfy : fail(`${path}.ntfy`, 'must give the server and its auth');
    const auth =
      n.auth === undefined
        ? 'none'
        : NTFY_AUTHS.includes(n.auth as NtfyAuth)
          ? (n.auth as NtfyAuth)
          : fail(`${path}.ntfy.auth`, 'must be none, token or basic');
    const username =
      auth !== 'basic'
        ? null
        : typeof n.username === 'string' && n.username.trim() !== '' && !n.username.includes(':') && n.username.length <= 200
          ? n.username.trim()
          : fail(`${path}.ntfy.username`, 'must be the user name (without a colon) for basic auth');
    ntfy = { server: ntfyServer(n.server, `${path}.ntfy.server`), auth, username };
  }
  let webhook: ChannelConfig['webhook'] = null;
  if (kind === 'webhook') {
    const w = raw.webhook === undefined ? {} : isObj(raw.webhook) ? raw.webhook : fail(`${path}.webhook`, 'must be an object');
    webhook = {
      isSigned: w.isSigned === undefined ? false : typeof w.isSigned === 'boolean' ? w.isSigned : fail(`${path}.webhook.isSigned`, 'must be true or false'),
    };
  }
  return { id, kind, name, isEnabled, rules, quietHours, ntfy, webhook };
}

/** A channel's settings from untrusted data, or the first problem found. */
export function parseChannelConfig(raw: unknown, path = 'channel'): Parsed<ChannelConfig> {
  try {
    return { ok: true, value: parse(raw, path) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.message };
    throw error;
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function urlProblem(kind: ChannelKind, raw: string | undefined): string | null {
  if (!raw) return 'Paste the webhook URL.';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'That is not a URL: paste the whole webhook address, starting with https://.';
  }
  const isLoopback = LOOPBACK.has(url.hostname);
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (isLoopback || kind === 'webhook')) return null;
  return kind === 'webhook' ? 'The URL must start with https:// or http://.' : 'The URL must start with https:// (the address the service gave you).';
}

/** What is wrong with a channel's secrets, or null when they are complete. */
export function secretProblem(config: ChannelConfig, secret: ChannelSecret): string | null {
  switch (config.kind) {
    case 'discord':
    case 'slack':
      return urlProblem(config.kind, secret.url);
    case 'webhook':
      return urlProblem('webhook', secret.url) ?? (config.webhook?.isSigned && !secret.signingKey ? 'Enter a signing key, or turn signing off.' : null);
    case 'ntfy': {
      if (!secret.topic || !/^[-_A-Za-z0-9]{1,64}$/.test(secret.topic)) return 'Enter the topic: 1 to 64 letters, digits, - or _ (ntfy allows no others).';
      if (config.ntfy?.auth === 'token' && !secret.token) return 'Enter the access token, or choose no auth.';
      if (config.ntfy?.auth === 'basic' && !secret.password) return 'Enter the password, or choose no auth.';
      return null;
    }
  }
}
