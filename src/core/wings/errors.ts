/** How the websocket client turns foreign failures into PanelErrors and decides what is fatal. */
import { PanelError, isPanelError, type PanelErrorKind } from '../api/errors';

/** Failures fetching credentials that waiting will not fix: stop instead of retrying forever. */
const FATAL_CREDENTIAL_KINDS: ReadonlySet<PanelErrorKind> = new Set<PanelErrorKind>(['auth', 'forbidden', 'not-found', 'two-factor-required']);

/** `fetchCredentials` is injected and may reject with anything; the core only hands out PanelErrors. */
export function toPanelError(err: unknown): PanelError {
  if (isPanelError(err)) return err;
  return new PanelError({ kind: 'network', message: 'Could not get a websocket token from the panel.', cause: err });
}

/** True when a credentials failure means "stop": no key, no permission, or no server. */
export function isFatalCredentialError(err: PanelError): boolean {
  return FATAL_CREDENTIAL_KINDS.has(err.kind);
}
