/**
 * Checking a panel URL and API key before anything is saved, and saying what is wrong in plain
 * words: wrong URL, not a panel, an application key, a revoked key, 2FA required, an IP not
 * allowed, a TLS error. Needs only the ClientApi, so it is tested against the simulated panel.
 */
import type { ClientApi, PanelConnection } from '../api/client-types';
import { PanelError } from '../api/errors';
import { CoreError } from '../util/core-error';
import { isLoopbackHost } from '../../shared/transport';

/** Why a URL or key cannot be used; the window branches on `code`. */
export type AccountProblem =
  | 'invalid-url'
  | 'empty-key'
  | 'application-key'
  | 'unreachable'
  | 'not-a-panel'
  | 'panel-error'
  | 'key-rejected'
  | 'ip-not-allowed'
  | 'two-factor-required'
  | 'tls'
  // ── notices (issue 15) ── no scheme typed, https failed where http may answer: "did you mean http://…?"
  | 'https-failed'
  | 'timeout'
  | 'rate-limited'
  | 'maintenance'
  | 'unexpected';

/** A failed check, with a message a person can act on. Never contains the key. */
export class AccountCheckError extends CoreError {
  /** A check the person can fix by changing the form: the field depends on `problem`. */
  readonly kind = 'validation';
  readonly problem: AccountProblem;
  constructor(problem: AccountProblem, message: string) {
    super(message, { reason: problem });
    this.name = 'AccountCheckError';
    this.problem = problem;
  }
}

/** What a successful check learnt. */
export interface AccountCheckResult {
  url: string;
  username: string;
  email: string;
  isAdmin: boolean;
  serverCount: number;
}

/**
 * Normalises what a person pastes as a panel address: adds https:// when no scheme is given,
 * drops a pasted `/api/client` suffix, trailing slashes, query and fragment.
 */
export function normalizePanelUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') throw new AccountCheckError('invalid-url', 'Enter the address of your panel, for example https://panel.example.com.');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AccountCheckError('invalid-url', `“${trimmed}” is not a web address. Enter it like https://panel.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AccountCheckError('invalid-url', 'The panel address must start with https:// (or http:// for a panel on your own network).');
  }
  if (url.username || url.password) {
    throw new AccountCheckError('invalid-url', 'Leave the user name and password out of the address; Pterotray only needs the API key.');
  }
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/api\/client$/i, '')
    .replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

/** Rejects keys that cannot work before asking the panel. Prefixes are not required (Pelican differs). */
export function checkKeyShape(apiKey: string): string {
  const key = apiKey.trim();
  if (key === '') throw new AccountCheckError('empty-key', 'Paste a client API key from your panel (Account → API Credentials).');
  // Application keys: Pterodactyl's ptla_, Pelican's papp_ and, before 2025-09, peli_ (pelican PR #1650).
  if (/^(ptla|papp|peli)_/i.test(key)) {
    throw new AccountCheckError(
      'application-key',
      'This is an application API key (ptla_ / papp_ / peli_), which only works for the admin API. Create a client key under Account → API Credentials instead.',
    );
  }
  return key;
}

function explain(error: unknown, url: string): AccountCheckError {
  if (!(error instanceof PanelError)) return new AccountCheckError('unexpected', 'Something unexpected went wrong while checking the key. Try again.');
  const host = new URL(url).host;
  switch (error.kind) {
    case 'network':
      return new AccountCheckError('unreachable', `Could not reach ${host}. Check the address and your connection.`);
    case 'tls':
      return new AccountCheckError(
        'tls',
        `The TLS certificate of ${host} could not be verified. Check the address, or ask the panel’s admin about its certificate.`,
      );
    case 'timeout':
      return new AccountCheckError('timeout', `${host} did not answer in time. Try again, or check that the address is right.`);
    case 'bad-response':
      // The panel's own JSON error for a 5xx: it is a panel, and it is failing.
      if (error.isPanelFailure) return new AccountCheckError('panel-error', error.message);
      return new AccountCheckError(
        'not-a-panel',
        `${host} answered, but not like a Pterodactyl or Pelican panel. Check the address (it is the one you open in your browser).`,
      );
    case 'not-found':
      return new AccountCheckError(
        'not-a-panel',
        `${host} answered, but not like a Pterodactyl or Pelican panel. Check the address (it is the one you open in your browser).`,
      );
    case 'auth':
      return new AccountCheckError(
        'key-rejected',
        'The panel rejected this key: it is wrong or has been revoked. Create a new client key under Account → API Credentials.',
      );
    case 'forbidden':
      if (/IP address/i.test(error.detail ?? '')) {
        return new AccountCheckError(
          'ip-not-allowed',
          'This key is limited to other IP addresses. Add this computer’s IP to the key’s allowed IPs, or create a key without that limit.',
        );
      }
      return new AccountCheckError(
        'application-key',
        'The panel refused this key for the client API. Use a client key (Account → API Credentials), not an application key.',
      );
    case 'two-factor-required':
      return new AccountCheckError(
        'two-factor-required',
        'The panel requires two-factor authentication. Enable it for your account in the panel, then try again.',
      );
    case 'rate-limited':
      return new AccountCheckError('rate-limited', 'The panel is limiting requests right now. Wait a minute and try again.');
    case 'maintenance':
      return new AccountCheckError('maintenance', 'The panel is in maintenance mode. Try again once it is back.');
    default:
      return new AccountCheckError('unexpected', `The panel answered with an error: ${error.message}`);
  }
}

// ── notices (issue 15) ──
/** True when the person typed no scheme (`127.0.0.1:44877`, `panel.example.com`): https is a guess. */
export function hasNoScheme(input: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim());
}

/**
 * The address to suggest when https was only a guess and failed in a way plain http explains: a
 * refused TLS handshake anywhere (an http server answering https), or any failure on this machine
 * (a local panel or the sim without TLS). Null when http would not help.
 */
export function httpSuggestion(typed: string, url: string, error: unknown): string | null {
  if (!hasNoScheme(typed) || !(error instanceof PanelError)) return null;
  const isLoopback = isLoopbackHost(new URL(url).hostname);
  if (error.kind === 'tls' || (isLoopback && error.kind === 'network')) return url.replace(/^https:/, 'http:');
  return null;
}

/**
 * Checks a URL and key against the panel: `GET /account` proves the key, and one page of the
 * server list proves it can be used (the panel exempts `/account` from its 2FA requirement).
 */
export async function checkAccount(
  input: { url: string; apiKey: string; allowPlainHttp?: boolean },
  createClient: (conn: PanelConnection) => ClientApi & { dispose?(): void },
): Promise<AccountCheckResult> {
  const url = normalizePanelUrl(input.url);
  const apiKey = checkKeyShape(input.apiKey);
  // A plain-http panel off this machine is refused here, before the key is sent (PanelClient).
  const client = createClient({ url, apiKey, allowPlainHttp: input.allowPlainHttp === true });
  try {
    const account = await client.getAccount();
    const page = await client.listServersPage(1, { perPage: 1 });
    return { url, username: account.username, email: account.email, isAdmin: account.isAdmin, serverCount: page.pagination.total };
  } catch (error) {
    const suggestion = httpSuggestion(input.url, url, error);
    if (suggestion !== null) {
      throw new AccountCheckError(
        'https-failed',
        `${new URL(url).host} did not answer over https (an address without http:// or https:// is tried with https). Did you mean ${suggestion}?`,
      );
    }
    throw explain(error, url);
  } finally {
    client.dispose?.();
  }
}
