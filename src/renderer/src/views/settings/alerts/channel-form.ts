/**
 * The channel form's model, pure: a draft the fields bind to, made from a saved channel (secrets
 * empty: they never come back from main) or fresh, and turned into what `alerts:save` takes, with
 * only the secrets the person typed. Field problems are found here, before main is asked.
 */
import type { AlertIncidentKind, AlertSeverity, ChannelConfig, ChannelKind, ChannelSecret, NtfyAuth } from '../../../../../shared/alerts';
import type { AlertChannelInput } from '../../../../../shared/ipc/alerts';

export interface ChannelDraft {
  id: string | null;
  kind: ChannelKind;
  name: string;
  isEnabled: boolean;
  url: string;
  ntfyServer: string;
  topic: string;
  ntfyAuth: NtfyAuth;
  token: string;
  username: string;
  password: string;
  isSigned: boolean;
  signingKey: string;
  minSeverity: AlertSeverity;
  /** Empty: every kind. */
  kinds: AlertIncidentKind[];
  /** Empty: every panel. */
  accounts: string[];
  /** Empty: every server. */
  servers: string[];
  hasQuietHours: boolean;
  /** `HH:MM`, as a time input gives it. */
  quietFrom: string;
  quietTo: string;
  allowCritical: boolean;
}

export function newDraft(kind: ChannelKind = 'discord'): ChannelDraft {
  return {
    id: null,
    kind,
    name: '',
    isEnabled: true,
    url: '',
    ntfyServer: 'https://ntfy.sh',
    topic: '',
    ntfyAuth: 'none',
    token: '',
    username: '',
    password: '',
    isSigned: false,
    signingKey: '',
    minSeverity: 'info',
    kinds: [],
    accounts: [],
    servers: [],
    hasQuietHours: false,
    quietFrom: '22:00',
    quietTo: '07:00',
    allowCritical: true,
  };
}

const hhmm = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (text: string): number | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : null;
};

export function draftOf(config: ChannelConfig): ChannelDraft {
  const base = newDraft(config.kind);
  return {
    ...base,
    id: config.id,
    name: config.name,
    isEnabled: config.isEnabled,
    ntfyServer: config.ntfy?.server ?? base.ntfyServer,
    ntfyAuth: config.ntfy?.auth ?? 'none',
    username: config.ntfy?.username ?? '',
    isSigned: config.webhook?.isSigned ?? false,
    minSeverity: config.rules.minSeverity,
    kinds: config.rules.kinds ?? [],
    accounts: config.rules.accounts ?? [],
    servers: config.rules.servers ?? [],
    hasQuietHours: config.quietHours !== null,
    quietFrom: config.quietHours ? hhmm(config.quietHours.startMinute) : base.quietFrom,
    quietTo: config.quietHours ? hhmm(config.quietHours.endMinute) : base.quietTo,
    allowCritical: config.quietHours?.allowCritical ?? true,
  };
}

export type DraftProblems = Partial<Record<'name' | 'url' | 'topic' | 'token' | 'username' | 'password' | 'signingKey' | 'quiet', string>>;

/** What is missing, per field. `hasSecret`: the saved channel's secrets are set, so empty keeps them. */
export function problemsOf(d: ChannelDraft, hasSecret: boolean, required: string): DraftProblems {
  const out: DraftProblems = {};
  const isNew = d.id === null || !hasSecret;
  if (d.name.trim() === '') out.name = required;
  if (d.kind !== 'ntfy' && isNew && d.url.trim() === '') out.url = required;
  if (d.kind === 'ntfy') {
    if (isNew && d.topic.trim() === '') out.topic = required;
    if (d.ntfyAuth === 'token' && isNew && d.token.trim() === '') out.token = required;
    if (d.ntfyAuth === 'basic' && d.username.trim() === '') out.username = required;
    if (d.ntfyAuth === 'basic' && isNew && d.password === '') out.password = required;
  }
  if (d.kind === 'webhook' && d.isSigned && isNew && d.signingKey === '') out.signingKey = required;
  if (d.hasQuietHours && (minuteOf(d.quietFrom) === null || minuteOf(d.quietTo) === null)) out.quiet = required;
  return out;
}

/** The save's argument: the settings, and only the secret fields the person typed. */
export function inputOf(d: ChannelDraft): AlertChannelInput {
  const secret: ChannelSecret = {};
  if (d.url.trim()) secret.url = d.url.trim();
  if (d.kind === 'ntfy' && d.topic.trim()) secret.topic = d.topic.trim();
  if (d.kind === 'ntfy' && d.ntfyAuth === 'token' && d.token.trim()) secret.token = d.token.trim();
  if (d.kind === 'ntfy' && d.ntfyAuth === 'basic' && d.password) secret.password = d.password;
  if (d.kind === 'webhook' && d.isSigned && d.signingKey) secret.signingKey = d.signingKey;
  if (d.kind === 'ntfy') delete secret.url;
  const start = minuteOf(d.quietFrom);
  const end = minuteOf(d.quietTo);
  return {
    config: {
      ...(d.id ? { id: d.id } : {}),
      kind: d.kind,
      name: d.name.trim(),
      isEnabled: d.isEnabled,
      rules: {
        accounts: d.accounts.length ? d.accounts : null,
        servers: d.servers.length ? d.servers : null,
        kinds: d.kinds.length ? d.kinds : null,
        minSeverity: d.minSeverity,
      },
      quietHours: d.hasQuietHours && start !== null && end !== null ? { startMinute: start, endMinute: end, allowCritical: d.allowCritical } : null,
      ntfy: d.kind === 'ntfy' ? { server: d.ntfyServer.trim(), auth: d.ntfyAuth, username: d.ntfyAuth === 'basic' ? d.username.trim() : null } : null,
      webhook: d.kind === 'webhook' ? { isSigned: d.isSigned } : null,
    },
    ...(Object.keys(secret).length ? { secret } : {}),
  };
}
