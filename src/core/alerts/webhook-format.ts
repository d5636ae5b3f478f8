/**
 * The generic JSON webhook's body and signature (documented in docs/alerts.md). The body is
 * versioned so a receiver can tell what it gets; the signature, when the channel has a key, follows
 * the usual timestamped HMAC (as Slack's and Stripe's): a receiver recomputes
 * `HMAC-SHA256(key, "<timestamp>.<raw body>")`, compares it in constant time with the hex after
 * `sha256=`, and refuses a timestamp more than a few minutes old (a replay).
 */
import { createHmac } from 'node:crypto';
import type { OutgoingRequest, SafeMessage } from './message';

/** The body's version; a change that removes or renames a field bumps it. */
export const WEBHOOK_BODY_VERSION = 1;

export const SIGNATURE_HEADER = 'X-Pterotray-Signature';
export const TIMESTAMP_HEADER = 'X-Pterotray-Timestamp';
/** The incident id: the same on every retry, so a receiver can drop a repeat (delivery is at least once). */
export const DELIVERY_HEADER = 'X-Pterotray-Delivery';
export const EVENT_HEADER = 'X-Pterotray-Event';

/** What the generic webhook receives (docs/alerts.md). */
export interface WebhookBody {
  version: typeof WEBHOOK_BODY_VERSION;
  type: 'incident' | 'test';
  incident: {
    id: string;
    /** ISO 8601, UTC. */
    at: string;
    kind: string;
    severity: string;
    title: string;
    detail: string;
    panel: string;
    server: string | null;
    node: string | null;
    actor: string | null;
    crash: { exitCode: number | null; oomKilled: boolean | null; lastLines: string[] } | null;
  };
}

/** `sha256=<hex>` over `<timestamp>.<body>`. */
export function signatureOf(key: string, timestampS: number, body: string): string {
  return `sha256=${createHmac('sha256', key).update(`${timestampS}.${body}`).digest('hex')}`;
}

export function webhookRequest(url: string, signingKey: string | null, m: SafeMessage, nowMs: number): OutgoingRequest {
  const payload: WebhookBody = {
    version: WEBHOOK_BODY_VERSION,
    type: m.isTest ? 'test' : 'incident',
    incident: {
      id: m.id,
      at: new Date(m.at).toISOString(),
      kind: m.kind,
      severity: m.severity,
      title: m.title,
      detail: m.detail,
      panel: m.accountName,
      server: m.serverName,
      node: m.node,
      actor: m.actor,
      crash:
        m.exitCode === null && m.oomKilled === null && m.lastLines.length === 0
          ? null
          : { exitCode: m.exitCode, oomKilled: m.oomKilled, lastLines: m.lastLines },
    },
  };
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', [EVENT_HEADER]: payload.type, [DELIVERY_HEADER]: m.id };
  if (signingKey) {
    const timestampS = Math.floor(nowMs / 1000);
    headers[TIMESTAMP_HEADER] = String(timestampS);
    headers[SIGNATURE_HEADER] = signatureOf(signingKey, timestampS, body);
  }
  return { url, headers, body };
}
