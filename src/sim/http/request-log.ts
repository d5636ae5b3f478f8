/**
 * The request log and fault registry, shared by the panel and the Wings listener. A route spec is
 * a route key (`GET /api/client/servers/:server/resources`), a route path without the method, a
 * substring of the request path, or a RegExp tested against the path.
 */
import type { SimFault, SimFaultSpec, SimRequestLogEntry } from '../types';

const METHOD_PREFIX = /^[A-Z]+ \//;
/** The log keeps this many entries; exact route keys are also counted separately, without limit. */
const MAX_LOG_ENTRIES = 100_000;

/** True when `spec` selects the request with route `key` and path `path`. */
export function routeMatches(spec: string | RegExp | undefined, key: string, path: string): boolean {
  if (spec === undefined) return true;
  if (spec instanceof RegExp) {
    spec.lastIndex = 0;
    return spec.test(path);
  }
  if (spec === key) return true;
  if (METHOD_PREFIX.test(spec)) return false;
  return key.slice(key.indexOf(' ') + 1) === spec || path.includes(spec);
}

/** Every request the sim answered, for `requestCount` and `requestLog`. */
export class RequestLog {
  private entries: SimRequestLogEntry[] = [];
  private readonly byKey = new Map<string, number>();
  private total = 0;

  /** Adds an entry (status 0 until answered) and returns it for the responder to complete. */
  record(entry: Omit<SimRequestLogEntry, 'status'>): SimRequestLogEntry {
    const full: SimRequestLogEntry = { ...entry, status: 0 };
    this.entries.push(full);
    if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
    this.byKey.set(entry.route, (this.byKey.get(entry.route) ?? 0) + 1);
    this.total++;
    return full;
  }

  /** Requests so far, all or those matching a route spec. */
  count(route?: string | RegExp): number {
    if (route === undefined) return this.total;
    if (typeof route === 'string' && this.byKey.has(route)) return this.byKey.get(route) ?? 0;
    return this.entries.filter((e) => routeMatches(route, e.route, e.path)).length;
  }

  /** A copy of the log, oldest first. */
  snapshot(): SimRequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** Forgets everything. */
  reset(): void {
    this.entries = [];
    this.byKey.clear();
    this.total = 0;
  }
}

const FAULT_TYPES = new Set(['status', 'delay', 'reset', 'malformed', 'html', 'truncate']);

/** Faults waiting for their next matching requests. */
export class FaultRegistry {
  private faults: Array<{ spec: SimFaultSpec; remaining: number }> = [];

  /** Queues a fault; throws on a spec that cannot work. */
  inject(spec: SimFaultSpec): void {
    const fault = spec.fault as SimFault | undefined;
    if (!fault || !FAULT_TYPES.has(fault.type)) throw new TypeError(`sim: unknown fault ${JSON.stringify(fault)}`);
    if (fault.type === 'status' && !(fault.status >= 100 && fault.status <= 599)) throw new TypeError('sim: a status fault needs a status');
    if (fault.type === 'delay' && !(fault.ms >= 0)) throw new TypeError('sim: a delay fault needs ms >= 0');
    this.faults.push({ spec, remaining: spec.count ?? 1 });
  }

  /** The fault for this request, if any (used up as it is taken). */
  take(method: string, key: string, path: string): SimFault | null {
    for (const entry of this.faults) {
      if (entry.spec.method && entry.spec.method.toUpperCase() !== method) continue;
      if (!routeMatches(entry.spec.route, key, path)) continue;
      entry.remaining--;
      if (entry.remaining <= 0) this.faults.splice(this.faults.indexOf(entry), 1);
      return entry.spec.fault;
    }
    return null;
  }

  /** Drops every pending fault. */
  clear(): void {
    this.faults = [];
  }
}
