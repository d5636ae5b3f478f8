/**
 * Turns what a person pastes into a panel URL we can build on: a missing scheme becomes https,
 * trailing slashes and a pasted `/api/client` go, credentials, query and fragment are dropped.
 * A sub-path (a panel served under `/panel`) is kept.
 */
import { PanelError } from './errors';

function invalid(message: string): PanelError {
  return new PanelError({ kind: 'validation', message });
}

/** The panel's base URL without `/api/client` or a trailing slash, e.g. `https://panel.example.com`. */
export function normalizePanelUrl(input: string): string {
  let text = typeof input === 'string' ? input.trim() : '';
  if (text === '') throw invalid('The panel URL is empty.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('The panel URL is not a valid address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`The panel URL must start with https:// or http://, not ${url.protocol}//.`);
  }
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/api\/client$/i, '')
    .replace(/\/+$/, '');
  // username/password, query and fragment are dropped on purpose: the key is the only credential.
  return `${url.origin}${path}`;
}
