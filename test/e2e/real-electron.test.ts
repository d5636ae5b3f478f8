/**
 * The tray specs on real Electron, through Playwright's `_electron`, where an Electron binary
 * exists (a developer's machine, a hosted CI). Here, where Electron cannot be downloaded, they
 * report themselves skipped with the reason. A native tray menu cannot be clicked from Playwright,
 * so on real Electron the specs read the tray model and notices main drew (PTEROTRAY_TEST_HOOKS=1)
 * and act through the window's API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import keytar from 'keytar';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimPanel, type SimPanel } from '../../src/sim';
import type { TestHooks } from '../../src/main/test-hooks';
import type { AccountView } from '../../src/shared/types';
import { MAIN, hasSecretService, invoke } from './helpers/app-on-sim';

/** The Electron binary npm installed, without triggering its lazy download. */
function electronBinary(): string | null {
  if (process.env.PTEROTRAY_ELECTRON) return existsSync(process.env.PTEROTRAY_ELECTRON) ? process.env.PTEROTRAY_ELECTRON : null;
  const dir = resolve('node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason = !binary
  ? 'no Electron binary (node_modules/electron/dist is empty: its download is not reachable here, or ELECTRON_SKIP_BINARY_DOWNLOAD was set)'
  : !hasSecretService
    ? 'no Secret Service for the keychain'
    : null;
if (skipReason) console.warn(`\n!!! SKIPPED on real Electron: ${skipReason}. The same behaviour is covered on the Electron double.\n`);

type Hooked = typeof globalThis & { __pterotrayTest: TestHooks };

describe.skipIf(skipReason !== null)('on real Electron', () => {
  let sim: SimPanel;
  let app: ElectronApplication;
  let page: Page;
  let account: AccountView;

  beforeAll(async () => {
    sim = await startSimPanel({ servers: 4, seed: 3, tickMs: 150, statsIntervalMs: 400 });
    app = await _electron.launch({ executablePath: binary!, args: [MAIN, '--no-sandbox'], env: { ...process.env, PTEROTRAY_TEST_HOOKS: '1', PTEROTRAY_QUIET: '1' } as Record<string, string> });
    page = await app.firstWindow();
    await page.waitForFunction(() => 'api' in globalThis);
    const added = await invoke<AccountView>(page, 'accountsAdd', { url: sim.url, name: 'Test panel', apiKey: sim.apiKey });
    if (!added.ok) throw new Error(added.error.message);
    account = added.value;
  });

  afterAll(async () => {
    await app?.close();
    await sim?.close();
  });

  const trayModel = () => app.evaluate(() => (globalThis as Hooked).__pterotrayTest.trayModel());
  const notices = () => app.evaluate(() => (globalThis as Hooked).__pterotrayTest.notices());

  it('lists every server in the tray', async () => {
    const names = sim.control.servers().map((s) => s.name).sort();
    await expect.poll(async () => (await trayModel())?.sections[0]?.servers.map((i) => i.label.slice(2)).sort(), { timeout: 20_000 }).toEqual(names);
  });

  it('starts a server, and the tray follows', async () => {
    const offline = sim.control.servers().find((s) => s.state === 'offline')!;
    const reply = await invoke(page, 'serversPower', { server: { accountId: account.id, identifier: offline.identifier }, signal: 'start' });
    expect(reply.ok).toBe(true);
    await expect.poll(async () => (await trayModel())?.sections[0]?.servers.find((i) => i.identifier === offline.identifier)?.label, { timeout: 15_000 }).toBe(`● ${offline.name}`);
  });

  it('shows exactly one notification for a crash', async () => {
    const running = sim.control.servers().find((s) => s.state === 'running')!;
    sim.control.crash(running.identifier);
    await expect.poll(async () => (await notices()).filter((n) => n.title === `${running.name} crashed`).length, { timeout: 15_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await notices()).filter((n) => n.title === `${running.name} crashed`)).toHaveLength(1);
  });

  it('keeps the key in the keychain, out of a sandboxed page', async () => {
    expect(await keytar.getPassword('pterotray', account.id)).toBe(sim.apiKey);
    // The page has no Node and sees only the bridge: sandboxed, isolated, no node integration.
    const exposed = await page.evaluate(() => ({ require: typeof (globalThis as { require?: unknown }).require, process: typeof (globalThis as { process?: unknown }).process }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined' });
  });
});
