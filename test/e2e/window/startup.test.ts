/**
 * The Startup tab on the double against the sim (issue 13): a variable changed and the command
 * following it, the Docker image changed after the confirmation; a value that fails the egg's
 * rules caught before anything is sent, one only the panel refuses (its words kept under the
 * field with the typed value), and a 403 for a key that lost startup.update meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

const PUT_VARIABLE = 'PUT /api/client/servers/:server/startup/variable';

describe.skipIf(!hasSecretService)('the Startup tab', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let paper: { identifier: string; name: string };

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 3 } });
    watch = watchConsole(env.page, env.app);
    const found = env.sim.control.servers().find((s) => 'SERVER_JARFILE' in s.variables);
    if (!found) throw new Error('no Paper server in the sim');
    paper = found;
    await openServer(env.page, paper.name, 'Startup');
    await env.page.getByTestId('startup-command').waitFor();
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const field = (env_: string) => env.page.locator(`[data-variable="${env_}"]`);
  const sim = () => env.sim.control.servers().find((s) => s.identifier === paper.identifier)!;

  it('changes a variable, and the command follows it', async () => {
    const input = field('SERVER_JARFILE').getByRole('textbox');
    await input.fill('paper-1.20.jar');
    await input.press('Enter');
    await field('SERVER_JARFILE').getByText('Saved').waitFor();
    expect(await env.page.getByTestId('startup-command').textContent()).toContain('-jar paper-1.20.jar');
    expect(sim().variables.SERVER_JARFILE).toBe('paper-1.20.jar');
    // A read-only variable is shown, marked, and cannot be typed into.
    await field('BUILD_NUMBER').getByText('Read-only').waitFor();
    expect(await field('BUILD_NUMBER').getByRole('textbox').getAttribute('readonly')).not.toBeNull();
    await shot(env.page, 'startup-saved');
  });

  it('changes the Docker image after the confirmation', async () => {
    await env.page.getByRole('combobox', { name: 'Image' }).selectOption({ label: 'Java 21 (ghcr.io/pterodactyl/yolks:java_21)' });
    const dialog = env.page.getByRole('dialog', { name: 'Change the Docker image?' });
    await dialog.waitFor();
    await shot(env.page, 'startup-image-confirm');
    await dialog.getByRole('button', { name: 'Change image' }).click();
    await env.page.getByText('The server will use Java 21 from its next start.').waitFor();
    expect(sim().dockerImage).toBe('ghcr.io/pterodactyl/yolks:java_21');
  });

  it('catches a value that fails the egg’s rules before sending it', async () => {
    const before = env.sim.control.requestCount(PUT_VARIABLE);
    const input = field('SERVER_JARFILE').getByRole('textbox');
    await input.fill('paper.zip');
    await field('SERVER_JARFILE').getByText('The value format is invalid.').waitFor();
    await input.press('Enter');
    expect(await field('SERVER_JARFILE').getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    expect(env.sim.control.requestCount(PUT_VARIABLE)).toBe(before);
    await shot(env.page, 'startup-rule-caught');
    await input.press('Escape');
    expect(await input.inputValue()).toBe('paper-1.20.jar');
  });

  it('keeps a value only the panel refuses, with the panel’s words under the field', async () => {
    env.sim.control.injectFault({
      method: 'PUT',
      route: PUT_VARIABLE,
      fault: {
        type: 'status',
        status: 422,
        body: {
          errors: [
            {
              code: 'ValidationException',
              status: '422',
              detail: 'The value must start with one of the following: 1.20.',
              meta: { source_field: 'value', rule: 'starts_with' },
            },
          ],
        },
      },
    });
    const input = field('MINECRAFT_VERSION').getByRole('textbox');
    await input.fill('1.19.4');
    await input.press('Enter');
    await field('MINECRAFT_VERSION').getByRole('alert').getByText('The value must start with one of the following: 1.20.').waitFor();
    expect(await input.inputValue()).toBe('1.19.4');
    expect(sim().variables.MINECRAFT_VERSION).not.toBe('1.19.4');
    await shot(env.page, 'startup-panel-refused');
  });

  it('explains a 403 for a key that lost startup.update, and keeps the value', async () => {
    env.sim.control.setPermissions(paper.identifier, ['websocket.connect', 'startup.read']);
    const input = field('MINECRAFT_VERSION').getByRole('textbox');
    await input.fill('1.20.4');
    await input.press('Enter');
    await field('MINECRAFT_VERSION')
      .getByRole('alert')
      .getByText(/“startup.update” permission is missing/)
      .waitFor();
    expect(await input.inputValue()).toBe('1.20.4');
    await shot(env.page, 'startup-forbidden');
    env.sim.control.setPermissions(paper.identifier, null);
    expect(watch.errors().filter((line) => !/Content Security Policy|status of 4\d\d/.test(line))).toEqual([]);
  });
});
