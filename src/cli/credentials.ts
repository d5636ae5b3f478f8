/**
 * Where the CLI finds a panel and its key. Today: the environment. Later: the app's saved
 * accounts (`--account <name>`), which will implement the same interface.
 */
import type { PanelConnection } from '../core/api/client-types';
import { normalizePanelUrl } from '../core/api/base-url';
import { UsageError } from './args';

export const PANEL_URL_ENV = 'PTEROTRAY_PANEL_URL';
export const API_KEY_ENV = 'PTEROTRAY_API_KEY';

/** A place credentials come from. `resolve` throws UsageError when they are missing or malformed. */
export interface CredentialSource {
  /** Where the credentials came from, for messages (never the key). */
  readonly description: string;
  resolve(): Promise<PanelConnection>;
}

/** `PTEROTRAY_PANEL_URL` and `PTEROTRAY_API_KEY`. */
export class EnvCredentialSource implements CredentialSource {
  readonly description = `${PANEL_URL_ENV} and ${API_KEY_ENV}`;

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  async resolve(): Promise<PanelConnection> {
    const rawUrl = this.env[PANEL_URL_ENV]?.trim() ?? '';
    const apiKey = this.env[API_KEY_ENV]?.trim() ?? '';
    if (rawUrl === '' || apiKey === '') {
      throw new UsageError(`no panel configured: set ${PANEL_URL_ENV} and ${API_KEY_ENV}`);
    }
    return { url: normalisePanelUrl(rawUrl), apiKey };
  }
}

/** The app's saved accounts: not readable from the CLI yet. */
export class SavedAccountCredentialSource implements CredentialSource {
  readonly description: string;

  constructor(readonly accountName: string) {
    this.description = `saved account '${accountName}'`;
  }

  async resolve(): Promise<PanelConnection> {
    throw new UsageError(`--account is not yet available: set ${PANEL_URL_ENV} and ${API_KEY_ENV}`);
  }
}

/** `--account` wins over the environment when given. */
export function chooseCredentialSource(
  account: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): CredentialSource {
  return account === undefined ? new EnvCredentialSource(env) : new SavedAccountCredentialSource(account);
}

/**
 * The core's URL rules (scheme added, `/api/client` and trailing slashes dropped); a URL it
 * refuses is the caller's mistake, so a usage error here rather than a panel error.
 */
export function normalisePanelUrl(raw: string): string {
  try {
    return normalizePanelUrl(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it is not a valid address';
    throw new UsageError(`${PANEL_URL_ENV} is not usable: ${reason}`);
  }
}
