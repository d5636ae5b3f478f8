import { describe, expect, it } from 'vitest';
import { checkExternalLink, checkSftpLink, serverPageUrl, sftpUrl } from '../../../src/main/external-links';

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

describe('sftp links (issue 13)', () => {
  const servers = [{ host: 'node1.example.com', port: 2022, username: 'demo.1a2b3c4d' }];

  it('builds the URL as the panel shows the details, and lets exactly that one through', () => {
    expect(sftpUrl(servers[0]!)).toBe('sftp://demo.1a2b3c4d@node1.example.com:2022');
    expect(sftpUrl({ host: '::1', port: 22, username: 'a@b.x' })).toBe('sftp://a%40b.x@[::1]:22');
    expect(checkSftpLink('sftp://demo.1a2b3c4d@node1.example.com:2022', servers)).toEqual({
      allowed: true,
      url: 'sftp://demo.1a2b3c4d@node1.example.com:2022',
    });
  });

  it.each([
    ['https://node1.example.com', 'not sftp'],
    ['sftp://demo.1a2b3c4d:hunter2@node1.example.com:2022', 'credentials in URL'],
    ['sftp://demo.1a2b3c4d@node1.example.com:2022/etc/passwd', 'more than an address'],
    ['sftp://demo.1a2b3c4d@node1.example.com:2022?x=1', 'more than an address'],
    ['sftp://root@node1.example.com:2022', 'not a server of a configured panel'],
    ['sftp://demo.1a2b3c4d@evil.example:2022', 'not a server of a configured panel'],
    ['not a url', 'not a URL'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(checkSftpLink(url, servers)).toEqual({ allowed: false, reason });
  });
});
