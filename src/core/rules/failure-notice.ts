/**
 * The notice for a tray action that failed (the tray has no other voice), pure. Its words are
 * ours: a PanelError's message is often the panel's `errors[0].detail` or Wings' `error`, text a
 * panel chose, and a notification seems to come from Pterotray. So the notice says what failed
 * and the kind's advice, and a click opens the window, which shows the panel's own answer as
 * text (its power buttons print it when the action is tried there).
 */
import { describePanelError } from '../api/describe-error';
import { isPanelError } from '../api/errors';
import type { PowerSignal, ServerRef } from '../../shared/types';
import type { Notice, NoticeServer } from './notification-policy';
import { noticeName } from './notice-text';
import { serverKey } from '../../shared/server-key';

/** What the tray tried. */
export type TrayFailure =
  { action: 'power'; signal: PowerSignal; server: NoticeServer } | { action: 'open-in-panel'; server: ServerRef } | { action: 'refresh' };

/**
 * One sentence of ours for `error`, never its message: a PanelError's `advice` is its kind's (or
 * the panel-failure one for a panel's own 5xx), and a rate limit says how long to wait.
 */
export function failureAdvice(error: unknown): string {
  if (!isPanelError(error)) return describePanelError(error).advice;
  if (error.kind === 'rate-limited' && error.retryAfterMs !== undefined) {
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return `The panel asked to wait ${seconds} s before this is tried again.`;
  }
  return error.advice;
}

const TRY_AGAIN_THERE = 'Click to open it in Pterotray: trying again there shows what the panel said.';

/** The notice for `failure`; a click opens the server when there is one, else Settings. */
export function failureNotice(failure: TrayFailure, error: unknown): Notice {
  const advice = failureAdvice(error);
  switch (failure.action) {
    case 'power': {
      const { server } = failure;
      return {
        kind: 'failure',
        key: `failure:power:${serverKey(server)}`,
        title: `Could not ${failure.signal} ${noticeName(server.name, server.identifier)}`,
        body: `${advice} ${TRY_AGAIN_THERE}`,
        urgency: 'normal',
        target: { accountId: server.accountId, identifier: server.identifier },
      };
    }
    case 'open-in-panel':
      return {
        kind: 'failure',
        key: `failure:open-in-panel:${serverKey(failure.server)}`,
        title: 'Could not open the panel',
        body: `${advice} Click to open the server in Pterotray instead.`,
        urgency: 'normal',
        target: { accountId: failure.server.accountId, identifier: failure.server.identifier },
      };
    case 'refresh':
      return {
        kind: 'failure',
        key: 'failure:refresh',
        title: 'Could not refresh',
        body: `${advice} Open Pterotray for details.`,
        urgency: 'normal',
        target: { accountId: '', identifier: null },
      };
  }
}
