/**
 * The last console lines of every followed server, so a crash's incident can say what the server
 * printed before it died and what Wings said after (wings-lines.ts). Kept small and per server:
 * 500 servers keep at most RING_LINES plain lines each.
 */
import { isCrashLine } from '../rules/crash-detector';
import { serverKey } from '../../shared/server-key';
import type { ServerRef } from '../../shared/types';
import { CRASH_SIGNAL_WINDOW_MS } from '../rules/crash-detector';
import { MAX_LINE_CHARS, plainConsoleLine, wingsExitOf, type WingsExit } from './wings-lines';

/** Lines kept per server: the crash's 20, Wings' own lines around it, and some slack. */
export const RING_LINES = 40;
/** Lines of the game's output an incident keeps from before the crash. */
export const CRASH_LINES = 20;
/** A raw line is cut here before it is kept: room for its ANSI escapes around MAX_LINE_CHARS of text. */
const RAW_LINE_CHARS = MAX_LINE_CHARS * 2;

interface RingLine {
  text: string;
  atMs: number;
}

/** What a crash left in the console. */
export interface CrashConsole extends WingsExit {
  /** Oldest first, plain text, at most CRASH_LINES. */
  lastLines: string[];
}

export class ConsoleRing {
  readonly #rings = new Map<string, RingLine[]>();

  /** Keeps one line as it came (cut to a bounded length); it is made plain only if a crash reads it. */
  push(ref: ServerRef, text: string, atMs: number): void {
    const key = serverKey(ref);
    let ring = this.#rings.get(key);
    if (!ring) {
      ring = [];
      this.#rings.set(key, ring);
    }
    // Every line of every followed server passes here: no regex work until a crash needs the text.
    ring.push({ text: text.length > RAW_LINE_CHARS ? text.slice(0, RAW_LINE_CHARS) : text, atMs });
    if (ring.length > RING_LINES) ring.splice(0, ring.length - RING_LINES);
  }

  /**
   * The lines before the crash that began at `crashAtMs`, and Wings' exit code and OOM flag from its
   * lines after the banner. Without a banner in the crash's window (a crash seen only as an
   * unexpected offline), the last lines as they stand and no exit code.
   */
  crash(ref: ServerRef, crashAtMs: number): CrashConsole {
    const ring = (this.#rings.get(serverKey(ref)) ?? []).map((line) => ({ text: plainConsoleLine(line.text), atMs: line.atMs }));
    let banner = -1;
    for (let i = ring.length - 1; i >= 0; i--) {
      const line = ring[i];
      if (line && line.atMs >= crashAtMs - CRASH_SIGNAL_WINDOW_MS && isCrashLine(line.text)) {
        banner = i;
        break;
      }
    }
    const before = (banner === -1 ? ring : ring.slice(0, banner)).filter((l) => l.text.trim() !== '');
    const exit = banner === -1 ? { exitCode: null, oomKilled: null } : wingsExitOf(ring.slice(banner + 1).map((l) => l.text));
    return { ...exit, lastLines: before.slice(-CRASH_LINES).map((l) => l.text) };
  }

  /** Forgets a server no longer followed. */
  forget(ref: ServerRef): void {
    this.#rings.delete(serverKey(ref));
  }

  clear(): void {
    this.#rings.clear();
  }
}
