import { describe, expect, it } from 'vitest';
import { buildEnvelope, contentDisposition, encodeExtValue, uploadUrlWithDirectory } from '../../../../src/core/transfer/multipart';
import { redactTokens } from '../../../../src/core/transfer/redact';
import { errorFromFailure, errorFromStatus } from '../../../../src/core/transfer/transfer-errors';

describe('multipart pieces', () => {
  it.each([
    ['plain.txt', 'filename="plain.txt"; filename*=UTF-8\'\'plain.txt'],
    ['he said "hi".txt', 'filename="he said \\"hi\\".txt"; filename*=UTF-8\'\'he%20said%20%22hi%22.txt'],
    ['café.txt', 'filename="cafe.txt"; filename*=UTF-8\'\'caf%C3%A9.txt'],
    ['文件.txt', 'filename="__.txt"; filename*=UTF-8\'\'%E6%96%87%E4%BB%B6.txt'],
    ["it's.txt", "filename=\"it's.txt\"; filename*=UTF-8''it%27s.txt"],
    ['a\r\nInjected: yes', 'filename="a__Injected: yes"; filename*=UTF-8\'\'a%0D%0AInjected%3A%20yes'],
  ])('Content-Disposition for %j', (name, expected) => {
    expect(contentDisposition(name)).toBe(`form-data; name="files"; ${expected}`);
  });

  it('keeps RFC 8187 attr-chars as they are', () => {
    expect(encodeExtValue('a#b$c&d+e-f.g^h_i`j|k~l!m')).toBe('a#b$c&d+e-f.g^h_i`j|k~l!m');
    expect(encodeExtValue('%?*()')).toBe('%25%3F%2A%28%29');
  });

  it('frames the part with a random boundary', () => {
    const a = buildEnvelope('x');
    const b = buildEnvelope('x');
    expect(a.boundary).not.toBe(b.boundary);
    expect(a.contentType).toBe(`multipart/form-data; boundary=${a.boundary}`);
    expect(a.head.toString()).toMatch(new RegExp(`^--${a.boundary}\\r\\nContent-Disposition: .*\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\n$`));
    expect(a.tail.toString()).toBe(`\r\n--${a.boundary}--\r\n`);
  });

  it('appends the directory to the signed URL, keeping the token', () => {
    const url = uploadUrlWithDirectory(new URL('https://node:8080/upload/file?token=abc.def'), '/a b/&c');
    expect(url.searchParams.get('token')).toBe('abc.def');
    expect(url.searchParams.get('directory')).toBe('/a b/&c');
    expect(uploadUrlWithDirectory(new URL('https://node/upload'), '/').search).toBe('?directory=%2F');
  });
});

describe('redaction and error mapping', () => {
  it('redacts token= values and JWT-shaped strings', () => {
    expect(redactTokens('GET https://n:8080/download/file?token=abc.def&x=1 failed')).toBe('GET https://n:8080/download/file?token=[redacted]&x=1 failed');
    expect(redactTokens('bad eyJhbGciOiJI.eyJzdWIiOiIx.sig here')).toBe('bad [redacted] here');
  });

  it.each<[number, string, string]>([
    [404, '{"error":"not found"}', 'not-found'],
    [401, '', 'forbidden'],
    [413, '<html>too big</html>', 'too-large'],
    [409, '{"error":"busy"}', 'conflict'],
    [422, '{"errors":[{"detail":"bad"}]}', 'validation'],
    [502, '', 'node-unreachable'],
    [500, '{"error":"boom"}', 'bad-response'],
    [302, '', 'bad-response'],
  ])('HTTP %i %s → %s', (status, body, kind) => {
    expect(errorFromStatus(status, body, {}, 'download').kind).toBe(kind);
  });

  it('reads Retry-After and redacts details', () => {
    expect(errorFromStatus(429, '', { 'retry-after': '7' }, 'upload').retryAfterMs).toBe(7000);
    const err = errorFromStatus(400, '{"error":"bad link ?token=sekret"}', {}, 'upload');
    expect(err.detail).toBe('bad link ?token=[redacted]');
    expect(err.message).not.toContain('sekret');
  });

  it.each<[string, string]>([
    ['ECONNREFUSED', 'node-unreachable'],
    ['ENOTFOUND', 'node-unreachable'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ECONNRESET', 'network'],
  ])('transport error %s → %s', (code, kind) => {
    expect(errorFromFailure(Object.assign(new Error('x'), { code }), 'download').kind).toBe(kind);
  });
});
