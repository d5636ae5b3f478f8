import { describe, expect, it } from 'vitest';
import { AccountCheckError, checkAccount, checkKeyShape, normalizePanelUrl } from '../../../../src/core/accounts/check-key';
import type { ClientApi } from '../../../../src/core/api/client-types';
import { errorFromResponse } from '../../../../src/core/api/http-errors';
import { PanelError } from '../../../../src/core/api/errors';

describe('normalizePanelUrl', () => {
  it.each([
    ['panel.example.com', 'https://panel.example.com'],
    ['  https://panel.example.com/  ', 'https://panel.example.com'],
    ['https://panel.example.com/api/client', 'https://panel.example.com'],
    ['https://panel.example.com/api/client/', 'https://panel.example.com'],
    ['https://example.com/panel/', 'https://example.com/panel'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['HTTPS://Panel.Example.com?x=1#frag', 'https://panel.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePanelUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'Enter the address'],
    ['ftp://panel.example.com', 'must start with https://'],
    ['https://user:pw@panel.example.com', 'Leave the user name and password out'],
    ['https://exa mple.com', 'is not a web address'],
  ])('rejects %j', (input, message) => {
    const attempt = () => normalizePanelUrl(input);
    expect(attempt).toThrow(AccountCheckError);
    expect(attempt).toThrow(message);
  });
});

describe('checkKeyShape', () => {
  it('trims and accepts client keys of both panels', () => {
    expect(checkKeyShape(' ptlc_abc \n')).toBe('ptlc_abc');
    expect(checkKeyShape('pacc_abc')).toBe('pacc_abc');
  });

  it.each(['ptla_0123456789abcdef', 'papp_0123456789abcdef', 'peli_0123456789abcdef'])('rejects the application key %s and says what to do', (key) => {
    try {
      checkKeyShape(key);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AccountCheckError);
      expect((error as AccountCheckError).problem).toBe('application-key');
      expect((error as Error).message).toContain('client key');
      expect((error as Error).message).not.toContain(key);
    }
  });

  it('rejects an empty key', () => {
    expect(() => checkKeyShape('   ')).toThrow(/Paste a client API key/);
  });
});

describe('checkAccount on a panel that fails with its own 500', () => {
  it('says the panel is failing, not that the address is wrong', async () => {
    const failing = errorFromResponse(
      {
        status: 500,
        body: JSON.stringify({
          errors: [{ code: 'HttpException', status: '500', detail: 'An unexpected error was encountered while processing this request, please try again.' }],
        }),
        headers: { 'content-type': 'application/json' },
      },
      { secrets: [], nowMs: 0 },
    );
    const client = {
      getAccount: () => Promise.reject(failing),
      listServersPage: () => Promise.reject(new Error('not reached')),
    } as unknown as ClientApi;
    const error = await checkAccount({ url: 'https://panel.example.com', apiKey: 'ptlc_0123456789abcdef' }, () => client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountCheckError);
    expect((error as AccountCheckError).problem).toBe('panel-error');
    expect((error as AccountCheckError).message).toMatch(/internal error \(500\)/);
    expect((error as AccountCheckError).message).not.toMatch(/Check the address/);
  });
});

// ── notices (issue 15) ──
describe('an address typed without a scheme', () => {
  const failing = (error: PanelError) => () =>
    ({
      getAccount: () => Promise.reject(error),
      listServersPage: () => Promise.reject(error),
    }) as unknown as ClientApi;
  const tls = new PanelError({ kind: 'tls', message: 'wrong version number (EPROTO)' });
  const refused = new PanelError({ kind: 'network', message: 'ECONNREFUSED' });

  it.each([
    ['127.0.0.1:44877', refused, 'Did you mean http://127.0.0.1:44877?'],
    ['localhost:8080', tls, 'Did you mean http://localhost:8080?'],
    ['panel.example.com', tls, 'Did you mean http://panel.example.com?'],
    ['panel.example.com/pterodactyl/', tls, 'Did you mean http://panel.example.com/pterodactyl?'],
  ])('%s failing over https: says "did you mean http://…?" under the address', async (typed, error, said) => {
    const attempt = checkAccount({ url: typed, apiKey: 'ptlc_x' }, failing(error));
    await expect(attempt).rejects.toMatchObject({ problem: 'https-failed', reason: 'https-failed' });
    await expect(attempt).rejects.toThrow(said);
  });

  it.each([
    ['https://127.0.0.1:44877', tls, 'tls'],
    ['panel.example.com', refused, 'unreachable'],
    ['http://127.0.0.1:44877', refused, 'unreachable'],
  ])('%s: no suggestion (a scheme was typed, or http would not help)', async (typed, error, problem) => {
    await expect(checkAccount({ url: typed, apiKey: 'ptlc_x' }, failing(error))).rejects.toMatchObject({ problem });
  });
});
