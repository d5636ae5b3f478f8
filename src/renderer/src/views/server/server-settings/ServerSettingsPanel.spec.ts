import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { ServerRef, ServerView } from '../../../../../shared/types';
import ServerSettingsPanel from './ServerSettingsPanel.svelte';

const SERVER: ServerRef = { accountId: 'acc-1', identifier: 'abcd1234' };
const VIEW = {
  ...SERVER,
  name: 'Survival',
  description: 'The main world',
  availability: 'ok',
  sftp: { host: 'node1.example.com', port: 2022, username: 'demo.abcd1234' },
} as unknown as ServerView;

function renderSettings(options: { canSeeOutput?: boolean; permissions?: { isOwner: boolean; permissions: string[] } | null } = {}) {
  mockApi.answer('serverSettingsGet', { canSeeInstallOutput: options.canSeeOutput ?? false });
  const user = userEvent.setup();
  const view = render(ServerSettingsPanel, { props: { ref: SERVER, server: VIEW, permissions: options.permissions ?? null } });
  return { user, ...view };
}

describe('ServerSettingsPanel: rename', () => {
  it('saves the name and description, and says when the panel kept the description', async () => {
    mockApi.answer('serverSettingsRename', { description: 'not-editable' });
    const { user } = renderSettings();
    const name = screen.getByLabelText('Server name');
    await user.clear(name);
    await user.type(name, 'Lobby{Enter}');
    await waitFor(() => expect(mockApi.calls('serverSettingsRename')).toEqual([[{ server: SERVER, name: 'Lobby', description: 'The main world' }]]));
    expect(await screen.findByText('The name was saved; the panel does not let the description be changed.')).toBeTruthy();
  });

  it('refuses an empty name before sending, and keeps a refused one with the reason', async () => {
    mockApi.fail('serverSettingsRename', { code: 'forbidden', message: 'This action is unauthorized.' });
    const { user } = renderSettings();
    const name = screen.getByLabelText('Server name') as HTMLInputElement;
    await user.clear(name);
    expect(screen.getByText('A server needs a name.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(name, 'Lobby');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('“settings.rename” permission is missing');
    expect(name.value).toBe('Lobby');
  });
});

describe('ServerSettingsPanel: SFTP', () => {
  it('shows the address and username as the panel does, copies through main and opens the client', async () => {
    const { user } = renderSettings();
    expect(screen.getByTestId('sftp-address').textContent).toBe('node1.example.com:2022');
    expect(screen.getByTestId('sftp-username').textContent).toBe('demo.abcd1234');
    await user.click(screen.getByRole('button', { name: 'Copy username' }));
    expect(mockApi.calls('serverSettingsCopySftp')).toEqual([[{ server: SERVER, field: 'username' }]]);
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Open in SFTP client' }));
    expect(mockApi.calls('serverSettingsOpenSftp')).toEqual([[SERVER]]);
  });
});

describe('ServerSettingsPanel: reinstall', () => {
  it('asks as a danger, Cancel focused, and sends nothing when cancelled', async () => {
    const { user } = renderSettings();
    await user.click(screen.getByRole('button', { name: 'Reinstall server…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reinstall this server?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(mockApi.calls('serverSettingsReinstall')).toEqual([]);
  });

  it('reinstalls once confirmed and follows the install with its output for a key that may see it', async () => {
    mockApi.answer('serverSettingsReinstall', { availability: 'installing' });
    const { user, rerender } = renderSettings({ canSeeOutput: true });
    await waitFor(() => expect(mockApi.calls('serverSettingsGet')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Reinstall server…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reinstall' }));
    await waitFor(() => expect(mockApi.calls('serverSettingsReinstall')).toEqual([[SERVER]]));
    await rerender({ ref: SERVER, server: { ...VIEW, availability: 'installing' }, permissions: null });
    mockApi.emit('console:line', { server: SERVER, text: 'Downloading the server files...\n', kind: 'install-output' });
    mockApi.emit('console:line', { server: SERVER, text: 'a console line', kind: 'output' });
    mockApi.emit('console:line', { server: { ...SERVER, identifier: 'other' }, text: 'not ours', kind: 'install-output' });
    expect(await screen.findByText('Downloading the server files...')).toBeTruthy();
    expect(screen.getByText('Installing…')).toBeTruthy();
    await rerender({ ref: SERVER, server: { ...VIEW, availability: 'ok' }, permissions: null });
    expect(await screen.findByText('The install finished.')).toBeTruthy();
    expect(screen.getByTestId('install-output').textContent).toBe('Downloading the server files...');
  });

  it('says the output is not visible to a key that is not an admin', async () => {
    mockApi.answer('serverSettingsReinstall', { availability: 'installing' });
    const { user } = renderSettings({ canSeeOutput: false });
    await waitFor(() => expect(mockApi.calls('serverSettingsGet')).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Reinstall server…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reinstall' }));
    expect(await screen.findByText(/shows install output only to its admins/)).toBeTruthy();
    expect(screen.queryByTestId('install-output')).toBeNull();
  });

  it('says the install is over when it ended before the list was read again', async () => {
    mockApi.answer('serverSettingsReinstall', { availability: 'ok' });
    const { user } = renderSettings({ canSeeOutput: true });
    await user.click(screen.getByRole('button', { name: 'Reinstall server…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Reinstall' }));
    expect(await screen.findByText('The install finished.')).toBeTruthy();
  });

  it('without settings.reinstall offers no button and says why', () => {
    renderSettings({ permissions: { isOwner: false, permissions: ['settings.rename'] } });
    expect(screen.queryByRole('button', { name: 'Reinstall server…' })).toBeNull();
    expect(screen.getByText(/“settings.reinstall” permission is missing/)).toBeTruthy();
  });
});
