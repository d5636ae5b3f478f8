import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import QuickOpen from './QuickOpen.svelte';
import { appState } from '../../lib/state/app-state.svelte';
import { makeAccount, makeServer } from '../../../test/view-models';

function setup() {
  appState.accounts = [makeAccount({ id: 'a', name: 'Home' })];
  appState.servers = [
    makeServer({ accountId: 'a', name: 'Survival 2', identifier: 'aaaa0002' }),
    makeServer({ accountId: 'a', name: 'Survival 1', identifier: 'aaaa0001', state: 'offline' }),
    makeServer({ accountId: 'a', name: 'Lobby', identifier: 'aaaa0003' }),
  ];
  appState.navigate('dashboard');
  const onclose = vi.fn();
  render(QuickOpen, { onclose });
  return { onclose, search: screen.getByRole('combobox', { name: 'Server name, identifier, node or panel' }) };
}

const options = () => screen.getAllByRole('option').map((o) => [o.querySelector('.name')?.textContent, o.getAttribute('aria-selected')]);

describe('QuickOpen', () => {
  it('starts in the search with every server by name, and narrows as one types', async () => {
    const { search } = setup();
    expect(document.activeElement).toBe(search);
    expect(options().map(([name]) => name)).toEqual(['Lobby', 'Survival 1', 'Survival 2']);
    await userEvent.type(search, 'surv');
    expect(options()).toEqual([
      ['Survival 1', 'true'],
      ['Survival 2', 'false'],
    ]);
    expect(screen.getByRole('status').textContent).toContain('2 servers');
  });

  it('moves with the arrows and opens the chosen server’s console with Enter', async () => {
    const { search, onclose } = setup();
    await userEvent.type(search, 'surv{ArrowDown}');
    expect(search.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    await userEvent.keyboard('{Enter}');
    expect(onclose).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(appState.navigation).toEqual({ view: 'console', server: { accountId: 'a', identifier: 'aaaa0002' } }));
  });

  it('says when nothing matches, and closes on Escape without going anywhere', async () => {
    const { search, onclose } = setup();
    await userEvent.type(search, 'zzz');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toContain('No server matches “zzz”.');
    await userEvent.keyboard('{Escape}');
    expect(onclose).toHaveBeenCalled();
    expect(appState.navigation.view).toBe('dashboard');
  });
});
