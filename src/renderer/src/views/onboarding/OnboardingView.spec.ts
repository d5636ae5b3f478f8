import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import OnboardingView from './OnboardingView.svelte';
import { mockApi } from '../../../test/mock-api';
import { appState } from '../../lib/state/app-state.svelte';
import { makeAccount } from '../../../test/view-models';

const account = makeAccount({ name: 'My panel' });
const check = { username: 'alice', email: 'a@example.com', isAdmin: false, serverCount: 3 };

const urlField = (): HTMLInputElement => screen.getByLabelText('Panel address');
const keyField = (): HTMLInputElement => screen.getByLabelText('API key');

async function fillAndSubmit(url = 'panel.example.com', key = 'ptlc_secret'): Promise<void> {
  const user = userEvent.setup();
  if (url) await user.type(urlField(), url);
  if (key) await user.type(keyField(), key);
  await user.click(screen.getByRole('button', { name: 'Check and add' }));
}

/** The error text a field points at through aria-describedby. */
function describedError(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join('');
}

describe('OnboardingView', () => {
  beforeEach(() => {
    appState.accounts = [];
    appState.navigate('onboarding');
    mockApi.answer('accountsCheck', check);
    mockApi.answer('accountsAdd', account);
  });

  it('checks, adds, clears the key and opens the dashboard', async () => {
    render(OnboardingView);
    await fillAndSubmit();
    await waitFor(() => expect(appState.navigation.view).toBe('dashboard'));
    expect(mockApi.calls('accountsCheck')).toEqual([[{ url: 'panel.example.com', apiKey: 'ptlc_secret' }]]);
    expect(mockApi.calls('accountsAdd')).toEqual([[{ url: 'panel.example.com', name: '', apiKey: 'ptlc_secret' }]]);
    expect(keyField().value).toBe('');
    expect(appState.accounts.map((a) => a.id)).toEqual(['acc1']);
  });

  it('asks for the explicit choice before a plain-http panel off this machine gets the key', async () => {
    render(OnboardingView);
    const user = userEvent.setup();
    await user.type(urlField(), 'http://panel.lan:8080');
    expect(screen.getByText('This panel is not encrypted: anyone on the network can read your key.')).toBeTruthy();
    await user.type(keyField(), 'ptlc_secret');
    await user.click(screen.getByRole('button', { name: 'Check and add' }));
    expect(describedError(urlField())).toMatch(/not encrypted.*https:\/\//);
    expect(mockApi.calls('accountsCheck')).toHaveLength(0);
    await user.click(screen.getByRole('checkbox', { name: 'Send my key without encryption' }));
    await user.click(screen.getByRole('button', { name: 'Check and add' }));
    await waitFor(() => expect(appState.navigation.view).toBe('dashboard'));
    expect(mockApi.calls('accountsCheck')).toEqual([[{ url: 'http://panel.lan:8080', apiKey: 'ptlc_secret', allowPlainHttp: true }]]);
    expect(mockApi.calls('accountsAdd')).toEqual([[{ url: 'http://panel.lan:8080', name: '', apiKey: 'ptlc_secret', allowPlainHttp: true }]]);
  });

  it.each(['https://panel.lan', 'http://127.0.0.1:8080', 'http://localhost:8080', 'panel.lan'])('offers no plain-http choice for %s', async (url) => {
    render(OnboardingView);
    await userEvent.setup().type(urlField(), url);
    expect(screen.queryByRole('checkbox', { name: 'Send my key without encryption' })).toBeNull();
  });

  it('keeps the form when the person declines main’s question, saying nothing was added', async () => {
    mockApi.answer('accountsAdd', null);
    render(OnboardingView);
    await fillAndSubmit();
    expect((await screen.findByText('The panel was not added.')).getAttribute('role')).toBe('status');
    expect(appState.navigation.view).toBe('onboarding');
    expect(keyField().value).toBe('ptlc_secret');
    expect(urlField().value).toBe('panel.example.com');
  });

  it('asks for both fields before calling main', async () => {
    render(OnboardingView);
    await fillAndSubmit('', '');
    expect(describedError(urlField())).toMatch(/address of your panel/);
    expect(describedError(keyField())).toMatch(/client API key/);
    expect(urlField().getAttribute('aria-invalid')).toBe('true');
    expect(mockApi.calls('accountsCheck')).toHaveLength(0);
  });

  it.each([
    ['invalid-url', 'url'],
    ['unreachable', 'url'],
    ['not-a-panel', 'url'],
    ['tls', 'url'],
    ['timeout', 'url'],
    ['application-key', 'key'],
    ['key-rejected', 'key'],
    ['ip-not-allowed', 'key'],
    ['two-factor-required', 'key'],
  ])('shows the %s problem under the %s field', async (reason, field) => {
    mockApi.fail('accountsCheck', { code: 'validation', reason, message: `Problem: ${reason}.` });
    render(OnboardingView);
    await fillAndSubmit();
    const [target, other] = field === 'url' ? [urlField(), keyField()] : [keyField(), urlField()];
    await waitFor(() => expect(describedError(target)).toBe(`Problem: ${reason}.`));
    expect(describedError(other)).toBe('');
    expect(document.activeElement).toBe(target);
    expect(mockApi.calls('accountsAdd')).toHaveLength(0);
    // Nothing lost: the person fixes one field and tries again.
    expect(keyField().value).toBe('ptlc_secret');
    expect(appState.navigation.view).toBe('onboarding');
  });

  it('shows other failures above the buttons', async () => {
    mockApi.fail('accountsCheck', { code: 'validation', reason: 'rate-limited', message: 'Wait a minute.' });
    render(OnboardingView);
    await fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toBe('Wait a minute.');
  });

  it('offers to keep the key for this session when no keychain is available', async () => {
    mockApi.fail('accountsAdd', { code: 'keychain-unavailable', message: 'No keychain found.' });
    render(OnboardingView);
    await fillAndSubmit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No keychain found.');
    expect(screen.getByText('Signed in as alice · 3 servers')).toBeTruthy();
    mockApi.answer('accountsAdd', { ...account, keyStorage: 'session' });
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Keep the key for this session only' }));
    await waitFor(() => expect(appState.navigation.view).toBe('dashboard'));
    expect(mockApi.calls('accountsAdd')[1]).toEqual([{ url: 'panel.example.com', name: '', apiKey: 'ptlc_secret', sessionOnly: true }]);
    expect(mockApi.calls('accountsCheck')).toHaveLength(1);
  });

  it('shows and hides the key', async () => {
    render(OnboardingView);
    expect(keyField().type).toBe('password');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show key' }));
    expect(keyField().type).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide key' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens the demo panel', async () => {
    mockApi.answer('accountsUseDemo', { ...account, id: 'demo', isDemo: true });
    render(OnboardingView);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try the demo panel' }));
    await waitFor(() => expect(appState.navigation.view).toBe('dashboard'));
    expect(mockApi.calls('accountsUseDemo')).toHaveLength(1);
  });

  it('says when the demo cannot start', async () => {
    mockApi.fail('accountsUseDemo', { code: 'internal', message: 'Port in use.' });
    render(OnboardingView);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try the demo panel' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Port in use.');
    expect(appState.navigation.view).toBe('onboarding');
  });
});
