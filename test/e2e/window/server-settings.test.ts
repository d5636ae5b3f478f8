/**
 * The server's Settings tab on the double against the sim (issue 13): rename (the header and the
 * list follow), the SFTP username copied through main's clipboard and the sftp:// address handed
 * to the system, and a reinstall confirmed as a danger and watched until it ends, with the
 * install output a root admin's key receives (wings sends it only for admin.websocket.install).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';
import { INSTALL_LINES } from '../../../src/sim/routes/startup-write';

describe.skipIf(!hasSecretService)('the Settings tab', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let server: { identifier: string; name: string };

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2, rootAdmin: true } });
    watch = watchConsole(env.page, env.app);
    server = env.sim.control.servers()[0]!;
    await openServer(env.page, server.name, 'Settings');
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const sim = () => env.sim.control.servers().find((s) => s.identifier === server.identifier)!;

  it('renames the server, and the header follows', async () => {
    await env.page.getByLabel('Server name').fill('Lobby of Pterotray');
    await env.page.getByRole('textbox', { name: 'Description', exact: true }).fill('Where everyone starts');
    await env.page.getByRole('textbox', { name: 'Description', exact: true }).press('Tab');
    await env.page.getByRole('button', { name: 'Save' }).click();
    await env.page.getByText('Saved.').waitFor();
    expect(sim()).toMatchObject({ name: 'Lobby of Pterotray', description: 'Where everyone starts' });
    await env.page.getByRole('heading', { level: 1, name: 'Lobby of Pterotray' }).waitFor();
  });

  it('copies the SFTP username through main and opens the address in the SFTP client', async () => {
    const username = (await env.page.getByTestId('sftp-username').textContent()) ?? '';
    expect(username).toMatch(new RegExp(`^\\w+\\.${server.identifier}$`));
    await env.page.getByRole('button', { name: 'Copy username' }).click();
    await env.page.getByText('Copied to the clipboard.').waitFor();
    expect(env.app.clipboard().text).toBe(username);
    const address = (await env.page.getByTestId('sftp-address').textContent()) ?? '';
    const before = env.app.shellCalls().length;
    await env.page.getByRole('button', { name: 'Open in SFTP client' }).click();
    await env.app.waitFor(() => env.app.shellCalls().length > before, { timeoutMs: 5_000, message: 'the SFTP client launched' });
    expect(env.app.shellCalls().slice(before)).toEqual([{ method: 'openExternal', target: `sftp://${encodeURIComponent(username)}@${address}` }]);
    await shot(env.page, 'server-settings');
  });

  it('reinstalls after the danger question, and watches the install with its output', async () => {
    await env.page.getByRole('button', { name: 'Reinstall server…' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'Reinstall this server?' });
    await dialog.waitFor();
    // Cancel has the focus: Enter alone does not reinstall.
    expect(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await shot(env.page, 'server-settings-reinstall-confirm');
    await dialog.getByRole('button', { name: 'Reinstall' }).click();
    await env.page.getByText('Installing…').waitFor();
    await env.page.getByText('The install finished.').waitFor({ timeout: 15_000 });
    // The output socket joins after the panel's 202: what the script printed before it was
    // authenticated is not replayed by Wings, so the last line is the one sure to be there.
    expect(await env.page.getByTestId('install-output').textContent()).toContain(INSTALL_LINES.at(-1));
    expect(sim().status).toBeNull();
    await shot(env.page, 'server-settings-reinstalled');
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
