/**
 * The Fractal envelope (pterodactyl-api.md §1.2): items are `{object, attributes}`, lists are
 * `{object:"list", data:[items]}`, pagination lives in `meta.pagination`. Simplified panels put
 * objects straight into `data[]`; both are accepted (`item.attributes ?? item`).
 */
import type { Page, Pagination } from '../models';
import { MAX_LIST_ITEMS, badResponse, describeType, field, isPoisonedKey, isRecord, optNumber, type JsonRecord } from './guards';

/**
 * Parses JSON text from a panel. Prototype-polluting keys are dropped while parsing; HTML or any
 * other non-JSON text becomes a `bad-response` PanelError.
 */
export function parseJson(text: string): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) {
    throw badResponse('got an HTML page instead of JSON (is the URL the panel itself, not a login or proxy page?)');
  }
  try {
    return JSON.parse(text, (key, value: unknown) => (isPoisonedKey(key) ? undefined : value));
  } catch {
    throw badResponse('the body is not valid JSON');
  }
}

/** The attributes of one item (`item.attributes ?? item`); must be an object. */
export function unwrapItem(raw: unknown, what: string): JsonRecord {
  if (!isRecord(raw)) throw badResponse(`${what} should be an object, got ${describeType(raw)}`);
  const attributes = field(raw, 'attributes');
  if (attributes === undefined) return raw;
  if (!isRecord(attributes)) throw badResponse(`${what}.attributes should be an object, got ${describeType(attributes)}`);
  return attributes;
}

/** The raw entries of a list body (`data` must be an array), capped in count. */
export function listEntries(raw: unknown, what: string): unknown[] {
  if (!isRecord(raw)) throw badResponse(`${what} list should be an object, got ${describeType(raw)}`);
  const data = field(raw, 'data');
  if (!Array.isArray(data)) throw badResponse(`${what} list .data should be an array, got ${describeType(data)}`);
  return data.slice(0, MAX_LIST_ITEMS);
}

/** Every entry of a list, each parsed strictly: one malformed entry fails the whole answer. */
export function parseList<T>(raw: unknown, what: string, parse: (attrs: JsonRecord) => T): T[] {
  return listEntries(raw, what).map((entry) => parse(unwrapItem(entry, what)));
}

/**
 * A relationship inside `attributes.relationships` (a list, an item or a null_resource). Entries
 * that do not parse are skipped: a relationship is extra detail and must not fail its parent.
 */
export function parseRelationshipList<T>(attrs: JsonRecord, name: string, parse: (attrs: JsonRecord) => T): T[] {
  const rel = relationship(attrs, name);
  if (!isRecord(rel) || !Array.isArray(field(rel, 'data'))) return [];
  const out: T[] = [];
  for (const entry of listEntries(rel, name)) {
    try {
      out.push(parse(unwrapItem(entry, name)));
    } catch {
      // A single odd entry is dropped rather than hiding the whole server.
    }
  }
  return out;
}

/** The attributes of a single-item relationship, or null for a null_resource or absence. */
export function relationshipItem(attrs: JsonRecord, name: string): JsonRecord | null {
  const rel = relationship(attrs, name);
  if (!isRecord(rel)) return null;
  const inner = field(rel, 'attributes');
  return isRecord(inner) ? inner : null;
}

function relationship(attrs: JsonRecord, name: string): unknown {
  const rels = field(attrs, 'relationships');
  return isRecord(rels) ? field(rels, name) : undefined;
}

/** The top-level `meta` object, or an empty one. */
export function meta(raw: unknown): JsonRecord {
  if (!isRecord(raw)) return {};
  const value = field(raw, 'meta');
  return isRecord(value) ? value : {};
}

/** Largest `total_pages` believed; a panel claiming more is lying or broken. */
export const MAX_PAGES = 1000;

/** `meta.pagination`, or a single page describing `count` items when the panel sends none. */
export function parsePagination(raw: unknown, count: number, requestedPage: number): Pagination {
  const p = field(meta(raw), 'pagination');
  if (!isRecord(p)) {
    return { total: count, count, perPage: count, currentPage: requestedPage, totalPages: 1 };
  }
  const totalPages = Math.trunc(optNumber(field(p, 'total_pages'), 1));
  return {
    total: Math.max(0, optNumber(field(p, 'total'), count)),
    count: Math.max(0, optNumber(field(p, 'count'), count)),
    perPage: Math.max(0, optNumber(field(p, 'per_page'), count)),
    currentPage: Math.trunc(optNumber(field(p, 'current_page'), requestedPage)),
    totalPages: Math.min(MAX_PAGES, Math.max(1, totalPages)),
  };
}

/** A list body as a Page. */
export function parsePage<T>(raw: unknown, what: string, requestedPage: number, parse: (a: JsonRecord) => T): Page<T> {
  const items = parseList(raw, what, parse);
  return { items, pagination: parsePagination(raw, items.length, requestedPage) };
}
