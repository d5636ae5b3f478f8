/**
 * POSIX paths of a server's files, built as plain strings. Names go to main untouched (main
 * builds the URLs), so a name with spaces, `#`, `%`, `?`, `&`, `+`, unicode or a leading dash is
 * just characters here. Main rejects `..` segments, control characters and names holding `/`, so
 * these helpers never produce them.
 */

/** The server's root folder (`/home/container` on the node). */
export const ROOT = '/';

/** A folder in a breadcrumb trail. */
export interface Crumb {
  /** The folder's own name; `/` for the root. */
  name: string;
  path: string;
}

// Control characters (C0, DEL and C1) are refused by main; refusing them here keeps errors early.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** True when `name` can be one segment of a path: not empty, `.` or `..`, no `/`, no control characters. */
export function isValidName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !CONTROL_CHARS.test(name);
}

/** The segments of an absolute path: `/a/b c/` → `['a', 'b c']`. */
export function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

/** `directory` + `name`: `joinPath('/', 'a')` → `/a`, `joinPath('/a/', 'b')` → `/a/b`. */
export function joinPath(directory: string, name: string): string {
  return `/${[...segments(directory), name].join('/')}`;
}

/** The folder holding `path`; the root's parent is the root. */
export function parentPath(path: string): string {
  const parts = segments(path);
  parts.pop();
  return `/${parts.join('/')}`;
}

/** The last segment of `path`; `/` for the root. */
export function baseName(path: string): string {
  return segments(path).at(-1) ?? ROOT;
}

/** The root, then every folder down to `directory`. */
export function breadcrumbs(directory: string): Crumb[] {
  const crumbs: Crumb[] = [{ name: ROOT, path: ROOT }];
  let path = '';
  for (const part of segments(directory)) {
    path += `/${part}`;
    crumbs.push({ name: part, path });
  }
  return crumbs;
}

/**
 * Resolves what a person typed (`b.txt`, `../old/`, `/plugins/x.jar`) against `base`, folding
 * `.` and `..` here so main never sees them. Null when it climbs above the root, names nothing,
 * or holds a control character.
 */
export function resolvePath(base: string, input: string): string | null {
  if (input.trim() === '' || CONTROL_CHARS.test(input)) return null;
  const parts = input.startsWith('/') ? [] : segments(base);
  for (const part of input.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return `/${parts.join('/')}`;
}

/**
 * Where rename/move sends `name` (a name in `root`) when a person types `input`: a plain name
 * renames in place; a path moves; a path ending in `/` moves into that folder keeping the name.
 * Null when the target is invalid, the root itself, the item's own place or inside itself.
 */
export function moveTarget(root: string, name: string, input: string): string | null {
  // Not trimmed: a name may begin or end with a space, and the panel keeps it.
  const resolved = resolvePath(root, input);
  if (resolved === null) return null;
  const target = input.endsWith('/') ? joinPath(resolved, name) : resolved;
  // A folder cannot move into itself; the item's own place is no move at all.
  if (target === ROOT || isWithin(target, joinPath(root, name))) return null;
  return target;
}

/** True when `path` is `directory` or inside it. */
export function isWithin(path: string, directory: string): boolean {
  const inner = segments(path);
  const outer = segments(directory);
  return outer.every((part, i) => inner[i] === part);
}
