import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { DatabaseView } from '../../../../../shared/ipc/databases';
import type { ServerPermissions } from '../../../../../shared/ipc-contract';
import { REF, serverView } from '../test-fixtures';
import DatabasesPanel from './DatabasesPanel.svelte';
import { createAllowance } from './databases-page.svelte';

const SHOP: DatabaseView = { id: 'x7Ka', name: 's3_shop', username: 'u3_abc', host: '10.0.0.20', port: 3306, connectionsFrom: '%', maxConnections: 0 };
const LOGS: DatabaseView = { ...SHOP, id: 'b2Zq', name: 's3_logs', connectionsFrom: '192.168.1.%', maxConnections: 5 };

async function renderPanel(databases: DatabaseView[], options: { limit?: number | null; permissions?: ServerPermissions | null } = {}) {
  mockApi.answer('databasesList', { databases, databaseLimit: options.limit === undefined ? 3 : options.limit });
  const user = userEvent.setup();
  const view = render(DatabasesPanel, { props: { ref: REF, server: serverView(), permissions: options.permissions ?? null } });
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
  return { user, ...view };
}

const row = (name: string): HTMLElement => screen.getByRole('listitem', { name });

describe('DatabasesPanel', () => {
  it('lists name, user, address, where from and max connections, with the limit', async () => {
    await renderPanel([SHOP, LOGS]);
    expect(within(row('s3_shop')).getByText('10.0.0.20:3306')).toBeTruthy();
    expect(within(row('s3_shop')).getByText('u3_abc')).toBeTruthy();
    expect(within(row('s3_shop')).getByText('anywhere (%)')).toBeTruthy();
    expect(within(row('s3_logs')).getByText('192.168.1.%')).toBeTruthy();
    expect(within(row('s3_logs')).getByText('5')).toBeTruthy();
    expect(screen.getByText('2 of 3 databases')).toBeTruthy();
    expect(mockApi.calls('databasesList')).toEqual([[REF]]);
  });

  it('says when there are none, and when a 403 hides them', async () => {
    await renderPanel([]);
    expect(screen.getByText('No databases yet')).toBeTruthy();
  });

  it('explains a refused list as a missing permission', async () => {
    mockApi.fail('databasesList', { code: 'forbidden', message: 'This action is unauthorized.' });
    render(DatabasesPanel, { props: { ref: REF, server: serverView(), permissions: null } });
    expect(await screen.findByText('Your key may not see this')).toBeTruthy();
    expect(screen.getByText(/database\.read/)).toBeTruthy();
  });

  it('shows the password only on Reveal, hides it again, and gone when the tab closes', async () => {
    const { user, unmount } = await renderPanel([SHOP]);
    expect(mockApi.calls('databasesReveal')).toEqual([]);
    expect(screen.queryByTestId('database-password')).toBeNull();
    mockApi.answer('databasesReveal', { password: 'p@ss=1' });
    await user.click(screen.getByRole('button', { name: 'Show the password of s3_shop' }));
    expect((await screen.findByTestId('database-password')).textContent).toBe('p@ss=1');
    expect(mockApi.calls('databasesReveal')).toEqual([[{ server: REF, id: 'x7Ka' }]]);
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(screen.queryByText('p@ss=1')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show the password of s3_shop' }));
    await screen.findByTestId('database-password');
    unmount();
    expect(document.body.textContent).not.toContain('p@ss=1');
  });

  it('copies a URL through main and says only that it was copied', async () => {
    const { user } = await renderPanel([SHOP]);
    mockApi.answer('databasesCopyUrl', { copied: 'mysql' });
    await user.click(screen.getByRole('button', { name: 'Copy MySQL URL' }));
    expect(await screen.findByText(/The MySQL URL was copied/)).toBeTruthy();
    expect(mockApi.calls('databasesCopyUrl')).toEqual([[{ server: REF, id: 'x7Ka', kind: 'mysql' }]]);
    expect(mockApi.calls('databasesReveal')).toEqual([]);
  });

  it('checks the name as the panel does before sending, and keeps the form after the panel refuses', async () => {
    const { user } = await renderPanel([SHOP]);
    await user.click(screen.getByRole('button', { name: 'New database' }));
    const dialog = screen.getByRole('dialog', { name: 'New database' });
    expect((within(dialog).getByLabelText('Connections from') as HTMLInputElement).value).toBe('%');
    expect(within(dialog).getByText(/The panel puts “s3_” before it/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Database name'), 'my db');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByText('The database field must only contain letters, numbers, dashes, and underscores.')).toBeTruthy();
    expect(mockApi.calls('databasesCreate')).toEqual([]);
    const name = within(dialog).getByLabelText('Database name');
    await user.clear(name);
    await user.type(name, 'shop');
    mockApi.fail('databasesCreate', { code: 'validation', message: 'The database name you have selected is already in use by this server.' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    // The panel's words, in the form that is still open with what was typed.
    expect(await within(screen.getByRole('dialog')).findByText('The database name you have selected is already in use by this server.')).toBeTruthy();
    expect((within(screen.getByRole('dialog')).getByLabelText('Database name') as HTMLInputElement).value).toBe('shop');
    mockApi.answer('databasesCreate', { ...SHOP, id: 'n3w', name: 's3_shop2' });
    await user.clear(name);
    await user.type(name, 'shop2{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(row('s3_shop2')).toBeTruthy();
    expect(mockApi.calls('databasesCreate').at(-1)).toEqual([{ server: REF, database: 'shop2', remote: '%' }]);
  });

  it('disables New database with the reason at the limit, and when the limit is 0', async () => {
    await renderPanel([SHOP, LOGS], { limit: 2 });
    expect((screen.getByRole('button', { name: 'New database' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/reached its limit of 2 databases/)).toBeTruthy();
    expect(createAllowance({ databases: [], databaseLimit: 0 })).toMatchObject({ isAllowed: false, reason: expect.stringMatching(/limit is 0/) });
    expect(createAllowance({ databases: [SHOP], databaseLimit: null })).toEqual({ isAllowed: true });
  });

  it('rotates after a danger confirmation, and a 403 is explained with the permission', async () => {
    const { user } = await renderPanel([SHOP]);
    await user.click(screen.getByRole('button', { name: 'Rotate password' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate the password of s3_shop?' });
    expect(within(dialog).getByText(/stops connecting/)).toBeTruthy();
    // Cancel has the focus: Enter alone does not rotate.
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel');
    mockApi.fail('databasesRotate', { code: 'forbidden', message: 'This action is unauthorized.' });
    await user.click(within(dialog).getByRole('button', { name: 'Rotate password' }));
    expect(await screen.findByText(/“database\.update” permission is missing/)).toBeTruthy();
  });

  it('deletes after a danger dialog naming the database; Escape cancels', async () => {
    const { user } = await renderPanel([SHOP, LOGS]);
    await user.click(screen.getByRole('button', { name: 'Delete s3_logs' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete s3_logs' }));
    mockApi.answer('databasesDelete', undefined);
    await user.click(within(screen.getByRole('dialog', { name: 'Delete s3_logs?' })).getByRole('button', { name: 'Delete database' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 's3_logs' })).toBeNull());
    expect(mockApi.calls('databasesDelete')).toEqual([[{ server: REF, id: 'b2Zq' }]]);
  });

  it('offers only what the key may do', async () => {
    await renderPanel([SHOP], { permissions: { isOwner: false, permissions: ['database.read'] } });
    expect(screen.queryByRole('button', { name: 'New database' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Show the password/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rotate password' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete s3_shop' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy JDBC URL' })).toBeTruthy();
  });

  it('after a rotation, shows the new password again only if the old one was on screen', async () => {
    const { user } = await renderPanel([SHOP]);
    mockApi.answer('databasesReveal', { password: 'old-pass' });
    await user.click(screen.getByRole('button', { name: 'Show the password of s3_shop' }));
    await screen.findByText('old-pass');
    mockApi.answer('databasesRotate', SHOP);
    mockApi.answer('databasesReveal', { password: 'new-pass' });
    await user.click(screen.getByRole('button', { name: 'Rotate password' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Rotate password' }));
    expect(await screen.findByText('new-pass')).toBeTruthy();
    expect(screen.queryByText('old-pass')).toBeNull();
    expect(mockApi.calls('databasesReveal')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Hide password' }));
    await user.click(screen.getByRole('button', { name: 'Rotate password' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Rotate password' }));
    await screen.findByText('s3_shop has a new password.');
    expect(mockApi.calls('databasesReveal')).toHaveLength(2);
  });

  it('says when the next database is possible when the panel’s per-server limit is hit', async () => {
    const { user } = await renderPanel([SHOP]);
    mockApi.fail('databasesCreate', { code: 'rate-limited', message: 'raw', retryAfterMs: 40_000 });
    await user.click(screen.getByRole('button', { name: 'New database' }));
    await user.type(screen.getByLabelText('Database name'), 'third{Enter}');
    expect(
      await within(screen.getByRole('dialog')).findByText('The panel limits how often you can create a database: the next one is possible in 40 seconds.'),
    ).toBeTruthy();
  });
});
