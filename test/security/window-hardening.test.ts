/**
 * Every window against the Electron security checklist of /work/shared/house-style.md, on the
 * real app: webPreferences, the preload and what it exposes, the CSP (as written and as enforced
 * by Chromium), navigation and `window.open`, `shell.openExternal` limited to a configured panel's
 * own origin, permissions denied. The double records what the app set (webPreferences with
 * Electron's defaults, will-navigate decisions, window-open handler answers, shell calls); the
 * page is real Chromium, so the CSP checks are real.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, PUSH_EVENTS, methodName, subscriptionName } from '../../src/shared/ipc-contract';
import { invoke } from '../e2e/helpers/app-on-sim';
import { expectAlive, useFaultApp } from '../faults/helpers/fault-app';

const BUILT_PAGE = 'out/renderer/index.html';

/** The checklist's CSP, directive by directive. */
const CHECKLIST_CSP: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [String(name).toLowerCase(), sources]),
  );
}

function metaCsp(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error('no CSP meta tag');
  return match[1];
}

describe('the built renderer', () => {
  it('carries the checklist CSP, with no unsafe source', () => {
    const csp = parseCsp(metaCsp(readFileSync(BUILT_PAGE, 'utf8')));
    for (const [directive, sources] of Object.entries(CHECKLIST_CSP)) expect(csp.get(directive), directive).toEqual(sources);
    const all = [...csp.values()].flat();
    expect(all.filter((s) => /unsafe|\*|^https?:$|^http:|^ws:/.test(s))).toEqual([]);
  });

  it('has no eval or new Function in any bundle, and a preload that needs only electron', () => {
    const assets = readdirSync('out/renderer/assets').filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets) {
      const code = readFileSync(join('out/renderer/assets', file), 'utf8');
      expect(/\bnew Function\s*\(|[^.\w$]eval\s*\(/.test(code), file).toBe(false);
      expect(code.includes('@electron/remote'), file).toBe(false);
    }
    const preload = readFileSync('out/preload/index.cjs', 'utf8');
    const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});

describe('the window, on the real app', () => {
  const env = useFaultApp({ sim: { servers: 2 } });

  const window0 = () => {
    const record = env.app.windows()[0];
    if (!record) throw new Error('no window');
    return record;
  };

  it('has the checklist webPreferences, loads from app:// (never file://), DevTools closed', () => {
    expect(env.app.windows().length).toBeGreaterThan(0);
    for (const record of env.app.windows()) {
      const prefs = record.webPreferences;
      expect(prefs.contextIsolation).toBe(true);
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInWorker).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames ?? false).toBe(false);
      expect(prefs.sandbox).toBe(true);
      expect(prefs.webSecurity).not.toBe(false);
      expect(prefs.allowRunningInsecureContent ?? false).toBe(false);
      expect(prefs.webviewTag ?? false).toBe(false);
      expect(prefs.experimentalFeatures ?? false).toBe(false);
      expect(String(prefs.preload)).toMatch(/out\/preload\/index\.cjs$/);
      // The renderer comes from the app's own scheme (security checklist: a custom protocol
      // instead of file://), served by its protocol.handle handler on the window's session.
      expect(record.url).toMatch(/^app:\/\/pterotray\/index\.html(#.*)?$/);
      expect(record.devToolsOpened).toBe(false);
      expect(record.hasWindowOpenHandler).toBe(true);
    }
    const { session, protocol } = env.app.snapshot();
    expect(protocol).toEqual({ handled: ['app'], privilegedSchemes: ['app'] });
    expect(session.hasPermissionRequestHandler).toBe(true);
    expect(session.hasPermissionCheckHandler).toBe(true);
  });

  it('exposes only the contract’s window.api to the page: frozen, no ipcRenderer, no Node', async () => {
    const seen = await env.page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const api = g.api as Record<string, unknown>;
      return {
        keys: Object.keys(api).sort(),
        isFrozen: Object.isFrozen(api),
        allFunctions: Object.values(api).every((v) => typeof v === 'function'),
        leaks: ['require', 'process', 'module', 'Buffer', 'ipcRenderer', 'electron', 'global', '__dirname'].filter((name) => g[name] !== undefined),
      };
    });
    // No pathForFile: the page never learns a local path (issue 11); a drop's Files go to filesUpload as they are.
    const expected = [...INVOKE_CHANNELS.map(methodName), ...PUSH_EVENTS.map(subscriptionName)].sort();
    expect(seen.keys).toEqual(expected);
    expect(seen.isFrozen).toBe(true);
    expect(seen.allFunctions).toBe(true);
    expect(seen.leaks).toEqual([]);
  });

  // Code run through Playwright (DevTools) is exempt from the CSP, so each probe makes the page
  // itself run something: a string timer (eval), a script element (inline), a fetch, an image.
  it('enforces the CSP: no eval, no injected script, no fetch to the panel, no foreign image', async () => {
    const panelUrl = env.sim.url;
    const result = await env.page.evaluate(async (panel: string) => {
      const g = globalThis as unknown as Record<string, unknown>;
      type El = Record<string, unknown> & { addEventListener(type: string, cb: () => void): void };
      const doc = g.document as {
        createElement(tag: string): El;
        head: { appendChild(n: unknown): void };
        addEventListener(type: string, cb: (e: { violatedDirective: string }) => void): void;
      };
      const violations = new Set<string>();
      let onViolation = (): void => {};
      doc.addEventListener('securitypolicyviolation', (e) => {
        violations.add(e.violatedDirective);
        onViolation();
      });
      // Resolves once the four probes were each reported, or after 3 s with what was.
      const reported = new Promise<void>((resolve) => {
        onViolation = () => violations.size >= 4 && resolve();
        (g.setTimeout as (cb: () => void, ms: number) => void)(resolve, 3_000);
      });
      (g.setTimeout as (code: string, ms: number) => void)('globalThis.__fromString = true', 0);
      const script = doc.createElement('script');
      script.textContent = 'globalThis.__injected = true';
      doc.head.appendChild(script);
      let fetched = 'ran';
      try {
        await (g.fetch as (url: string) => Promise<unknown>)(`${panel}/api/client`);
      } catch (error) {
        fetched = String((error as Error).name);
      }
      const image = doc.createElement('img');
      const loaded = new Promise<string>((resolve) => {
        image.addEventListener('load', () => resolve('loaded'));
        image.addEventListener('error', () => resolve('blocked'));
      });
      image.src = `${panel}/favicon.ico`;
      doc.head.appendChild(image);
      const imageResult = await loaded;
      await reported;
      return {
        stringTimer: g.__fromString === true ? 'ran' : 'blocked',
        inlineScript: g.__injected === true ? 'ran' : 'blocked',
        fetch: fetched,
        image: imageResult,
        violations: [...violations].sort(),
      };
    }, panelUrl);
    expect(result).toEqual({
      stringTimer: 'blocked',
      inlineScript: 'blocked',
      fetch: 'TypeError',
      image: 'blocked',
      violations: ['connect-src', 'img-src', 'script-src-elem', 'script-src'].sort(),
    });
  });

  // The page asks its own scheme for files outside out/renderer, the way an XSS would: the
  // app's handler answers only what is inside (a file:// page could read any of these).
  it('reads nothing outside the renderer through app://: dot-dot paths, encoded or not, are refused', async () => {
    const probes = [
      '/index.html',
      '/../main/index.js',
      '/..%2fmain%2findex.js',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/%2fetc%2fpasswd',
      '/..%5c..%5cpackage.json',
    ];
    const results = await env.page.evaluate(async (paths: string[]) => {
      const g = globalThis as unknown as {
        fetch(url: string): Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;
      };
      const out: Array<{ path: string; status: number; csp: string | null; body: string }> = [];
      for (const path of paths) {
        const response = await g.fetch(path);
        out.push({ path, status: response.status, csp: response.headers.get('content-security-policy'), body: (await response.text()).slice(0, 200) });
      }
      return out;
    }, probes);
    // The page also gets frame-ancestors as a header, the one place Chromium applies it.
    expect(results[0]).toMatchObject({ path: '/index.html', status: 200, csp: "frame-ancestors 'none'" });
    expect(results[0]?.body).toContain('Content-Security-Policy');
    for (const result of results.slice(1)) {
      expect([403, 404], result.path).toContain(result.status);
      expect(result.body, result.path).not.toMatch(/"name": "pterotray"|root:|import|require/);
    }
  });

  /** Makes the page click a link it created (a person clicking a link in server output, say). */
  const clickLink = (href: string, target?: string): Promise<void> =>
    env.page.evaluate(
      ([url, where]) => {
        const doc = (
          globalThis as unknown as {
            document: { createElement(t: string): Record<string, unknown> & { click(): void }; body: { appendChild(n: unknown): void } };
          }
        ).document;
        const link = doc.createElement('a');
        link.href = url;
        if (where) link.target = where;
        doc.body.appendChild(link);
        link.click();
      },
      [href, target ?? ''] as const,
    );

  /** A link the person really clicks: Playwright's mouse goes through Chromium's input, so main sees the press. */
  const pressLink = async (href: string, target: string): Promise<void> => {
    await env.page.evaluate(
      ([url, where]) => {
        const doc = (
          globalThis as unknown as {
            document: {
              createElement(t: string): Record<string, unknown> & { click(): void; remove(): void };
              body: { appendChild(n: unknown): void };
              getElementById(id: string): { remove(): void } | null;
            };
          }
        ).document;
        doc.getElementById('pressed-link')?.remove();
        const link = doc.createElement('a');
        link.href = url;
        link.target = where;
        link.id = 'pressed-link';
        link.textContent = 'a link to press';
        link.style = 'position:fixed;top:0;left:0;z-index:99999;background:#fff;padding:8px';
        doc.body.appendChild(link);
      },
      [href, target] as const,
    );
    await env.page.click('#pressed-link');
    await env.page.evaluate(() =>
      (globalThis as unknown as { document: { getElementById(id: string): { remove(): void } | null } }).document.getElementById('pressed-link')?.remove(),
    );
  };

  it('blocks navigation away from the app, by script and by link', async () => {
    const before = env.page.url();
    const tried = (): Array<{ url: string; prevented: boolean }> => window0().navigationRequests.filter((n) => n.url.startsWith('https://evil.example/'));
    await env.page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://evil.example/phish';
    });
    // One at a time: a link clicked while the first navigation is still starting would cancel it
    // before it reaches will-navigate (seen once in four runs).
    await env.app.waitFor(() => tried().length >= 1, { timeoutMs: 5_000, message: 'will-navigate seen for the script' });
    await clickLink('https://evil.example/by-link');
    await env.app.waitFor(() => tried().length >= 2, { timeoutMs: 5_000, message: 'will-navigate seen for both' });
    expect(tried().every((n) => n.prevented)).toBe(true);
    expect(env.page.url()).toBe(before);
    expect((await invoke(env.page, 'settingsGet')).ok).toBe(true);
  });

  it('denies window.open and target=_blank; only a panel page reaches the browser, through shell.openExternal', async () => {
    const panel = env.sim.url;
    const port = Number(new URL(panel).port);
    const refused = [
      'https://evil.example/',
      `http://127.0.0.1:${port + 1}/`,
      `https://127.0.0.1:${port}/`,
      `http://user:pass@127.0.0.1:${port}/server/x`,
      `http://127.0.0.1:${port}@evil.example/`,
      'http://127.0.0.1.evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ms-settings:privacy',
      'not a url',
    ];
    const allowed = `${panel}/server/${env.sim.control.servers()[0]?.identifier ?? 'x'}`;
    const windows = env.app.windows().length;
    const shellBefore = env.app.shellCalls().length;
    const requestsBefore = window0().windowOpenRequests.length;
    await env.page.evaluate((urls: string[]) => {
      const open = (globalThis as unknown as { open(url: string): unknown }).open;
      for (const url of urls) open(url);
    }, refused);
    await clickLink('https://evil.example/blank', '_blank');
    // A panel page clicked by script only: main saw no press, so it opens nothing (gesture contract).
    await clickLink(allowed, '_blank');
    await pressLink('https://evil.example/pressed', '_blank');
    await pressLink(allowed, '_blank');
    await env.app.waitFor(() => window0().windowOpenRequests.length >= requestsBefore + refused.length + 4, {
      timeoutMs: 5_000,
      message: 'window.open requests recorded',
    });
    expect(window0().windowOpenRequests.every((r) => r.action === 'deny')).toBe(true);
    expect(env.app.windows().length).toBe(windows);
    await env.app.waitFor(() => env.app.shellCalls().length > shellBefore, { timeoutMs: 5_000, message: 'the panel page opened in the browser' });
    const opened = env.app.shellCalls().slice(shellBefore);
    expect(opened).toEqual([{ method: 'openExternal', target: allowed }]);
  });

  it('opens a server in its panel only at the panel’s own origin, after a press (servers:open-in-panel)', async () => {
    const server = env.sim.control.servers()[0];
    if (!server) throw new Error('no server');
    const shellBefore = env.app.shellCalls().length;
    // The person pressed in the window just before the page asked (gesture-contract.ts).
    await env.page.mouse.click(2, 2);
    const reply = await invoke(env.page, 'serversOpenInPanel', { accountId: env.account.id, identifier: server.identifier });
    expect(reply.ok).toBe(true);
    await env.app.waitFor(() => env.app.shellCalls().length > shellBefore, { timeoutMs: 5_000 });
    const [call] = env.app.shellCalls().slice(shellBefore);
    expect(call?.method).toBe('openExternal');
    expect(new URL(String(call?.target)).origin).toBe(new URL(env.sim.url).origin);
  });

  it('denies every permission a page may ask for', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'midi', 'openExternal', 'fullscreen']) {
      expect(await env.app.requestPermission(permission), permission).toBe(false);
    }
    await expectAlive(env);
  });
});
