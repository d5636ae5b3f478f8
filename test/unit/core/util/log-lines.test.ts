import { describe, expect, it } from 'vitest';
import { createLineLogger, scrubSecrets } from '../../../../src/core/util/log-lines';

const KEY = 'ptlc_AbCdEfGhIjK0123456789abcdefghijklmnopqrstuv';

describe('scrubSecrets', () => {
  it.each([
    [`key ${KEY} end`, 'key [redacted] end'],
    ['pacc_0123456789abcdefghij', '[redacted]'],
    ['Authorization: Bearer abc.def-123', 'Authorization: [redacted]'],
    ['GET https://node:8080/download/file?token=eyJabc.def.ghi&x=1', 'GET https://node:8080/download/file?token=[redacted]&x=1'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig-nature_x', 'jwt [redacted]'],
    ['ptlc_ short', 'ptlc_ short'],
  ])('%s', (input, expected) => {
    expect(scrubSecrets(input)).toBe(expected);
  });
});

describe('createLineLogger', () => {
  it('writes scrubbed lines at or above the level', () => {
    const lines: string[] = [];
    const log = createLineLogger({ write: (l) => lines.push(l), minLevel: 'info', now: () => new Date(0) });
    log.debug('hidden');
    log.warn('panel said', { detail: `echo ${KEY}`, error: new Error(`bad ${KEY}`) });
    expect(lines).toEqual(['1970-01-01T00:00:00.000Z WARN panel said {"detail":"echo [redacted]","error":{"name":"Error","message":"bad [redacted]"}}']);
  });

  it('survives fields that cannot be serialised', () => {
    const lines: string[] = [];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    createLineLogger({ write: (l) => lines.push(l) }).error('x', cyclic);
    expect(lines[0]).toContain('unserialisable');
  });
});
