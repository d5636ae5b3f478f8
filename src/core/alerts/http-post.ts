/**
 * The one POST alerts make, over Node's fetch (undici: in Node 22+ and in Electron's main), with a
 * deadline and no redirects (a webhook that moves is a configuration to fix, and following it
 * would send the body somewhere the person did not choose). Errors become a NoAnswer reason, never
 * the error's text: undici's messages and causes can name the URL, which holds the secret.
 */
import type { OutgoingRequest } from './message';
import type { HttpAnswer, NoAnswer } from './outcome';

/** Sends one request; resolves with the answer, or rejects with a NoAnswerError. */
export type HttpPost = (request: OutgoingRequest, signal?: AbortSignal) => Promise<HttpAnswer>;

export const POST_TIMEOUT_MS = 15_000;
/** Kept of a body: enough for Discord's 429 JSON and an error sentence. */
const MAX_BODY_CHARS = 4_096;

export class NoAnswerError extends Error {
  constructor(readonly reason: NoAnswer) {
    super(`no answer (${reason})`);
    this.name = 'NoAnswerError';
  }
}

function reasonOf(error: unknown): NoAnswer {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const code = String((error as { cause?: { code?: unknown } } | null)?.cause?.code ?? '');
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code.startsWith('UND_ERR_CONNECT_TIMEOUT') || code === 'ETIMEDOUT') return 'timeout';
  if (/CERT|SSL|TLS/i.test(code)) return 'tls';
  return 'network';
}

/** The real POST. */
export function fetchPost(timeoutMs = POST_TIMEOUT_MS): HttpPost {
  return async (request, signal) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers: { 'User-Agent': 'Pterotray (alerts)', ...request.headers },
        body: request.body,
        redirect: 'manual',
        signal: signal ? AbortSignal.any([deadline, signal]) : deadline,
      });
    } catch (error) {
      throw new NoAnswerError(reasonOf(error));
    }
    let text = '';
    try {
      text = (await response.text()).slice(0, MAX_BODY_CHARS);
    } catch {
      // The status is what matters; a body cut off mid-way is left empty.
    }
    return { status: response.status, header: (name) => response.headers.get(name), text };
  };
}
