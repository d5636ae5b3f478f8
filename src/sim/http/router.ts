/**
 * A small method + path router. Each route has a key (`GET /api/client/servers/:server/resources`)
 * that names it in the request log, in fault specs and in `requestCount`.
 */

/** What every route has. */
export interface RouteBase {
  method: string;
  /** `/api/client/servers/:server/files/list`; `:name` matches one segment. */
  path: string;
}

/** A match: the route, its key and the decoded parameters. */
export interface RouteMatch<R extends RouteBase> {
  route: R;
  key: string;
  params: Record<string, string>;
}

interface Compiled<R> {
  route: R;
  key: string;
  segments: string[];
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Matches requests to routes. */
export class Router<R extends RouteBase> {
  private readonly routes: Compiled<R>[] = [];

  /** Adds routes; the first matching route wins. */
  add(...routes: R[]): this {
    for (const route of routes) {
      this.routes.push({ route, key: `${route.method} ${route.path}`, segments: route.path.split('/').filter(Boolean) });
    }
    return this;
  }

  /** The route for a method and path; `allowed` lists other methods when only the path matched. */
  match(method: string, path: string): RouteMatch<R> | { allowed: string[] } | null {
    const parts = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const compiled of this.routes) {
      const params = matchSegments(compiled.segments, parts);
      if (!params) continue;
      if (compiled.route.method !== method) {
        allowed.push(compiled.route.method);
        continue;
      }
      return { route: compiled.route, key: compiled.key, params };
    }
    return allowed.length > 0 ? { allowed } : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] ?? '';
    const decoded = decodeSegment(parts[i] ?? '');
    if (decoded === null) return null;
    if (expected.startsWith(':')) params[expected.slice(1)] = decoded;
    else if (expected !== decoded) return null;
  }
  return params;
}
