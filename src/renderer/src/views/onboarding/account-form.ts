/**
 * The logic of the "add a panel" form, apart from its markup: which field a problem belongs to,
 * and what to check before asking main.
 */
import { isIpcFailure } from '../../../../shared/ipc-failure';
import { errorMessage } from '../../lib/api';
import { t } from '../../lib/strings';
import { isPlainNetworkAddress } from '../../../../shared/transport';

export type FormField = 'url' | 'apiKey' | 'form';
export type FieldErrors = Partial<Record<FormField, string>>;

/** `reason` of a `validation` failure of accounts:check / accounts:add, by the field it is about. */
const FIELD_OF_PROBLEM: Record<string, FormField> = {
  'invalid-url': 'url',
  unreachable: 'url',
  'not-a-panel': 'url',
  tls: 'url',
  // ── notices (issue 15) ──
  'https-failed': 'url',
  timeout: 'url',
  maintenance: 'url',
  'insecure-transport': 'url',
  'empty-key': 'apiKey',
  'application-key': 'apiKey',
  'key-rejected': 'apiKey',
  'ip-not-allowed': 'apiKey',
  'two-factor-required': 'apiKey',
};

/** Where to show a failed check or add: next to the URL, the key, or above the buttons. */
export function fieldOf(error: unknown): FormField {
  if (!isIpcFailure(error)) return 'form';
  if (error.code === 'validation' && error.reason) return FIELD_OF_PROBLEM[error.reason] ?? 'form';
  // Failures of the transport itself are about the address too.
  if (error.code === 'network' || error.code === 'timeout') return 'url';
  if (error.code === 'auth') return 'apiKey';
  if (error.code === 'insecure-transport') return 'url';
  return 'form';
}

/** The error of a failed call, placed on its field. */
export function errorsFor(error: unknown): FieldErrors {
  return { [fieldOf(error)]: errorMessage(error) };
}

/** What can be told without asking main: both fields are needed (main checks the rest). */
export function missingFields(url: string, apiKey: string): FieldErrors {
  const errors: FieldErrors = {};
  if (url.trim() === '') errors.url = t.onboarding.form.urlRequired;
  if (apiKey.trim() === '') errors.apiKey = t.onboarding.form.keyRequired;
  return errors;
}

/**
 * True when the typed address would send the key in clear text over a network (http:// and not
 * this machine): the form then asks for the explicit choice. An address without a scheme gets
 * https in main, so it is not plain.
 */
export function isPlainAddress(url: string): boolean {
  const text = url.trim();
  return /^http:\/\//i.test(text) && isPlainNetworkAddress(text);
}

// ── notices (issue 15) ──
/**
 * The http address to offer after main tried https on an address typed without a scheme and it
 * failed where http may answer (`https-failed`), or null. Built from what was typed, so the
 * person sees their own address with http:// in front.
 */
export function httpGuessOf(error: unknown, typed: string): string | null {
  if (!isIpcFailure(error) || error.code !== 'validation' || error.reason !== 'https-failed') return null;
  const text = typed.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? null : `http://${text}`;
}

/** True when main could not store the key and the person may choose to keep it for this session. */
export function isKeychainUnavailable(error: unknown): boolean {
  return isIpcFailure(error) && error.code === 'keychain-unavailable';
}
