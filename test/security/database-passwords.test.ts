/**
 * Database passwords (issue 13): after a session in the Databases tab as a person has it (the
 * list, a new database, a rotation, both URLs copied, one password revealed, then another tab),
 * every password the panel holds for the server, old and new, is looked for in every IPC reply
 * and push, the app's output and every file under its home. The one place it may be is the reply
 * of `databases:reveal` the person asked for, and only for that database; the page no longer
 * holds it once the tab is left. (The key's own exposure checks are key-exposure.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../e2e/helpers/app-on-sim';
import { panelDatabases } from '../e2e/helpers/panel-api';
import { openServer } from '../e2e/helpers/window-kit';
import { filesUnder } from '../helpers/files-under';

describe.skipIf(!hasSecretService)('database passwords after a session in the Databases tab', () => {
  let env: AppOnSim;
  /** Every password the panel held for the server at any point of the session. */
  const passwords = new Set<string>();
  let revealed = '';

  async function remember(identifier: string): Promise<void> {
    for (const d of await panelDatabases(env.sim, identifier)) passwords.add(d.password);
  }

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
    const server = env.sim.control.servers()[0]!;
    env.sim.control.setFeatureLimits(server.identifier, { databases: 9 });
    await remember(server.identifier);
    const page = env.page;
    await openServer(page, server.name, 'Databases');
    const name = `s${server.internalId}_session`;
    await page.getByRole('button', { name: 'New database' }).click();
    await page.getByRole('dialog', { name: 'New database' }).getByLabel('Database name').fill('session');
    await page.getByRole('dialog', { name: 'New database' }).getByRole('button', { name: 'Create' }).click();
    const row = page.getByRole('listitem', { name, exact: true });
    await row.waitFor();
    await remember(server.identifier);
    await row.getByRole('button', { name: 'Rotate password' }).click();
    await page
      .getByRole('dialog', { name: `Rotate the password of ${name}?` })
      .getByRole('button', { name: 'Rotate password' })
      .click();
    await page.getByText(`${name} has a new password.`).waitFor();
    await remember(server.identifier);
    await row.getByRole('button', { name: 'Copy MySQL URL' }).click();
    await page.getByText(/The MySQL URL was copied/).waitFor();
    await row.getByRole('button', { name: 'Copy JDBC URL' }).click();
    await page.getByText(/The JDBC URL was copied/).waitFor();
    await row.getByRole('button', { name: `Show the password of ${name}` }).click();
    revealed = (await row.getByTestId('database-password').textContent()) ?? '';
    await page.getByRole('tab', { name: 'Network', exact: true }).click();
    await page.getByRole('tab', { name: 'Network', selected: true }).waitFor();
  });

  afterAll(async () => {
    await env?.close();
  });

  const found = (text: string): string[] => [...passwords].filter((p) => text.includes(p) || text.includes(encodeURIComponent(p)));

  it('knew some passwords to look for, and the person saw the current one of the database they revealed', async () => {
    expect(passwords.size).toBeGreaterThanOrEqual(3);
    const current = await panelDatabases(env.sim, env.sim.control.servers()[0]!.identifier);
    expect(current.map((d) => d.password)).toContain(revealed);
  });

  it('crossed IPC only in the reply of databases:reveal, once, with the one asked for', () => {
    const log = env.app.ipcLog();
    const carrying = log.filter((entry) => found(JSON.stringify({ args: entry.args, reply: entry.reply })).length > 0);
    expect(carrying.map((entry) => [entry.kind, entry.channel])).toEqual([['invoke', 'databases:reveal']]);
    // The double's log holds the handler's envelope inside its own.
    expect(carrying[0]?.reply).toEqual({ ok: true, value: { ok: true, value: { password: revealed } } });
    // The rotation's reply, the create's and the copies' said nothing of it.
    for (const channel of ['databases:create', 'databases:rotate', 'databases:copy-url', 'databases:list']) {
      expect(log.some((entry) => entry.channel === channel)).toBe(true);
    }
  });

  it('is not in the page once the tab is left', async () => {
    expect(found(await env.page.content())).toEqual([]);
    const inputs = await env.page.locator('input').evaluateAll((all) => all.map((i) => (i as unknown as { value: string }).value).join('\n'));
    expect(found(inputs)).toEqual([]);
  });

  it('is in no output of the app and no file under its home; the clipboard has only what was copied last', () => {
    expect(
      found(
        env.app
          .logs()
          .map((line) => line.text)
          .join('\n'),
      ),
    ).toEqual([]);
    for (const path of filesUnder(env.app.home)) expect(found(readFileSync(path, 'latin1')), path).toEqual([]);
    expect(found(env.app.clipboard().text)).toEqual([]);
    expect(env.app.clipboard().writes.filter((w) => w.startsWith('mysql://'))).toHaveLength(1);
  });
});
