import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, appUrlMatcher, createAppProtocolHandler, fileForAppUrl, isAppOriginUrl } from '../../../src/main/app-protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'w');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

  it.each([
    ['app://pterotray/index.html', 'text/html; charset=utf-8', '<!doctype html><title>t</title>'],
    ['app://pterotray/', 'text/html; charset=utf-8', '<!doctype html><title>t</title>'],
    ['app://pterotray/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['app://pterotray/assets/index-abc.css?v=1#x', 'text/css; charset=utf-8', 'body{}'],
    ['app://pterotray/assets/font.woff2', 'font/woff2', 'w'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
    // frame-ancestors only works as a header: the page carries it, nothing else needs it.
    expect(response.headers.get('content-security-policy')).toBe(type.startsWith('text/html') ? "frame-ancestors 'none'" : null);
  });

  it.each([
    ['a dot-dot path', 'app://pterotray/../secret.txt'],
    ['an encoded dot-dot path', 'app://pterotray/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://pterotray/assets/..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://pterotray/assets/..%5c..%5csecret.txt'],
    ['an absolute path in the URL', 'app://pterotray/%2fetc%2fpasswd'],
    ['a NUL byte', 'app://pterotray/index.html%00.js'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('refuses %s and reads nothing outside the renderer', async (_name, url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('answers 404 for a missing file and 405 for a POST; HEAD has headers and no body', async () => {
    expect((await get('app://pterotray/missing.js')).status).toBe(404);
    expect((await get('app://pterotray/index.html', 'POST')).status).toBe(405);
    const head = await get('app://pterotray/assets/index-abc.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('19');
    expect(await head.text()).toBe('');
  });

  it('maps URLs only inside the root', () => {
    expect(fileForAppUrl('app://pterotray/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(fileForAppUrl('app://pterotray/..', root)).toBe(join(root, 'index.html'));
    expect(fileForAppUrl('app://pterotray/%E0%A4%A', root)).toBeNull();
    expect(fileForAppUrl('not a url', root)).toBeNull();
  });
});

describe('the app page matcher (IPC sender check and navigation guard)', () => {
  it.each([
    [APP_PAGE_URL, true],
    ['app://pterotray/index.html#/console', true],
    ['app://pterotray/other.html', true],
    ['app://evil/index.html', false],
    ['app://pterotray.evil.example/index.html', false],
    ['file:///opt/pterotray/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['https://pterotray/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['about:blank', false],
    ['data:text/html,<p>x</p>', false],
    ['', false],
  ])('app origin: %s → %s', (url, trusted) => {
    expect(isAppOriginUrl(url)).toBe(trusted);
    expect(appUrlMatcher(APP_PAGE_URL)(url)).toBe(trusted);
  });

  it('in electron-vite dev, only the dev server origin', () => {
    const matches = appUrlMatcher('http://localhost:5173/');
    expect(matches('http://localhost:5173/index.html')).toBe(true);
    expect(matches('http://localhost:5174/')).toBe(false);
    expect(matches(APP_PAGE_URL)).toBe(false);
    expect(matches('file:///index.html')).toBe(false);
  });
});
