// One sim version (default, or SIM_VERSION's): it repeats the tray specs on real Electron, whose releases tray.test.ts covers on the double.
/**
 * The tray specs on real Electron, through Playwright's `_electron`, where an Electron binary
 * exists or can be downloaded (a developer's machine, the hosted CI): it is found as the electron
 * package finds it, lazy download included (helpers/electron-binary.ts). Here, where Electron
 * cannot be downloaded, they report themselves skipped with the reason, in well under a second.
 * With PTEROTRAY_REQUIRE_REAL_ELECTRON=1 (the hosted CI) a missing binary or keychain fails instead.
 * A native tray menu cannot be clicked from Playwright, so on real Electron the specs read the tray
 * model and notices main drew (PTEROTRAY_TEST_HOOKS=1) and act through the window's API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel } from '../../src/sim';
import type { TestHooks } from '../../src/main/test-hooks';
import type { AccountView } from '../../src/shared/types';
import { MAIN, hasSecretService, invoke, requireBuild, startSim } from './helpers/app-on-sim';
import { findElectronBinary } from './helpers/electron-binary';

const electron = await findElectronBinary();
// On Linux keytar needs a Secret Service (npm test provides a private one); macOS and Windows
// have their own keychain (Keychain, Credential Manager), which keytar always reaches.
const hasKeychain = process.platform !== 'linux' || hasSecretService;
const skipReason = !electron.found
  ? electron.reason
  : !hasKeychain
    ? 'no Secret Service for the keychain (run it through npm test or npm run test:real-electron)'
    : null;
const mustRun = process.env.PTEROTRAY_REQUIRE_REAL_ELECTRON === '1';
if (skipReason && !mustRun) console.warn(`\n!!! SKIPPED on real Electron: ${skipReason}. The same behaviour is covered on the Electron double.\n`);

if (skipReason && mustRun) {
  it('runs on real Electron, as PTEROTRAY_REQUIRE_REAL_ELECTRON=1 asks', () => {
    expect.fail(`cannot run on real Electron: ${skipReason}`);
  });
}

type Hooked = typeof globalThis & { __pterotrayTest: TestHooks };

describe.skipIf(skipReason !== null)('on real Electron', () => {
  let sim: SimPanel;
  let app: ElectronApplication;
  let page: Page;
  let account: AccountView;
  let userDataDir: string | undefined;

  beforeAll(async () => {
    requireBuild();
    // Electron honours --user-data-dir before the app runs (shell/app/electron_main_delegate.cc,
    // PreSandboxStartup), so the app's settings never land in the developer's own profile.
    userDataDir = mkdtempSync(join(tmpdir(), 'pterotray-real-electron-'));
    sim = await startSim();
    const executablePath = electron.found ? electron.path : '';
    app = await _electron.launch({
      executablePath,
      args: [MAIN, '--no-sandbox', `--user-data-dir=${userDataDir}`],
      env: { ...process.env, PTEROTRAY_TEST_HOOKS: '1', PTEROTRAY_QUIET: '1' } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForFunction(() => 'api' in globalThis);
    // Main asks before a new panel gets the key: answer its question with "Add panel", as a person would.
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = (async () => ({ response: 0, checkboxChecked: false })) as typeof dialog.showMessageBox;
    });
    const added = await invoke<AccountView>(page, 'accountsAdd', { url: sim.url, name: 'Test panel', apiKey: sim.apiKey });
    if (!added.ok) throw new Error(added.error.message);
    account = added.value;
  });

  afterAll(async () => {
    // Off Linux the keychain is the user's own: take the test's key out of it again.
    if (account && page) await invoke(page, 'accountsRemove', { accountId: account.id });
    await app?.close();
    await sim?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  const trayModel = () => app.evaluate(() => (globalThis as Hooked).__pterotrayTest.trayModel());
  const notices = () => app.evaluate(() => (globalThis as Hooked).__pterotrayTest.notices());

  it('lists every server in the tray', async () => {
    const names = sim.control
      .servers()
      .map((s) => s.name)
      .sort();
    await expect.poll(async () => (await trayModel())?.sections[0]?.servers.map((i) => i.label.slice(2)).sort(), { timeout: 20_000 }).toEqual(names);
  });

  it('starts a server, and the tray follows', async () => {
    const offline = sim.control.servers().find((s) => s.state === 'offline')!;
    const reply = await invoke(page, 'serversPower', { server: { accountId: account.id, identifier: offline.identifier }, signal: 'start' });
    expect(reply.ok).toBe(true);
    await expect
      .poll(async () => (await trayModel())?.sections[0]?.servers.find((i) => i.identifier === offline.identifier)?.label, { timeout: 15_000 })
      .toBe(`● ${offline.name}`);
  });

  it('shows exactly one notification for a crash', async () => {
    const running = sim.control.servers().find((s) => s.state === 'running')!;
    const titled = async (title: string) => (await notices()).filter((n) => n.title === title);
    sim.control.crash(running.identifier);
    await expect.poll(async () => (await titled(`${running.name} crashed`)).length, { timeout: 15_000 }).toBe(1);
    // Wings restarts it once (server/crash.go): once the app hears it up again, after every
    // signal of the crash, there is still one crash notice.
    await expect.poll(async () => (await titled(`${running.name} is up`)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await titled(`${running.name} crashed`)).toHaveLength(1);
  });

  it('keeps the key in the keychain, out of a sandboxed page', async () => {
    expect(await keytar.getPassword('pterotray', account.id)).toBe(sim.apiKey);
    // The page has no Node and sees only the bridge: sandboxed, isolated, no node integration.
    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined' });
  });
});
