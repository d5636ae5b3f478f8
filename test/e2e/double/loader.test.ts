// One sim version is enough: no panel; it tests the Electron double's loader.
/**
 * The loader: in the app's child process `electron` is the double for ESM named imports, the ESM
 * default import (electron-store's style) and CommonJS require from a dependency; the app gets
 * 'ready' after its top level ran, and quitting exits cleanly with Electron's event order.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchApp } from '../../electron-double/launch';

const PROBE = 'test/electron-double/fixtures/loader-probe.mjs';
const FIXTURE = 'test/electron-double/fixtures/main.mjs';

describe('electron-double child process', { timeout: 30_000 }, () => {
  it('maps electron for ESM named, ESM default and CommonJS require, and quits cleanly', async () => {
    const app = await launchApp({ main: PROBE });
    const exit = await app.exited;
    const line = app.logs().find((entry) => entry.text.startsWith('PROBE {'));
    expect(
      line,
      app
        .logs()
        .map((entry) => entry.text)
        .join('\n'),
    ).toBeDefined();
    const probe = JSON.parse(line!.text.slice('PROBE '.length)) as Record<string, unknown>;
    expect(probe).toMatchObject({
      named: 'function',
      defaultIsSame: true,
      cjsIsSame: true,
      cjsProcessType: 'browser',
      electronVersion: '45.5.0',
      readyAtTopLevel: false,
      name: 'Double Fixture',
      version: '1.2.3',
    });
    expect(String(probe.userData)).toBe(`${app.home}/config/Double Fixture`);
    expect(String(probe.storePath)).toBe(`${app.home}/config/Double Fixture/config.json`);
    expect(existsSync(String(probe.storePath))).toBe(true);
    expect(exit).toMatchObject({ code: 0, signal: null, killed: false });
    expect(app.snapshot().lifecycle).toEqual(['will-finish-launching', 'ready', 'before-quit', 'will-quit', 'quit']);
    await app.close();
    expect(existsSync(app.home)).toBe(false);
  });

  it('kills an app that refuses to quit once the deadline passes', async () => {
    const app = await launchApp({ main: FIXTURE, env: { FIXTURE_REFUSE_QUIT: '1' } });
    await app.waitFor((s) => s.trays.length === 1);
    const exit = await app.close({ timeoutMs: 500 });
    expect(exit).toMatchObject({ killed: true, signal: 'SIGKILL' });
    expect(app.snapshot().lifecycle).toContain('before-quit');
    expect(app.snapshot().lifecycle).not.toContain('quit');
  });

  it("can make notifications fail, and the app hears 'failed'", async () => {
    const app = await launchApp({ main: FIXTURE, failNotifications: true });
    await app.waitFor((s) => s.trays.length === 1);
    await app.clickMenu(['Notify']);
    await app.waitFor((s) => s.trays[0]?.tooltip === 'notification failed: electron-double: the notification service is failing');
    expect(app.notifications()[0]).toMatchObject({ state: 'failed', events: ['failed'] });
    await expect(app.clickNotification(0)).rejects.toThrow(/is failed/);
    expect((await app.close()).code).toBe(0);
  });
});
