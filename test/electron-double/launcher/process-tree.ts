/**
 * Finds processes through /proc (Linux), so a test can prove the browser is gone after close.
 * A zombie (exited, not yet reaped by init) counts as gone.
 */
import { readdirSync, readFileSync } from 'node:fs';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

// /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces and parentheses.
function stat(pid: number): { state: string; ppid: number } | undefined {
  const text = read(`/proc/${pid}/stat`);
  const rest = text?.slice(text.lastIndexOf(')') + 2).split(' ');
  return rest?.[0] && rest[1] ? { state: rest[0], ppid: Number(rest[1]) } : undefined;
}

/** Is `pid` a live (non-zombie) process? */
export function isRunning(pid: number): boolean {
  const info = stat(pid);
  return info !== undefined && info.state !== 'Z' && info.state !== 'X';
}

/**
 * Live processes whose command line contains `argument` (which must have no spaces). Chromium
 * sometimes rewrites its /proc cmdline as one space-joined string (seen inside a D-Bus session),
 * so split on both NUL and space.
 */
export function pidsWithArgument(argument: string): number[] {
  return allPids().filter((pid) => isRunning(pid) && (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/).includes(argument));
}

/** Every live descendant of `root`. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const info = stat(pid);
    if (!info || !isRunning(pid)) continue;
    children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}
