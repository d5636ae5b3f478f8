/**
 * The key-exposure search: every form an API key could leak in, and where to look for it beyond
 * files and output: the arguments and environment of processes (Linux /proc).
 */
import { readFileSync } from 'node:fs';
import { descendantsOf } from '../../electron-double/launcher/process-tree';

/** Every form the key could leak in: whole, its 32-character secret, base64 of either. */
export function needlesOf(key: string): string[] {
  const secret = key.slice(16);
  return [key, secret, Buffer.from(key).toString('base64'), Buffer.from(secret).toString('base64').slice(0, 40)];
}

/** The first needle found in `text`, or null. */
export function findIn(text: string, needles: readonly string[]): string | null {
  return needles.find((n) => text.includes(n)) ?? null;
}

/** One process's command line and environment as /proc has them (NUL-separated), or why not. */
export interface ProcessText {
  pid: number;
  cmdline: string | null;
  environ: string | null;
}

function readProc(pid: number, file: 'cmdline' | 'environ'): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`).toString('latin1');
  } catch {
    // Gone since it was listed, or not ours to read.
    return null;
  }
}

/** `roots` and every live descendant of each, with what /proc shows of them. */
export function processTree(roots: readonly number[]): ProcessText[] {
  const pids = [...new Set([...roots, ...roots.flatMap((pid) => descendantsOf(pid))])];
  return pids.map((pid) => ({ pid, cmdline: readProc(pid, 'cmdline'), environ: readProc(pid, 'environ') }));
}

/** `where` for each process whose arguments or environment hold a needle. */
export function processesHolding(processes: readonly ProcessText[], needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const p of processes) {
    const command = (p.cmdline ?? '').split('\0')[0] ?? '?';
    if (findIn(p.cmdline ?? '', needles) !== null) found.push(`the arguments of ${p.pid} (${command})`);
    if (findIn(p.environ ?? '', needles) !== null) found.push(`the environment of ${p.pid} (${command})`);
  }
  return found;
}
