/** One reading of failed requests for the API and for transfers (issue 12, item 4). */
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS } from '../../../../src/core/api/retry-after';
import { classifyTransportFailure, errorFromTransport } from '../../../../src/core/api/transport-errors';
import { errorFromFailure, errorFromStatus } from '../../../../src/core/transfer/transfer-errors';

const failed = (code: string, message = '', name = 'Error') => Object.assign(new Error(message), { code, name });

describe('classifyTransportFailure', () => {
  it.each([
    [failed('ECONNREFUSED'), 'unreachable'],
    [failed('EAI_AGAIN'), 'unreachable'],
    [failed('CERT_HAS_EXPIRED'), 'tls'],
    [failed('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    [failed('ERR_CANCELED'), 'cancelled'],
    [failed('ETIMEDOUT'), 'timeout'],
    [failed('ECONNRESET'), 'other'],
  ])('%s → %s', (err, failure) => {
    expect(classifyTransportFailure(err).failure).toBe(failure);
  });

  it('words the same failure for the panel and for the node', () => {
    expect(errorFromTransport(failed('ECONNREFUSED'), [])).toMatchObject({ kind: 'network' });
    expect(errorFromFailure(failed('ECONNREFUSED'), 'download')).toMatchObject({ kind: 'node-unreachable' });
    expect(errorFromTransport(failed('CERT_HAS_EXPIRED'), [])).toMatchObject({ kind: 'tls' });
    expect(errorFromFailure(failed('CERT_HAS_EXPIRED'), 'upload')).toMatchObject({ kind: 'tls' });
  });
});

describe('a transfer’s 429', () => {
  it('reads Retry-After as the API does, on the given clock, capped at an hour', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    expect(errorFromStatus(429, '', { 'retry-after': '30' }, 'download', now).retryAfterMs).toBe(30_000);
    expect(errorFromStatus(429, '', { 'retry-after': 'Thu, 03 Dec 2026 12:00:10 GMT' }, 'download', now).retryAfterMs).toBe(10_000);
    expect(errorFromStatus(429, '', { 'retry-after': '999999' }, 'upload', now).retryAfterMs).toBe(MAX_RETRY_AFTER_MS);
    expect(errorFromStatus(429, '', {}, 'upload', now).retryAfterMs).toBeUndefined();
  });
});
