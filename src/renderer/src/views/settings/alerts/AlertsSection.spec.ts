import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AlertsSection from './AlertsSection.svelte';
import { mockApi } from '../../../../test/mock-api';
import { appState } from '../../../lib/state/app-state.svelte';
import { makeAccount } from '../../../../test/view-models';
import { inputOf, newDraft, problemsOf } from './channel-form';
import type { ChannelConfig, ChannelStatus } from '../../../../../shared/alerts';
import type { AlertChannelView } from '../../../../../shared/ipc/alerts';

const config = (over: Partial<ChannelConfig> = {}): ChannelConfig => ({
  id: 'c1',
  kind: 'discord',
  name: 'Ops Discord',
  isEnabled: true,
  rules: { accounts: null, servers: null, kinds: null, minSeverity: 'info' },
  quietHours: null,
  ntfy: null,
  webhook: null,
  ...over,
});
const status = (over: Partial<ChannelStatus> = {}): ChannelStatus => ({
  channelId: 'c1',
  health: 'ok',
  consecutiveFailures: 0,
  failingSinceMs: null,
  lastSuccessMs: 1,
  lastError: null,
  pending: 0,
  ...over,
});
const view = (c: Partial<ChannelConfig> = {}, st: Partial<ChannelStatus> = {}): AlertChannelView => ({
  config: config(c),
  status: status(st),
  hasSecret: true,
});

describe('AlertsSection', () => {
  it('shows each channel with its failing mark, why, and what waits', async () => {
    mockApi.answer('alertsList', [
      view({}, { health: 'failing', failingSinceMs: Date.UTC(2026, 11, 4), lastError: 'Discord does not know this address (404).', pending: 3 }),
    ]);
    render(AlertsSection);
    const item = await screen.findByRole('listitem', { name: 'Ops Discord' });
    expect(within(item).getByText('Failing')).toBeTruthy();
    expect(within(item).getByText('Discord does not know this address (404).')).toBeTruthy();
    expect(within(item).getByText(/3 alerts waiting/)).toBeTruthy();
  });

  it('"Send test" shows what the receiver said, for success and failure', async () => {
    mockApi.answer('alertsList', [view()]);
    mockApi.answer('alertsTest', { ok: true, status: 204, message: 'Delivered (HTTP 204).' });
    render(AlertsSection);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send a test message to Ops Discord' }));
    expect((await screen.findByRole('status')).textContent).toContain('Test message sent. Delivered (HTTP 204).');
    expect(mockApi.calls('alertsTest')).toEqual([[{ channelId: 'c1' }]]);
    mockApi.answer('alertsTest', { ok: false, status: 404, message: 'Discord does not know this address (404).' });
    await user.click(screen.getByRole('button', { name: 'Send a test message to Ops Discord' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('not delivered: Discord does not know this address (404).'));
  });

  it('adds a channel: the URL goes in once, as a password field, and the list shows it after', async () => {
    appState.accounts = [makeAccount()];
    mockApi.answer('alertsList', []);
    mockApi.answer('alertsSave', view({ name: 'Phone', kind: 'ntfy', ntfy: { server: 'https://ntfy.sh', auth: 'token', username: null } }));
    render(AlertsSection);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a channel' }));
    await user.selectOptions(screen.getByLabelText('Service'), 'ntfy');
    await user.type(screen.getByLabelText('Name'), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Save channel' }));
    expect(mockApi.calls('alertsSave')).toEqual([]); // The topic is missing: nothing sent.
    await user.type(screen.getByLabelText('Topic'), 'pt-ops');
    await user.selectOptions(screen.getByLabelText('Authentication'), 'token');
    await user.type(screen.getByLabelText('Access token'), 'tk_abc');
    expect((screen.getByLabelText('Access token') as HTMLInputElement).type).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Save channel' }));
    await screen.findByRole('listitem', { name: 'Phone' });
    const [[input]] = mockApi.calls('alertsSave') as [[Parameters<typeof inputOf>[0] extends never ? never : ReturnType<typeof inputOf>]];
    expect(input.secret).toEqual({ topic: 'pt-ops', token: 'tk_abc' });
    expect(input.config).toMatchObject({ kind: 'ntfy', name: 'Phone', ntfy: { server: 'https://ntfy.sh', auth: 'token', username: null } });
  });

  it('says so when the person declined main’s question', async () => {
    mockApi.answer('alertsList', []);
    mockApi.answer('alertsSave', null);
    render(AlertsSection);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add a channel' }));
    await user.type(screen.getByLabelText('Name'), 'Ops');
    await user.type(screen.getByLabelText('Webhook URL'), 'https://discord.com/api/webhooks/1/x');
    await user.click(screen.getByRole('button', { name: 'Save channel' }));
    expect((await screen.findByRole('alert')).textContent).toContain('you chose not to send alerts there');
  });

  it('asks before removing a channel', async () => {
    mockApi.answer('alertsList', [view()]);
    mockApi.answer('alertsRemove', undefined);
    render(AlertsSection);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Remove Ops Discord' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Ops Discord?' });
    expect(mockApi.calls('alertsRemove')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Ops Discord' })).toBeNull());
    expect(mockApi.calls('alertsRemove')).toEqual([[{ channelId: 'c1' }]]);
  });

  it('follows pushed status changes', async () => {
    mockApi.answer('alertsList', [view()]);
    render(AlertsSection);
    await screen.findByText('Delivering');
    mockApi.emit('alerts:changed', [view({}, { health: 'failing', failingSinceMs: 5, lastError: 'The webhook answered 503; trying again later.' })]);
    expect(await screen.findByText('Failing')).toBeTruthy();
  });
});

describe('the channel form model', () => {
  it('an edit sends no secret it did not type, and quiet hours as minutes', () => {
    const d = { ...newDraft('webhook'), id: 'c1', name: ' Ops ', hasQuietHours: true, quietFrom: '22:30', quietTo: '06:00', kinds: ['crash' as const] };
    expect(problemsOf(d, true, 'Required.')).toEqual({});
    expect(inputOf(d)).toEqual({
      config: {
        id: 'c1',
        kind: 'webhook',
        name: 'Ops',
        isEnabled: true,
        rules: { accounts: null, servers: null, kinds: ['crash'], minSeverity: 'info' },
        quietHours: { startMinute: 1350, endMinute: 360, allowCritical: true },
        ntfy: null,
        webhook: { isSigned: false },
      },
    });
    expect(problemsOf({ ...d, id: null }, false, 'Required.')).toEqual({ url: 'Required.' });
  });
});
