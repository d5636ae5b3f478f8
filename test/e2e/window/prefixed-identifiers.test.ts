// One sim version by design: only Pterodactyl 1.12 answers with `serv_` identifiers.
/**
 * The window on a Pterodactyl 1.12 panel that answers with `serv_` identifiers (panel PR #5548):
 * every window call for such a server used to be refused by the IPC argument check (it took only
 * 8 hex characters or a uuid). A user opens a server, types a command, lists its files and powers
 * it from the tray, as on any panel.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../src/shared/types';
import { hasSecretService, invoke, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot } from '../helpers/window-kit';

describe.skipIf(!hasSecretService)('a panel with serv_ identifiers', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 3, serverIdentifiers: 'prefixed' } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('opens a server’s console and sends a command, and its files list', async () => {
    const server = env.sim.control.servers().find((s) => s.state === 'running')!;
    expect(server.identifier).toMatch(/^serv_[a-z2-7]{26}$/);
    await openServer(env.page, server.name, 'Console');
    const output: Locator = env.page.getByRole('tabpanel').locator('.xterm-rows');
    const input = env.page.getByRole('textbox', { name: 'Console command' });
    await input.fill('say hello, serv');
    await input.press('Enter');
    await expect.poll(() => output.innerText(), { timeout: 10_000 }).toContain('[Server] hello, serv');
    const files = await invoke<FileEntry[]>(env.page, 'filesList', { server: { accountId: env.account.id, identifier: server.identifier }, directory: '/' });
    expect(files.ok).toBe(true);
    if (files.ok) expect(files.value.length).toBeGreaterThan(0);
    await shot(env.page, 'prefixed-identifier-console');
  });

  it('stops a server from the tray', async () => {
    const server = env.sim.control.servers().find((s) => s.state === 'running')!;
    await env.app.waitFor(() => env.app.tray()?.menu?.some((item) => item.label === `● ${server.name}`), { message: 'the server running in the tray' });
    await env.app.dialog.answerNext('showMessageBox', { response: 1 }); // "Stop …?" → Stop
    await env.app.clickMenu([`● ${server.name}`, 'Stop']);
    await env.app.waitFor(() => env.sim.control.servers().find((s) => s.identifier === server.identifier)?.state === 'offline', {
      timeoutMs: 10_000,
      message: 'the server stopped',
    });
  });
});
