/**
 * A receiver's answer as delivery sees it, pure: delivered, rate limited (with how long to wait),
 * or failed (a refusal that retrying alone will not fix, or a fault that may pass), each with one
 * sentence for the settings page that never holds the URL or a token.
 *
 * Discord's 429 carries `retry_after` in seconds (a float) in its JSON body and a `Retry-After`
 * header (discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit); ntfy and others
 * send `Retry-After` only (RFC 9110 §10.2.3: seconds or an HTTP date). The body wins when both are
 * there, since Discord's header is rounded up to whole seconds.
 */
import { MAX_RETRY_AFTER_MS, parseRetryAfterMs } from '../api/retry-after';
import type { ChannelKind } from './types';

/** A receiver's answer, as the HTTP layer hands it over. */
export interface HttpAnswer {
  status: number;
  /** A header by lower-case name. */
  header(name: string): string | null;
  /** The body's first few KiB. */
  text: string;
}

/** Why no answer came: the names Node's fetch gives (undici), reduced to what a person can act on. */
export type NoAnswer = 'refused' | 'timeout' | 'dns' | 'tls' | 'network';

export type DeliveryOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'rate-limited'; status: number; retryAfterMs: number | null }
  | { kind: 'failed'; status: number | null; isRefusal: boolean; message: string };

const SERVICE: Record<ChannelKind, string> = { discord: 'Discord', slack: 'Slack', ntfy: 'The ntfy server', webhook: 'The webhook' };

/** Seconds in Discord's JSON `retry_after`, as ms; null when the body is not that. */
export function bodyRetryAfterMs(text: string): number | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const seconds = (parsed as { retry_after?: unknown }).retry_after;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
    return Math.min(MAX_RETRY_AFTER_MS, Math.ceil(seconds * 1000));
  } catch {
    return null;
  }
}

function refusalText(kind: ChannelKind, status: number): string {
  const who = SERVICE[kind];
  if (status === 401 || status === 403)
    return kind === 'ntfy'
      ? `${who} refused the credentials (${status}): check the token or the user and password, and the topic's access.`
      : `${who} refused the request (${status}): check the URL, or make a new webhook and paste its URL.`;
  if (status === 404 || status === 410) return `${who} does not know this address (${status}): the webhook was deleted or the URL is wrong; paste a new one.`;
  if (status === 413) return `${who} found the message too large (413).`;
  return `${who} refused the message (${status}).`;
}

/** What an answer means for delivery. */
export function classifyAnswer(kind: ChannelKind, answer: HttpAnswer, nowMs: number): DeliveryOutcome {
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status === 429) {
    const retryAfterMs = bodyRetryAfterMs(answer.text) ?? parseRetryAfterMs(answer.header('retry-after') ?? undefined, nowMs);
    return { kind: 'rate-limited', status, retryAfterMs };
  }
  if (status >= 300 && status < 400)
    return { kind: 'failed', status, isRefusal: true, message: `${SERVICE[kind]} answered with a redirect (${status}); use the final address.` };
  if (status >= 400 && status < 500 && status !== 408) return { kind: 'failed', status, isRefusal: true, message: refusalText(kind, status) };
  return { kind: 'failed', status, isRefusal: false, message: `${SERVICE[kind]} answered ${status}; trying again later.` };
}

const NO_ANSWER_TEXT: Record<NoAnswer, string> = {
  refused: 'nothing listens at that address (connection refused)',
  timeout: 'it did not answer in time',
  dns: 'its host name is not known (DNS)',
  tls: 'its certificate could not be checked (TLS)',
  network: 'the network failed on the way',
};

/** No answer at all: a fault that may pass. */
export function noAnswerOutcome(kind: ChannelKind, why: NoAnswer): DeliveryOutcome {
  return { kind: 'failed', status: null, isRefusal: false, message: `${SERVICE[kind]} could not be reached: ${NO_ANSWER_TEXT[why]}; trying again later.` };
}
