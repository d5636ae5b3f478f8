import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { StartupVariableView, StartupView } from '../../../../../shared/ipc/startup';
import type { ServerRef, ServerView } from '../../../../../shared/types';
import StartupPanel from './StartupPanel.svelte';

const SERVER: ServerRef = { accountId: 'acc-1', identifier: 'abcd1234' };
const JAR: StartupVariableView = {
  name: 'Server Jar File',
  description: 'The name of the server jarfile to run the server with.',
  envVariable: 'SERVER_JARFILE',
  serverValue: 'server.jar',
  defaultValue: 'server.jar',
  isEditable: true,
  rules: 'required|regex:/^([\\w\\d._-]+)(\\.jar)$/',
};
const BUILD: StartupVariableView = {
  ...JAR,
  name: 'Build Number',
  envVariable: 'BUILD_NUMBER',
  serverValue: 'latest',
  defaultValue: 'latest',
  isEditable: false,
  rules: 'required|string|max:20',
};
const VIEW: StartupView = {
  command: 'java -jar server.jar',
  rawCommand: 'java -jar {{SERVER_JARFILE}}',
  image: 'ghcr.io/pterodactyl/yolks:java_17',
  images: [
    { label: 'Java 17', image: 'ghcr.io/pterodactyl/yolks:java_17' },
    { label: 'Java 21', image: 'ghcr.io/pterodactyl/yolks:java_21' },
  ],
  variables: [JAR, BUILD],
};

async function renderStartup(view: StartupView = VIEW, permissions: { isOwner: boolean; permissions: string[] } | null = null) {
  mockApi.answer('startupGet', structuredClone(view));
  const user = userEvent.setup();
  render(StartupPanel, { props: { ref: SERVER, server: {} as ServerView, permissions } });
  await screen.findByTestId('startup-command');
  return { user };
}

const field = (env: string): HTMLElement => document.querySelector(`[data-variable="${env}"]`) as HTMLElement;
const input = (env: string): HTMLInputElement => within(field(env)).getByRole('textbox') as HTMLInputElement;

describe('StartupPanel', () => {
  it('shows the command, the variables with their rules in words, and marks read-only ones', async () => {
    await renderStartup();
    expect(screen.getByTestId('startup-command').textContent).toBe('java -jar server.jar');
    expect(within(field('SERVER_JARFILE')).getByText('Rules: required, matching /^([\\w\\d._-]+)(\\.jar)$/')).toBeTruthy();
    expect(within(field('BUILD_NUMBER')).getByText('Read-only')).toBeTruthy();
    expect(input('BUILD_NUMBER').readOnly).toBe(true);
    expect(within(field('BUILD_NUMBER')).queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('checks the egg’s rules as typed and sends nothing that fails them', async () => {
    const { user } = await renderStartup();
    await user.clear(input('SERVER_JARFILE'));
    await user.type(input('SERVER_JARFILE'), 'paper.zip');
    expect(within(field('SERVER_JARFILE')).getByText('The value format is invalid.')).toBeTruthy();
    const save = within(field('SERVER_JARFILE')).getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.type(input('SERVER_JARFILE'), '{Enter}');
    expect(mockApi.calls('startupSetVariable')).toEqual([]);
  });

  it('saves one variable with Enter and shows the new command', async () => {
    mockApi.answer('startupSetVariable', { variable: { ...JAR, serverValue: 'paper.jar' }, command: 'java -jar paper.jar' });
    const { user } = await renderStartup();
    await user.clear(input('SERVER_JARFILE'));
    await user.type(input('SERVER_JARFILE'), 'paper.jar{Enter}');
    expect(mockApi.calls('startupSetVariable')).toEqual([[{ server: SERVER, key: 'SERVER_JARFILE', value: 'paper.jar' }]]);
    await waitFor(() => expect(screen.getByTestId('startup-command').textContent).toBe('java -jar paper.jar'));
    expect(within(field('SERVER_JARFILE')).getByText('Saved')).toBeTruthy();
  });

  it('keeps what was typed after the panel refuses it, with the panel’s words under the field', async () => {
    mockApi.fail('startupSetVariable', { code: 'validation', message: 'The value must start with one of the following: paper.' });
    const { user } = await renderStartup();
    await user.clear(input('SERVER_JARFILE'));
    await user.type(input('SERVER_JARFILE'), 'spigot.jar');
    await user.click(within(field('SERVER_JARFILE')).getByRole('button', { name: 'Save' }));
    expect(await within(field('SERVER_JARFILE')).findByRole('alert')).toHaveProperty('textContent', 'The value must start with one of the following: paper.');
    expect(input('SERVER_JARFILE').value).toBe('spigot.jar');
  });

  it('explains a 403 by the permission and keeps the value', async () => {
    mockApi.fail('startupSetVariable', { code: 'forbidden', message: 'This action is unauthorized.' });
    const { user } = await renderStartup();
    await user.clear(input('SERVER_JARFILE'));
    await user.type(input('SERVER_JARFILE'), 'a.jar{Enter}');
    expect((await within(field('SERVER_JARFILE')).findByRole('alert')).textContent).toContain('“startup.update” permission is missing');
    expect(input('SERVER_JARFILE').value).toBe('a.jar');
  });

  it('asks before changing the image, and keeps the image in use when cancelled', async () => {
    const { user } = await renderStartup();
    const select = screen.getByRole('combobox', { name: 'Image' }) as HTMLSelectElement;
    await user.selectOptions(select, 'ghcr.io/pterodactyl/yolks:java_21');
    const dialog = await screen.findByRole('dialog', { name: 'Change the Docker image?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(mockApi.calls('startupSetImage')).toEqual([]);
    expect((screen.getByRole('combobox', { name: 'Image' }) as HTMLSelectElement).value).toBe('ghcr.io/pterodactyl/yolks:java_17');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Image' }), 'ghcr.io/pterodactyl/yolks:java_21');
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Change image' }));
    await waitFor(() => expect(mockApi.calls('startupSetImage')).toEqual([[{ server: SERVER, image: 'ghcr.io/pterodactyl/yolks:java_21' }]]));
    expect(await screen.findByText('The server will use Java 21 from its next start.')).toBeTruthy();
  });

  it('without startup.update shows the values read-only and says why', async () => {
    await renderStartup(VIEW, { isOwner: false, permissions: ['startup.read'] });
    expect(input('SERVER_JARFILE').readOnly).toBe(true);
    expect(screen.getByText(/“startup.update” permission is missing/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Image' }) as HTMLSelectElement).disabled).toBe(true);
  });

  it('explains a refused read as a missing permission', async () => {
    mockApi.fail('startupGet', { code: 'forbidden', message: 'This action is unauthorized.' });
    render(StartupPanel, { props: { ref: SERVER, server: {} as ServerView, permissions: null } });
    expect(await screen.findByText('Your key may not see this')).toBeTruthy();
  });
});
