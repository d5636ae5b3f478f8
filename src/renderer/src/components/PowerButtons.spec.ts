import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import PowerButtons from './PowerButtons.svelte';
import { mockApi } from '../../test/mock-api';
import { makeAccount, makeServer } from '../../test/view-models';
import { appState } from '../lib/state/app-state.svelte';
import type { ServerView } from '../../../shared/types';

const server = makeServer;

const enabled = (): string[] =>
  ['Start', 'Stop', 'Restart', 'Kill'].filter((word) => !(screen.getByRole('button', { name: `${word} Alpha` }) as HTMLButtonElement).disabled);

describe('PowerButtons', () => {
  it.each<[ServerView['state'], ServerView['availability'], boolean, string[]]>([
    ['offline', 'ok', true, ['Start', 'Restart']],
    ['starting', 'ok', true, ['Stop', 'Restart']],
    ['running', 'ok', true, ['Stop', 'Restart']],
    ['stopping', 'ok', true, ['Kill']],
    ['unknown', 'ok', true, []],
    ['running', 'suspended', true, []],
    ['offline', 'installing', true, []],
    ['running', 'node-unreachable', true, []],
    ['running', 'ok', false, []],
  ])('%s / %s / account usable %s enables %j', (state, availability, isAccountUsable, expected) => {
    render(PowerButtons, { server: server({ state, availability }), isAccountUsable });
    expect(enabled()).toEqual(expected);
  });

  it('gives every button a tooltip and a name', () => {
    render(PowerButtons, { server: server() });
    for (const button of within(screen.getByRole('group', { name: 'Power of Alpha' })).getAllByRole('button')) {
      expect(button.getAttribute('title')).toBeTruthy();
    }
  });

  it('says on the disabled buttons why power is unavailable', () => {
    render(PowerButtons, { server: server({ state: 'offline', availability: 'suspended' }) });
    expect(screen.getByRole('button', { name: 'Start Alpha' }).getAttribute('title')).toBe(
      'Suspended by the panel: power actions are unavailable until it is unsuspended.',
    );
  });

  it('sends the signal and is busy while the call runs', async () => {
    let finish: (v: unknown) => void = () => {};
    mockApi.bridge.serversPower!.mockImplementation(() => new Promise((r) => (finish = r)));
    render(PowerButtons, { server: server({ state: 'running' }) });
    await fireEvent.click(screen.getByRole('button', { name: 'Stop Alpha' }));
    expect(mockApi.calls('serversPower')).toEqual([[{ server: { accountId: 'acc1', identifier: '1a2b3c4d' }, signal: 'stop' }]]);
    expect(screen.getByRole('button', { name: 'Stop Alpha' }).getAttribute('aria-busy')).toBe('true');
    expect((screen.getByRole('button', { name: 'Restart Alpha' }) as HTMLButtonElement).disabled).toBe(true);
    finish({ ok: true, value: undefined });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stop Alpha' }).getAttribute('aria-busy')).toBe('false'));
  });

  it('shows a failure inline and lets it be dismissed', async () => {
    mockApi.fail('serversPower', { code: 'conflict', reason: 'suspended', message: 'The server is suspended.' });
    render(PowerButtons, { server: server() });
    await fireEvent.click(screen.getByRole('button', { name: 'Restart Alpha' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The server is suspended.');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks before killing, and kills only once confirmed', async () => {
    mockApi.answer('serversPower', undefined);
    render(PowerButtons, { server: server({ state: 'stopping' }) });
    await fireEvent.click(screen.getByRole('button', { name: 'Kill Alpha' }));
    const dialog = screen.getByRole('dialog');
    // Named as the tray's dialog names it ("Kill Survival 1?"), not "this server".
    expect(dialog.textContent).toContain('Kill Alpha?');
    expect(dialog.textContent).toContain('Forcibly stopping a server can lead to data corruption.');
    expect(mockApi.calls('serversPower')).toHaveLength(0);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(mockApi.calls('serversPower')).toHaveLength(0);

    await fireEvent.click(screen.getByRole('button', { name: 'Kill Alpha' }));
    await fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Kill' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(mockApi.calls('serversPower')).toEqual([[{ server: { accountId: 'acc1', identifier: '1a2b3c4d' }, signal: 'kill' }]]);
  });

  // ── notices (issue 15) ──
  it('says on a rate-limited panel’s buttons why, and counts down to when it answers again', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      vi.setSystemTime(1_000_000);
      appState.accounts = [makeAccount({ status: 'rate-limited', retryAtMs: 1_000_000 + 42_000 })];
      render(PowerButtons, { server: server({ state: 'running' }) });
      const restart = screen.getByRole('button', { name: 'Restart Alpha' }) as HTMLButtonElement;
      expect(restart.disabled).toBe(true);
      expect(restart.title).toBe('The panel asked to wait before the next request (rate limit): it answers again in 42 s.');
      await vi.advanceTimersByTimeAsync(10_000);
      expect(restart.title).toContain('answers again in 32 s');
    } finally {
      appState.accounts = [];
      vi.useRealTimers();
    }
  });
});
