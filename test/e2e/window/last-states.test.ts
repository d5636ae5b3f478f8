// One sim version (default, or SIM_VERSION's): the kept states come from the app's own disk file, whatever the panel.
/**
 * The last known states kept on disk: after a quit, the next start shows every server at once
 * with what was last seen and its age, never as live, even while the panel cannot be reached;
 * and once the panel answers, the live states replace them.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../../electron-double/launch-api';
import { hasSecretService, launchBuilt, serverItem, startAppOnSim, startSim, trayItems } from '../helpers/app-on-sim';
import { serverRow, serverRows, shot, waitForVisibleStates } from '../helpers/window-kit';

/** A server's tray label, found by the name it starts with (a kept state adds its time). */
function trayLabel(app: LaunchedApp, name: string): string | undefined {
  return trayItems(app).find((item) => item.type === 'submenu' && item.label.slice(2).startsWith(name))?.label;
}

describe.skipIf(!hasSecretService)('last known states across a restart', () => {
  const home = mkdtempSync(join(tmpdir(), 'pterotray-e2e-last-'));
  const userData = join(home, 'config', 'pterotray');

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('are shown at once, with their age and not as live, while the panel is down; live states replace them when it is back', async () => {
    const first = await startAppOnSim({ until: 'dashboard', sim: { servers: 5 }, launch: { home } });
    const servers = first.sim.control.servers();
    const port = Number(new URL(first.sim.url).port);
    const apiKey = first.sim.apiKey;
    await waitForVisibleStates(first.page);
    const running = servers.find((s) => s.state === 'running');
    if (!running) throw new Error('the sim seeded no running server');
    await first.app.close(); // A quit writes the file.
    await first.sim.close();

    // What the app keeps is the user's alone (issue 11): the folder 0700, its files 0600.
    if (process.platform !== 'win32') {
      expect(statSync(userData).mode & 0o777).toBe(0o700);
      for (const name of ['settings.json', 'last-states.json']) expect(statSync(join(userData, name)).mode & 0o777, name).toBe(0o600);
    }
    const kept = JSON.parse(readFileSync(join(userData, 'last-states.json'), 'utf8')) as {
      accounts: Record<string, { servers: Array<{ server: { identifier: string; invocation: unknown }; state: string }> }>;
    };
    const keptServers = Object.values(kept.accounts).flatMap((a) => a.servers);
    expect(keptServers.map((s) => s.server.identifier).sort()).toEqual(servers.map((s) => s.identifier).sort());
    // The startup command can carry variable values: never kept.
    expect(keptServers.every((s) => s.server.invocation === null)).toBe(true);

    // The panel is down: the rows still come at once, each with its last state and age.
    const second = await launchBuilt({ home });
    try {
      // The tray has them first: the kept state with its time, not as live.
      await second.waitFor(() => trayLabel(second, running.name)?.startsWith(`● ${running.name} (as of `) === true, {
        timeoutMs: 10_000,
        message: 'the tray shows the kept state with its time',
      });
      await second.clickMenu(['Open Pterotray']);
      const page = await second.window();
      await serverRows(page).first().waitFor({ timeout: 20_000 });
      await expect.poll(() => serverRows(page).count()).toBe(servers.length);
      const row = serverRow(page, running.name);
      await expect.poll(() => row.textContent()).toMatch(/Running\s*as of \d/);
      await shot(page, 'last-states-panel-down');
    } finally {
      await second.close();
    }

    // The panel is back (same address and key): the live states replace the kept ones.
    const sim = await startSim({ servers: 5, port, apiKey });
    const third = await launchBuilt({ home });
    try {
      await third.waitFor(() => serverItem(third, running.name)?.label === `● ${running.name}`, {
        timeoutMs: 20_000,
        message: 'the live state replaces the kept one',
      });
      await third.clickMenu(['Open Pterotray']);
      const page = await third.window();
      await expect.poll(() => serverRow(page, running.name).textContent(), { timeout: 20_000 }).not.toMatch(/as of/);
    } finally {
      await third.close();
      await sim.close();
    }
  });
});
