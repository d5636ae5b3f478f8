/**
 * Keeps the last known state of every server on disk (userData/last-states.json), so that at
 * the next start every row shows at once what was last seen, with its age and never as live
 * (state-cache.ts, ServerRegistry.seed), while the live states come in within the panel's budget.
 *
 * Written atomically (a sibling temp file renamed over the old one), only when a state or the
 * list changed (debounced), at least every few minutes while anything is live so the ages it
 * gives stay honest after a crash, and once more, synchronously, when the app quits.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CachedAccount } from '../../core/monitor/state-cache';
import { parseStateCache, serializeStateCache } from '../../core/monitor/state-cache';
import type { Logger } from '../../core/util/deps';

export const LAST_STATES_FILE = 'last-states.json';
/** A change is written this long after it, so a burst of start-up states is one write. */
const DEBOUNCE_MS = 10_000;
/** Live states are written at least this often, so a crash leaves ages at most this wrong. */
const REFRESH_MS = 5 * 60_000;

/** What the store needs of the monitor. */
export interface StateSource {
  cacheable(): Record<string, CachedAccount>;
}

export interface LastStatesOptions {
  path: string;
  source: StateSource;
  logger: Logger;
  now?: () => number;
  debounceMs?: number;
}

export class LastStatesStore {
  readonly #path: string;
  readonly #source: StateSource;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #refreshTimer: ReturnType<typeof setInterval> | null = null;
  /** What the file holds, less the ages: a write that would change nothing else is skipped. */
  #writtenSignature = '';
  #writing: Promise<void> | null = null;
  #isWanted = false;
  #isDisposed = false;

  constructor(options: LastStatesOptions) {
    this.#path = options.path;
    this.#source = options.source;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  }

  /** The accounts as last kept; none when the file is missing, unreadable or not ours. */
  async load(): Promise<Record<string, CachedAccount>> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.#logger.warn('last states: could not read the file', { error });
      return {};
    }
    const accounts = parseStateCache(text, this.#now());
    this.#writtenSignature = signatureOf(accounts);
    return accounts;
  }

  /** Starts the periodic refresh; changes are reported with `changed()`. */
  start(): void {
    if (this.#refreshTimer !== null || this.#isDisposed) return;
    this.#refreshTimer = setInterval(() => this.#startWrite(true), REFRESH_MS);
    this.#refreshTimer.unref?.();
  }

  /** Something in the monitor changed: write within the debounce if what is kept changed. */
  changed(): void {
    if (this.#timer !== null || this.#isDisposed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#startWrite(false);
    }, this.#debounceMs);
    this.#timer.unref?.();
  }

  /** Writes now, synchronously (the app is quitting), and stops. */
  dispose(): void {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    if (this.#refreshTimer !== null) clearInterval(this.#refreshTimer);
    const accounts = this.#source.cacheable();
    if (!hasStates(accounts) && this.#writtenSignature === '') return;
    const temp = tempPathFor(this.#path);
    try {
      mkdirSync(dirname(this.#path), { recursive: true });
      writeFileSync(temp, serializeStateCache(accounts, this.#now()), { mode: 0o600 });
      renameSync(temp, this.#path);
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing was left to remove (the folder itself is what failed).
      }
      this.#logger.warn('last states: could not write the file at quit', { error });
    }
  }

  /** Resolves once the write under way, if any, is done (for callers that must know). */
  async settled(): Promise<void> {
    while (this.#writing !== null) await this.#writing;
  }

  #startWrite(isRefresh: boolean): void {
    if (this.#isDisposed) return;
    if (this.#writing !== null) {
      this.#isWanted = true; // Once more after this one: the change came after it read the states.
      return;
    }
    this.#writing = this.#write(isRefresh).finally(() => {
      this.#writing = null;
      if (!this.#isWanted) return;
      this.#isWanted = false;
      this.#startWrite(false);
    });
  }

  async #write(isRefresh: boolean): Promise<void> {
    const accounts = this.#source.cacheable();
    const signature = signatureOf(accounts);
    if (!isRefresh && signature === this.#writtenSignature) return;
    if (isRefresh && !hasStates(accounts)) return;
    const temp = tempPathFor(this.#path);
    try {
      await mkdir(dirname(this.#path), { recursive: true });
      await writeFile(temp, serializeStateCache(accounts, this.#now()), { mode: 0o600 });
      await rename(temp, this.#path);
      this.#writtenSignature = signature;
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      this.#logger.warn('last states: could not write the file', { error });
    }
  }
}

/** The kept states without their ages: equal when a write would only move the ages. */
function signatureOf(accounts: Record<string, CachedAccount>): string {
  return JSON.stringify(Object.entries(accounts).map(([id, a]) => [id, a.url, a.servers.map((s) => [s.server.identifier, s.server.name, s.state])]));
}

function hasStates(accounts: Record<string, CachedAccount>): boolean {
  return Object.values(accounts).some((a) => a.servers.length > 0);
}

/** A hidden, unique sibling, so the rename stays on one filesystem. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}
