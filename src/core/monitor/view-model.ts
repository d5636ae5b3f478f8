/**
 * From the panel's records and what was observed to the view models of src/shared/types.ts,
 * pure. The tray and the window draw only these.
 */
import type { Server, ServerResources } from '../api/models';
import type { AccountStatus, AccountView, ResourcesView, ServerAvailability, ServerView } from '../../shared/types';
import type { ServerEntry } from './server-entry';
import type { MonitorAccount } from './types';

/** True when the server cannot be used now (409 states, unknown): polled slowly, never followed. */
export function isUnavailable(availability: ServerAvailability): boolean {
  return (
    availability === 'suspended' ||
    availability === 'installing' ||
    availability === 'install-failed' ||
    availability === 'transferring' ||
    availability === 'restoring' ||
    availability === 'node-maintenance' ||
    availability === 'unknown'
  );
}

/** A resources sample as the window shows it, stamped with when it was seen. */
export function toResourcesView(resources: ServerResources, atMs: number): ResourcesView {
  return {
    cpuPercent: resources.cpuAbsolute,
    memoryBytes: resources.memoryBytes,
    diskBytes: resources.diskBytes,
    networkRxBytes: resources.networkRxBytes,
    networkTxBytes: resources.networkTxBytes,
    uptimeMs: resources.uptimeMs,
    at: atMs,
  };
}

/** `host:port` of the default allocation (its alias when it has one), else of the first. */
export function primaryAddress(server: Server): string | null {
  const allocation = server.allocations.find((a) => a.isDefault) ?? server.allocations[0];
  if (!allocation) return null;
  return `${allocation.ipAlias ?? allocation.ip}:${allocation.port}`;
}

/**
 * The ServerView of one entry; `username` (the key owner's) makes the SFTP user name, and
 * `isStateCurrent` is the registry's judgement (state-freshness.ts).
 */
export function toServerView(accountId: string, entry: ServerEntry, username: string | null, isStateCurrent: boolean): ServerView {
  const { server } = entry;
  const sftp =
    server.sftp && username !== null
      ? { host: server.sftp.alias ?? server.sftp.ip, port: server.sftp.port, username: `${username}.${server.identifier}` }
      : null;
  return {
    accountId,
    identifier: server.identifier,
    uuid: server.uuid,
    name: server.name,
    node: server.node,
    description: server.description,
    state: entry.state,
    availability: entry.availability,
    isLive: entry.isLive,
    isStateCurrent,
    stateSeenAt: entry.stateSeenAtMs,
    resources: entry.resources,
    limits: { memoryMib: server.limits.memoryMib, diskMib: server.limits.diskMib, cpuPercent: server.limits.cpuPercent },
    address: primaryAddress(server),
    sftp,
    liveIssue: entry.liveIssue,
    featurePrompt: entry.featurePrompt,
    // ── layout (issue 15) ── the tray's marks, in the window's rows too.
    attention: entry.isCrashed ? 'crashed' : entry.shouldRun && entry.state === 'offline' ? 'should-run' : null,
  };
}

/** The AccountView of a watched account; the message shows only when something is wrong. */
export function toAccountView(
  account: MonitorAccount,
  state: { status: AccountStatus; message: string | null; retryAtMs?: number | null },
  username: string | null,
): AccountView {
  const { status, message } = state;
  return {
    id: account.id,
    name: account.name,
    url: account.url,
    username,
    status,
    statusMessage: status === 'ok' || status === 'checking' ? null : message,
    keyStorage: account.keyStorage ?? 'keychain',
    isDemo: account.isDemo ?? false,
    allowsPlainHttp: account.allowsPlainHttp ?? false,
    // ── notices (issue 15) ──
    retryAtMs: status === 'rate-limited' ? (state.retryAtMs ?? null) : null,
  };
}
