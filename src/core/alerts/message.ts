/**
 * An incident's text as it may leave the machine (every field scrubbed by safe-text.ts and cut),
 * and the request shape every format builds.
 */
import type { Incident, IncidentSeverity } from '../incidents/types';
import { scrubField } from './safe-text';
import type { ChannelSecret } from './types';

/** One HTTP request to a receiver. */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Why a request cannot be built: a secret is missing (the keychain lost it, or it was never set). */
export class ChannelSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelSetupError';
  }
}

/** An incident's text, scrubbed and cut, shared by every format. */
export interface SafeMessage {
  id: string;
  at: number;
  kind: Incident['kind'];
  severity: IncidentSeverity;
  title: string;
  detail: string;
  accountName: string;
  serverName: string | null;
  node: string | null;
  actor: string | null;
  exitCode: number | null;
  oomKilled: boolean | null;
  lastLines: string[];
  isTest: boolean;
}

/** The incident as it may leave the machine. */
export function safeMessage(incident: Incident, knownSecrets: readonly string[], isTest = false): SafeMessage {
  const s = (text: string, max?: number): string => scrubField(text, knownSecrets, max);
  return {
    id: incident.id,
    at: incident.at,
    kind: incident.kind,
    severity: incident.severity,
    title: s(incident.title, 200),
    detail: s(incident.detail, 1_500),
    accountName: s(incident.accountName, 100),
    serverName: incident.server ? s(incident.server.name, 100) : null,
    node: incident.node === null ? null : s(incident.node, 100),
    actor: incident.actor === null ? null : s(incident.actor, 100),
    exitCode: incident.crash?.exitCode ?? null,
    oomKilled: incident.crash?.oomKilled ?? null,
    // The last few lines are what helps on a phone; every line scrubbed on its own.
    lastLines: (incident.crash?.lastLines ?? []).slice(-10).map((line) => s(line, 200)),
    isTest,
  };
}

/** The secrets of a channel as plain strings, to cut out of everything it is sent. */
export function secretValues(secret: ChannelSecret): string[] {
  return [secret.url, secret.topic, secret.token, secret.password, secret.signingKey].filter((v): v is string => typeof v === 'string' && v !== '');
}
