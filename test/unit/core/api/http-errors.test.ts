import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describePanelError } from '../../../../src/core/api/describe-error';
import { PanelError, type PanelErrorKind } from '../../../../src/core/api/errors';
import { conflictReasonOf, errorFromResponse } from '../../../../src/core/api/http-errors';
import type { RawResponse } from '../../../../src/core/api/raw-response';
import { secretsOf } from '../../../../src/core/api/redact';
import { parseRetryAfterMs } from '../../../../src/core/api/retry-after';
import { errorFromTransport } from '../../../../src/core/api/transport-errors';

const KEY = 'ptlc_AbCdEfGhIjK' + 'S3cr3tS3cr3tS3cr3tS3cr3tS3cr3tXY';
const SECRETS = secretsOf(KEY);
const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

function panelBody(code: string, status: number, detail: string): string {
  return JSON.stringify({ errors: [{ code, status: String(status), detail }] });
}

function res(status: number, body = '', headers: Record<string, string> = {}): RawResponse {
  return { status, body, headers: { 'content-type': 'application/json', ...headers } };
}

function map(r: RawResponse, operation?: string): PanelError {
  return errorFromResponse(r, { operation, secrets: SECRETS, nowMs: NOW });
}

describe('a panel failing with its own JSON 5xx', () => {
  it('is the panel failing, not an address that does not point to a panel', () => {
    const error = map(res(500, panelBody('HttpException', 500, 'An unexpected error was encountered while processing this request, please try again.')));
    expect(error.kind).toBe('bad-response');
    expect(error.isPanelFailure).toBe(true);
    expect(error.message).toContain('The panel failed with an internal error (500)');
    expect(error.message).toContain('An unexpected error was encountered');
    expect(error.advice).not.toMatch(/URL|address/);
    expect(error.advice).toMatch(/panel itself is failing/);
  });

  it('is not said of an HTML 500, which may come from anything in front of the panel', () => {
    const error = map(res(500, '<html>Internal Server Error</html>', { 'content-type': 'text/html' }));
    expect(error.isPanelFailure).toBe(false);
    expect(error.message).not.toContain('internal error');
  });
});

describe('errorFromResponse', () => {
  it.each<[string, RawResponse, PanelErrorKind, string | undefined]>([
    ['401', res(401, panelBody('AuthenticationException', 401, 'Unauthenticated.')), 'auth', undefined],
    ['403', res(403, panelBody('AccessDeniedHttpException', 403, 'This action is unauthorized.')), 'forbidden', undefined],
    ['404', res(404, panelBody('NotFoundHttpException', 404, 'The requested resource could not be found on the server.')), 'not-found', undefined],
    ['404 as HTML', res(404, '<html>nginx</html>', { 'content-type': 'text/html' }), 'bad-response', undefined],
    [
      '409',
      res(409, panelBody('ServerStateConflictException', 409, 'This server is currently suspended and the functionality requested is unavailable.')),
      'conflict',
      undefined,
    ],
    ['400 2FA', res(400, panelBody('TwoFactorAuthRequiredException', 400, 'Two-factor authentication is required.')), 'two-factor-required', undefined],
    ['400 too large', res(400, panelBody('FileSizeTooLargeException', 400, 'File too large.')), 'too-large', undefined],
    ['400 other', res(400, panelBody('DisplayException', 400, 'Bad cron.')), 'validation', undefined],
    ['422', res(422, panelBody('ValidationException', 422, 'The selected signal is invalid.')), 'validation', undefined],
    ['429', res(429, panelBody('ThrottleRequestsException', 429, 'Too Many Attempts.'), { 'retry-after': '30' }), 'rate-limited', undefined],
    ['502 on command', res(502, panelBody('HttpException', 502, 'Server must be online in order to send commands.')), 'server-offline', 'command'],
    ['502 elsewhere', res(502, panelBody('DaemonConnectionException', 502, 'Bad gateway.')), 'node-unreachable', undefined],
    [
      '504',
      res(504, panelBody('DaemonConnectionException', 504, 'Could not establish a connection to the machine running this server.')),
      'node-unreachable',
      undefined,
    ],
    ['504 HTML from a proxy', res(504, '<html>gateway timeout</html>', { 'content-type': 'text/html' }), 'network', undefined],
    ['503', res(503, '{"message":"Service Unavailable"}'), 'maintenance', undefined],
    [
      '500',
      res(500, panelBody('Exception', 500, 'An unexpected error was encountered while processing this request, please try again.')),
      'bad-response',
      undefined,
    ],
    ['302 to login', res(302, '', { location: 'https://panel.example.com/auth/login' }), 'auth', undefined],
    ['301 elsewhere', res(301, '', { location: 'https://other.example.com/' }), 'bad-response', undefined],
  ])('maps %s', (_name, answer, kind, operation) => {
    const err = map(answer, operation);
    expect(err).toBeInstanceOf(PanelError);
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(answer.status);
  });

  it('keeps the panel detail and code, and the IP-not-allowed wording on 403', () => {
    const detail = 'This IP address (10.1.2.3) does not have permission to access the API using these credentials.';
    const err = map(res(403, panelBody('AccessDeniedHttpException', 403, detail)));
    expect(err).toMatchObject({ kind: 'forbidden', code: 'AccessDeniedHttpException', detail, message: detail });
  });

  it('reads the Wings {error, request_id} shape', () => {
    const err = map(res(404, JSON.stringify({ error: 'The requested resource was not found on this server.', request_id: 'r1' })));
    expect(err).toMatchObject({ kind: 'not-found', detail: 'The requested resource was not found on this server.' });
  });

  it('joins several validation errors into the message', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'ValidationException', status: '422', detail: 'The name is required.', meta: { source_field: 'name', rule: 'required' } },
        { code: 'ValidationException', status: '422', detail: 'The minute is invalid.', meta: { source_field: 'minute', rule: 'cron' } },
      ],
    });
    expect(map(res(422, body)).message).toBe('The name is required. The minute is invalid.');
  });

  it.each([
    ['This server is currently suspended and the functionality requested is unavailable.', 'suspended'],
    ['This server has not yet completed its installation process, please try again later.', 'installing'],
    ['This server is currently being transferred to a new machine, please try again later.', 'transferring'],
    ['This server is currently restoring from a backup, please try again later.', 'restoring'],
    ['The node of this server is currently under maintenance and the functionality requested is unavailable.', 'node-maintenance'],
    ['There is not enough disk space available to perform this action.', 'other'],
  ])('reads the conflict reason of %j', (detail, reason) => {
    expect(conflictReasonOf(detail)).toBe(reason);
    expect(map(res(409, panelBody('ServerStateConflictException', 409, detail))).conflictReason).toBe(reason);
  });

  it.each([
    ['seconds', { 'retry-after': '42' }, 42_000],
    ['an HTTP date', { 'retry-after': new Date(NOW + 90_000).toUTCString() }, 90_000],
    ['only X-RateLimit-Reset', { 'x-ratelimit-reset': String(NOW / 1000 + 15) }, 15_000],
  ])('reads retryAfterMs from %s', (_n, headers, ms) => {
    expect(map(res(429, '', headers)).retryAfterMs).toBe(ms);
  });

  it('never puts the key in a message even when the panel echoes it', () => {
    const body = panelBody('AuthenticationException', 401, `Bad token: Bearer ${KEY}`);
    const err = map(res(401, body));
    const redirect = map(res(301, '', { location: `https://evil.example.com/?k=${KEY}` }));
    for (const e of [err, redirect]) {
      const texts = [e.message, e.detail ?? '', JSON.stringify(e), String(e), inspect(e, { depth: 5 })];
      for (const text of texts) expect(text).not.toContain(KEY.slice(16));
    }
    expect(err.detail).toContain('[redacted]');
  });
});

