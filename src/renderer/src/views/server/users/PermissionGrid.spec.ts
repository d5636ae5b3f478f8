import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { PermissionGroupView } from '../../../../../shared/ipc/users';
import PermissionGrid from './PermissionGrid.svelte';

const NESTED: PermissionGroupView[] = [
  { name: 'websocket', description: 'Websocket access.', permissions: [{ key: 'websocket.connect', description: 'Connect.' }] },
  {
    name: 'control',
    description: 'Power and commands.',
    permissions: [
      { key: 'control.console', description: 'Send commands.' },
      { key: 'control.stop', description: 'Stop it.' },
    ],
  },
];
const FLAT: PermissionGroupView[] = NESTED.map((g) => ({ ...g, description: null, permissions: g.permissions.map((p) => ({ ...p, description: null })) }));

function grid(groups: PermissionGroupView[], permissions: { isOwner: boolean; permissions: string[] } | null = null) {
  const onchange = vi.fn();
  render(PermissionGrid, { groups, permissions, selected: new Set<string>(), onchange });
  return { onchange, box: (key: string) => document.querySelector<HTMLInputElement>(`input[name="${key}"]`)! };
}

describe('PermissionGrid', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it("shows Pterodactyl's descriptions, and Pelican's groups without any", () => {
    grid(NESTED);
    expect(screen.getByText('Power and commands.')).toBeTruthy();
    expect(screen.getByRole('checkbox', { description: 'Send commands.' })).toBeTruthy();
    document.body.innerHTML = '';
    grid(FLAT);
    expect(screen.queryByText('Power and commands.')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'All of Control' })).toBeTruthy();
  });

  it('disables what the key’s user lacks, saying why, and websocket.connect', () => {
    const { box } = grid(NESTED, { isOwner: false, permissions: ['control.console'] });
    expect(box('control.stop').disabled).toBe(true);
    expect(screen.getByRole('checkbox', { description: /Stop it\. You do not hold this permission/ })).toBe(box('control.stop'));
    expect(box('control.console').disabled).toBe(false);
    expect([box('websocket.connect').disabled, box('websocket.connect').checked]).toEqual([true, true]);
  });

  it('Tab reaches the boxes and Space switches one; the group box selects the group', async () => {
    const user = userEvent.setup();
    const { onchange } = grid(NESTED);

    await user.tab();
    // websocket's group box and its one permission are disabled: the first stop is Control's box.
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'All of Control' }));
    await user.keyboard(' ');
    expect([...(onchange.mock.lastCall?.[0] as Set<string>)].sort()).toEqual(['control.console', 'control.stop']);

    await user.tab();
    await user.keyboard(' ');
    expect([...(onchange.mock.lastCall?.[0] as Set<string>)]).toEqual(['control.console']);
  });
});
