/**
 * A channel's secrets in the SecretStore (the OS keychain in the app; for the daemon, whatever
 * store its config gives), as one JSON entry under `alert-channel:<id>`. Only this file knows the
 * layout, so the daemon can hand the dispatcher any SecretStore that holds the same entries.
 */
import type { SecretStore } from '../secrets/secret-store';
import type { ChannelSecret } from './types';

/** The SecretStore entry of one channel. */
export function channelSecretKey(channelId: string): string {
  return `alert-channel:${channelId}`;
}

const FIELDS = ['url', 'topic', 'token', 'password', 'signingKey'] as const;

/** Only the known string fields, so nothing else rides along. */
export function cleanSecret(raw: unknown): ChannelSecret {
  const out: ChannelSecret = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const field of FIELDS) {
    const value = (raw as Record<string, unknown>)[field];
    // A password or key may mean its spaces; an address or a token never does.
    if (typeof value === 'string' && value !== '') out[field] = field === 'password' || field === 'signingKey' ? value : value.trim();
  }
  return out;
}

/** The channel's secrets; `{}` when none are stored or the entry is unreadable. */
export async function readChannelSecret(store: SecretStore, channelId: string): Promise<ChannelSecret> {
  const text = await store.get(channelSecretKey(channelId));
  if (text === null) return {};
  try {
    return cleanSecret(JSON.parse(text));
  } catch {
    return {};
  }
}

export async function writeChannelSecret(store: SecretStore, channelId: string, secret: ChannelSecret): Promise<void> {
  await store.set(channelSecretKey(channelId), JSON.stringify(cleanSecret(secret)));
}

export async function deleteChannelSecret(store: SecretStore, channelId: string): Promise<void> {
  await store.delete(channelSecretKey(channelId));
}
