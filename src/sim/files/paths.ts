/**
 * Server-relative paths. Wings resolves every path inside `/home/container`; a path that climbs
 * above it is refused rather than clamped, so `../` in a rename moves within the root only.
 */

/** Segments of a normalised path, or null when it escapes the root. Trailing spaces survive (§1.2). */
export function splitPath(path: string): string[] | null {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return out;
}

/** `/a/b` form, or null when it escapes the root. */
export function normalizePath(path: string): string | null {
  const segments = splitPath(path);
  return segments === null ? null : `/${segments.join('/')}`;
}

/** `root` joined with a relative (or `/`-leading) name, as Wings joins request roots and names. */
export function joinPath(root: string, name: string): string | null {
  return normalizePath(`${root}/${name}`);
}

/** The last segment ('' for the root). */
export function baseName(path: string): string {
  const segments = splitPath(path) ?? [];
  return segments[segments.length - 1] ?? '';
}

/** The parent directory in `/a` form. */
export function parentPath(path: string): string {
  const segments = splitPath(path) ?? [];
  return `/${segments.slice(0, -1).join('/')}`;
}
