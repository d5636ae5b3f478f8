import { describe, expect, it } from 'vitest';
import { checkExternalLink, serverPageUrl } from '../../../src/main/external-links';

const panels = ['https://panel.example.com', 'http://127.0.0.1:40123', 'https://example.org/panel'].map((url) => ({ url, allowsPlainHttp: false }));

describe('checkExternalLink', () => {
  it.each([
    ['https://panel.example.com/server/abcd1234', true],
    ['https://panel.example.com:443/account', true],
    ['http://127.0.0.1:40123/server/x', true],
    ['https://example.org/elsewhere', true],
    ['http://panel.example.com/server/abcd1234', false],
    ['https://panel.example.com.evil.com/', false],
    ['https://evil.com/?https://panel.example.com', false],
    ['https://user:pw@panel.example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['http://127.0.0.1:9999/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(checkExternalLink(url, panels).allowed).toBe(allowed);
  });

  it('opens a plain-http panel only when the person allowed it for that panel', () => {
    const plain = [
      { url: 'http://panel.lan', allowsPlainHttp: true },
      { url: 'http://other.lan', allowsPlainHttp: false },
    ];
    expect(checkExternalLink('http://panel.lan/server/x', plain).allowed).toBe(true);
    expect(checkExternalLink('http://other.lan/server/x', plain)).toEqual({ allowed: false, reason: 'not https' });
    expect(checkExternalLink('http://evil.lan/', plain)).toEqual({ allowed: false, reason: 'not a configured panel' });
  });

  it('builds the panel page of a server', () => {
    expect(serverPageUrl('https://panel.example.com/', 'abcd1234')).toBe('https://panel.example.com/server/abcd1234');
  });
});
