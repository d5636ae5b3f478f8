/**
 * Small readers that turn untrusted JSON into typed values. A panel is a remote party: fields may
 * be missing, wrong-typed, absurdly large or named to pollute prototypes. Optional fields fall back
 * to defaults; a wrong-typed required field becomes a `bad-response` PanelError, never a TypeError.
 */
import { PanelError } from '../errors';

/** A JSON object as read from the panel. */
export type JsonRecord = Record<string, unknown>;

/** Keys that must never be copied from panel JSON into our objects. */
const POISONED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Longest string kept from any field; a longer one is cut (a 100 MB "name" is not a name). */
export const MAX_STRING_LENGTH = 64 * 1024;

/** Most entries kept from any one list; the rest are dropped. */
export const MAX_LIST_ITEMS = 10_000;

/** True for keys that could pollute a prototype when copied. */
export function isPoisonedKey(key: string): boolean {
  return POISONED_KEYS.has(key);
}

/** A `bad-response` error naming what was wrong, for the normalisers. */
export function badResponse(message: string): PanelError {
  return new PanelError({ kind: 'bad-response', message: `The panel sent an unexpected answer: ${message}.` });
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only, so `toString` or `__proto__` never leak in from the prototype. */
export function field(obj: JsonRecord, key: string): unknown {
  return Object.hasOwn(obj, key) && !isPoisonedKey(key) ? obj[key] : undefined;
}

/** The first of `keys` that is present (not undefined and not null). */
export function firstField(obj: JsonRecord, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = field(obj, key);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

function cap(value: string): string {
  return value.length > MAX_STRING_LENGTH ? value.slice(0, MAX_STRING_LENGTH) : value;
}

/** A required string; anything else is a bad response. */
export function reqString(obj: JsonRecord, key: string, what: string): string {
  const value = field(obj, key);
  if (typeof value !== 'string') throw badResponse(`${what}.${key} should be a string, got ${describeType(value)}`);
  return cap(value);
}

/** An optional string; numbers are stringified, anything else gives `fallback`. */
export function optString<T extends string | null>(value: unknown, fallback: T): string | T {
  if (typeof value === 'string') return cap(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fallback;
}

/** A finite number, accepting numeric strings; anything else gives `fallback`. */
export function optNumber<T extends number | null>(value: unknown, fallback: T): number | T {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return fallback;
}

/** A required finite number; anything else is a bad response. */
export function reqNumber(obj: JsonRecord, key: string, what: string): number {
  const value = optNumber(field(obj, key), null);
  if (value === null) throw badResponse(`${what}.${key} should be a number, got ${describeType(field(obj, key))}`);
  return value;
}

/** A boolean, accepting 0/1 as some panels' PHP serialises them; else `fallback`. */
export function optBool<T extends boolean | null>(value: unknown, fallback: T): boolean | T {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  return fallback;
}

/** An array of strings, dropping non-strings and capping the count. */
export function stringArray(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .slice(0, MAX_LIST_ITEMS)
    .filter((v): v is string => typeof v === 'string')
    .map(cap);
}

/** A copy of a JSON object without prototype-polluting keys, for free-form maps we keep. */
export function safeRecord(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value).slice(0, MAX_LIST_ITEMS)) {
    if (!isPoisonedKey(key)) out[key] = v;
  }
  return out;
}

/** A readable type name for error messages (never the value: it may be huge or hostile). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.trimStart().startsWith('<') ? 'an HTML page' : 'a string';
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}
