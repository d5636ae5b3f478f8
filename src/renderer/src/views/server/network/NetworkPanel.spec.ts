import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { AllocationView } from '../../../../../shared/ipc/network';
import type { ServerPermissions } from '../../../../../shared/ipc-contract';
import { REF, serverView } from '../test-fixtures';
import NetworkPanel from './NetworkPanel.svelte';
import { addAllowance, removeBlock } from './network-page.svelte';

const PRIMARY: AllocationView = { id: 1, ip: '10.0.0.5', ipAlias: 'mc.example.com', port: 25565, notes: null, isPrimary: true };
const QUERY: AllocationView = { id: 2, ip: '10.0.0.5', ipAlias: null, port: 25566, notes: 'query', isPrimary: false };

async function renderPanel(allocations: AllocationView[], options: { limit?: number | null; permissions?: ServerPermissions | null } = {}) {
  mockApi.answer('networkList', { allocations, allocationLimit: options.limit === undefined ? 3 : options.limit });
  const user = userEvent.setup();
  const view = render(NetworkPanel, { props: { ref: REF, server: serverView(), permissions: options.permissions ?? null } });
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
  return { user, ...view };
}

const rowOf = (text: string): HTMLElement => screen.getByText(text).closest('li') as HTMLElement;

describe('NetworkPanel', () => {
  it('lists alias or ip with the port, notes, the primary marked, and "2 of 3"', async () => {
    await renderPanel([PRIMARY, QUERY]);
    expect(within(rowOf('mc.example.com:25565')).getByText('Primary')).toBeTruthy();
    expect(within(rowOf('10.0.0.5:25566')).getByText('query')).toBeTruthy();
    expect(within(rowOf('10.0.0.5:25566')).queryByText('Primary')).toBeNull();
    expect(screen.getByText('2 of 3 ports')).toBeTruthy();
  });

  it('adds a port the panel picks', async () => {
    const { user } = await renderPanel([PRIMARY]);
    mockApi.answer('networkAdd', { ...QUERY, id: 9, port: 30000, notes: null });
    await user.click(screen.getByRole('button', { name: 'Add port' }));
    expect(await screen.findByText('10.0.0.5:30000')).toBeTruthy();
    expect(mockApi.calls('networkAdd')).toEqual([[REF]]);
  });

  it('hides Add with the reason at the limit and without one', async () => {
    await renderPanel([PRIMARY, QUERY], { limit: 2 });
    expect(screen.queryByRole('button', { name: 'Add port' })).toBeNull();
    expect(screen.getByText(/reached its limit of 2 ports/)).toBeTruthy();
    expect(addAllowance({ allocations: [PRIMARY], allocationLimit: 0 })).toMatchObject({
      isAllowed: false,
      count: null,
      reason: expect.stringMatching(/no allocation limit/),
    });
    expect(addAllowance({ allocations: [PRIMARY], allocationLimit: null })).toMatchObject({ isAllowed: false });
    expect(removeBlock({ allocations: [QUERY], allocationLimit: 0 }, QUERY)).toMatch(/no allocation limit/);
  });

  it('edits notes inline: Enter saves, Escape cancels', async () => {
    const { user } = await renderPanel([PRIMARY, QUERY]);
    await user.click(screen.getByRole('button', { name: 'Notes for 10.0.0.5:25566' }));
    const input = screen.getByRole('textbox', { name: 'Notes for 10.0.0.5:25566' }) as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await user.clear(input);
    await user.type(input, 'not saved{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText('query')).toBeTruthy();
    expect(mockApi.calls('networkSetNotes')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Notes for 10.0.0.5:25566' }));
    mockApi.answer('networkSetNotes', { ...QUERY, notes: 'rcon' });
    await user.clear(screen.getByRole('textbox'));
    await user.type(screen.getByRole('textbox'), 'rcon{Enter}');
    await waitFor(() => expect(screen.queryByRole('textbox')).toBeNull());
    expect(screen.getByText('rcon')).toBeTruthy();
    expect(mockApi.calls('networkSetNotes')).toEqual([[{ server: REF, id: 2, notes: 'rcon' }]]);
  });

  it('keeps the typed note after a failed save, with the reason', async () => {
    const { user } = await renderPanel([PRIMARY, QUERY]);
    await user.click(screen.getByRole('button', { name: 'Notes for 10.0.0.5:25566' }));
    mockApi.fail('networkSetNotes', { code: 'network', message: 'down' });
    await user.clear(screen.getByRole('textbox'));
    await user.type(screen.getByRole('textbox'), 'game port{Enter}');
    expect(await screen.findByText(/did not answer/)).toBeTruthy();
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('game port');
  });

  it('makes a port primary', async () => {
    const { user } = await renderPanel([PRIMARY, QUERY]);
    mockApi.answer('networkSetPrimary', { ...QUERY, isPrimary: true });
    await user.click(screen.getByRole('button', { name: 'Make primary' }));
    await waitFor(() => expect(within(rowOf('10.0.0.5:25566')).queryByText('Primary')).toBeTruthy());
    expect(within(rowOf('mc.example.com:25565')).queryByText('Primary')).toBeNull();
  });

  it('a key without allocation.update: a 403 explained with the permission', async () => {
    const { user } = await renderPanel([PRIMARY, QUERY]);
    mockApi.fail('networkSetPrimary', { code: 'forbidden', message: 'This action is unauthorized.' });
    await user.click(screen.getByRole('button', { name: 'Make primary' }));
    expect(await screen.findByText(/“allocation\.update” permission is missing/)).toBeTruthy();
  });

  it('removes after a danger confirmation; the primary cannot be removed and says why', async () => {
    const { user } = await renderPanel([PRIMARY, QUERY]);
    const primaryRemove = screen.getByRole('button', { name: 'Remove mc.example.com:25565' }) as HTMLButtonElement;
    expect(primaryRemove.disabled).toBe(true);
    expect(primaryRemove.title).toBe('The primary port cannot be removed: make another port primary first.');
    await user.click(screen.getByRole('button', { name: 'Remove 10.0.0.5:25566' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove 10.0.0.5:25566?' });
    mockApi.answer('networkRemove', undefined);
    await user.click(within(dialog).getByRole('button', { name: 'Remove port' }));
    await waitFor(() => expect(screen.queryByText('10.0.0.5:25566')).toBeNull());
    expect(mockApi.calls('networkRemove')).toEqual([[{ server: REF, id: 2 }]]);
  });

  it('a read-only key sees the ports and nothing to change', async () => {
    await renderPanel([PRIMARY, QUERY], { permissions: { isOwner: false, permissions: ['allocation.read'] } });
    expect(screen.queryByRole('button', { name: 'Add port' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Make primary' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Notes for/ })).toBeNull();
    expect(screen.getByText('query')).toBeTruthy();
  });

  it('says when the next port is possible when the panel’s per-server limit is hit, and keeps Add', async () => {
    const { user } = await renderPanel([PRIMARY]);
    mockApi.fail('networkAdd', { code: 'rate-limited', message: 'raw', retryAfterMs: 30_000 });
    await user.click(screen.getByRole('button', { name: 'Add port' }));
    expect(await screen.findByText('The panel limits how often you can add a port: the next one is possible in 30 seconds.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add port' })).toBeTruthy();
  });

  it('shows the panel’s words when auto-allocation is off', async () => {
    const { user } = await renderPanel([PRIMARY]);
    mockApi.fail('networkAdd', { code: 'validation', message: 'Server auto-allocation is not enabled for this instance.' });
    await user.click(screen.getByRole('button', { name: 'Add port' }));
    expect(await screen.findByText('Server auto-allocation is not enabled for this instance.')).toBeTruthy();
  });
});