describe('parseRetryAfterMs', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['nonsense', null],
    ['0', 0],
    ['1.5', 1500],
    [new Date(NOW - 5000).toUTCString(), 0],
    ['999999999', 3_600_000],
  ])('parses %j as %j', (value, ms) => {
    expect(parseRetryAfterMs(value, NOW)).toBe(ms);
  });
});

describe('errorFromTransport', () => {
  function axiosLike(code: string, message: string): Error {
    // What axios throws: the request config with the Authorization header rides along.
    return Object.assign(new Error(message), {
      name: 'AxiosError',
      code,
      isAxiosError: true,
      config: { headers: { Authorization: `Bearer ${KEY}` } },
      request: { _header: `GET / HTTP/1.1\r\nAuthorization: Bearer ${KEY}` },
    });
  }

  it.each<[string, string, PanelErrorKind]>([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'network'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND panel.invalid', 'network'],
    ['ECONNRESET', 'socket hang up', 'network'],
    ['ECONNABORTED', 'timeout of 20000ms exceeded', 'timeout'],
    ['ETIMEDOUT', 'timeout of 20000ms exceeded', 'timeout'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'tls'],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'tls'],
    ['ERR_CANCELED', 'canceled', 'cancelled'],
    ['ERR_BAD_RESPONSE', 'maxContentLength size of 10 exceeded', 'bad-response'],
  ])('maps %s to %s without keeping the axios error', (code, message, kind) => {
    const err = errorFromTransport(axiosLike(code, message), SECRETS);
    expect(err.kind).toBe(kind);
    const dump = [err.message, JSON.stringify(err), String(err), inspect(err, { depth: 10, showHidden: true })].join('\n');
    expect(dump).not.toContain(KEY.slice(16));
    expect(dump).not.toContain('Authorization');
  });

  it('finds the system code behind a bare ERR_NETWORK', () => {
    const err = Object.assign(new Error('Network Error'), { code: 'ERR_NETWORK', cause: { code: 'ECONNRESET' } });
    expect(errorFromTransport(err, SECRETS)).toMatchObject({ kind: 'network', code: 'ECONNRESET' });
  });
});

describe('describePanelError', () => {
  it('titles conflicts by reason and words the rate-limit wait', () => {
    expect(describePanelError(new PanelError({ kind: 'conflict', conflictReason: 'suspended' })).title).toBe('Server suspended');
    expect(describePanelError(new PanelError({ kind: 'rate-limited', retryAfterMs: 12_300 })).advice).toContain('13 s');
    expect(describePanelError(new TypeError('x')).title).toBe('Unexpected error');
  });
});
