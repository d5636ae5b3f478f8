import { describe, expect, it } from 'vitest';
import { ERROR_ADVICE, PANEL_FAILURE_ADVICE, PanelError } from '../../../../src/core/api/errors';
import { errorFromResponse } from '../../../../src/core/api/http-errors';
import { failureAdvice, failureNotice, type TrayFailure } from '../../../../src/core/rules/failure-notice';

const DETAIL = '<a href="https://evil.example/login">Your session expired: sign in again</a>';
const answer = (status: number, body: unknown): PanelError => errorFromResponse({ status, headers: {}, body: JSON.stringify(body) }, { secrets: [], nowMs: 0 });
const panelSays = (status: number): PanelError => answer(status, { errors: [{ code: 'DisplayException', status: String(status), detail: DETAIL }] });

const server = { accountId: 'a1', identifier: 'abcd1234', name: 'Survival' };
const power: TrayFailure = { action: 'power', signal: 'restart', server };

describe('failureAdvice: our sentence, never the error’s message', () => {
  it.each([
    ['a panel’s 400 with a detail', panelSays(400), ERROR_ADVICE.validation],
    ['a panel’s 403 with a detail', panelSays(403), ERROR_ADVICE.forbidden],
    ['a panel’s 409 with a detail', panelSays(409), ERROR_ADVICE.conflict],
    ['a panel’s own 500', panelSays(500), PANEL_FAILURE_ADVICE],
    ['Wings’ {error} shape', answer(502, { error: DETAIL }), ERROR_ADVICE['node-unreachable']],
    [
      'a 429 with a wait',
      new PanelError({ kind: 'rate-limited', retryAfterMs: 2_500, message: DETAIL }),
      'The panel asked to wait 3 s before this is tried again.',
    ],
    [
      'a route’s own limit',
      new PanelError({ kind: 'rate-limited', retryAfterMs: 60_000, rateLimitScope: 'server', message: DETAIL }),
      'The panel asked to wait 60 s before this is tried again.',
    ],
    ['a 429 without a wait', new PanelError({ kind: 'rate-limited', message: DETAIL }), ERROR_ADVICE['rate-limited']],
    ['an Error that is not a PanelError', new Error(DETAIL), 'Something went wrong inside Pterotray. Try again; if it keeps happening, report it.'],
    ['something that is not an Error', DETAIL, 'Something went wrong inside Pterotray. Try again; if it keeps happening, report it.'],
  ])('%s', (_what, error, expected) => {
    expect(failureAdvice(error)).toBe(expected);
  });

  it('holds the panel’s text in the error, which the notice leaves out', () => {
    expect(panelSays(400).message).toBe(DETAIL);
    expect(JSON.stringify(failureNotice(power, panelSays(400)))).not.toContain('evil.example');
  });
});

describe('failureNotice', () => {
  it.each([
    [
      'a power action: the server, to try again where the panel’s answer shows',
      power,
      {
        key: 'failure:power:a1/abcd1234',
        title: 'Could not restart Survival',
        body: `${ERROR_ADVICE.validation} Click to open it in Pterotray: trying again there shows what the panel said.`,
        target: { accountId: 'a1', identifier: 'abcd1234' },
      },
    ],
    [
      'opening the panel',
      { action: 'open-in-panel', server: { accountId: 'a1', identifier: 'abcd1234' } },
      {
        key: 'failure:open-in-panel:a1/abcd1234',
        title: 'Could not open the panel',
        body: `${ERROR_ADVICE.validation} Click to open the server in Pterotray instead.`,
        target: { accountId: 'a1', identifier: 'abcd1234' },
      },
    ],
    [
      'a refresh: Settings, where each panel’s status is',
      { action: 'refresh' },
      {
        key: 'failure:refresh',
        title: 'Could not refresh',
        body: `${ERROR_ADVICE.validation} Open Pterotray for details.`,
        target: { accountId: '', identifier: null },
      },
    ],
  ] satisfies Array<[string, TrayFailure, object]>)('%s', (_what, failure, expected) => {
    expect(failureNotice(failure, panelSays(400))).toEqual({ kind: 'failure', urgency: 'normal', ...expected });
  });

  it.each([
    ['tags stay text for the desktop layer to handle', '<b>Lobby</b>', 'Could not restart <b>Lobby</b>'],
    ['bidi overrides and control characters go', 'Lobby\u202E\u0007\nx', 'Could not restart Lobby x'],
    ['nothing left: the identifier', '\u2066\u2069', 'Could not restart abcd1234'],
  ])('names the server cleaned: %s', (_what, name, title) => {
    expect(failureNotice({ ...power, server: { ...server, name } }, panelSays(400)).title).toBe(title);
  });
});
