/**
 * The key-exposure search: every form an API key could leak in, and where to look for it beyond
 * files and output: the arguments and environment of processes (Linux /proc).
 */
import { readFileSync } from 'node:fs';
import type { SimFault } from '../../../src/sim/types';
import { descendantsOf } from '../../electron-double/launcher/process-tree';

/** Every form the key could leak in: whole, its 32-character secret, base64 of either. */
export function needlesOf(key: string): string[] {
  const secret = key.slice(16);
  return [key, secret, Buffer.from(key).toString('base64'), Buffer.from(secret).toString('base64').slice(0, 40)];
}

/**
 * How a hostile panel echoes the key back, for the app's and the CLI's specs alike: in an error
 * detail (whole and its secret half), a redirect's Location, an HTML error page, a 422's errors.
 */
export function keyEchoFaults(key: string, panelUrl: string): SimFault[] {
  return [
    {
      type: 'status',
      status: 500,
      body: { errors: [{ code: 'HttpException', status: '500', detail: `Bad token Bearer ${key} (secret ${key.slice(16)})` }] },
    },
    { type: 'status', status: 302, headers: { Location: `${panelUrl}/auth/login?token=${key}` } },
    { type: 'status', status: 403, body: `<html><body>Forbidden for Authorization: Bearer ${key}</body></html>` },
    {
      type: 'status',
      status: 422,
      body: {
        errors: [
          { code: 'ValidationException', status: '422', detail: key },
          { code: 'ValidationException', status: '422', detail: `again ${key.slice(16)}` },
        ],
      },
    },
  ];
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
