/**
 * One read of a server's page (backups, schedules, …) and its states, for every tab of issue 13:
 * loading, loaded, failed, or refused for a missing permission. A reload keeps the last value on
 * screen while it runs (the list does not blink), and an answer that arrives after a newer
 * request started is dropped, so a slow first load never overwrites a fresh one.
 */
import { isIpcFailure } from '../../../../shared/ipc-failure';
import type { IpcErrorCode } from '../../../../shared/types';

export type ResourceStatus = 'loading' | 'ready' | 'error' | 'forbidden';

export interface ResourceFailure {
  code: IpcErrorCode | 'unknown';
  message: string;
  retryAfterMs: number | undefined;
}

export function failureOf(error: unknown): ResourceFailure {
  if (isIpcFailure(error)) return { code: error.code, message: error.message, retryAfterMs: error.retryAfterMs };
  return { code: 'unknown', message: error instanceof Error ? error.message : String(error), retryAfterMs: undefined };
}

export class Resource<T> {
  value = $state<T | undefined>(undefined);
  failure = $state<ResourceFailure | null>(null);
  isLoading = $state(false);
  #load: () => Promise<T>;
  #generation = 0;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** `loading` only before the first answer; later reloads keep showing the last value. */
  get status(): ResourceStatus {
    if (this.failure?.code === 'forbidden') return 'forbidden';
    if (this.failure && this.value === undefined) return 'error';
    if (this.value === undefined) return 'loading';
    return 'ready';
  }

  /** Loads (again). Resolves when this load ended, whatever its outcome; never rejects. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.isLoading = true;
    try {
      const value = await this.#load();
      if (generation !== this.#generation) return;
      this.value = value;
      this.failure = null;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.failure = failureOf(error);
      // A refusal means what was shown may no longer be this key's to see.
      if (this.failure.code === 'forbidden') this.value = undefined;
    } finally {
      if (generation === this.#generation) this.isLoading = false;
    }
  }

  /** Replaces the value after a write answered with the new state (no reload needed). */
  set(value: T): void {
    ++this.#generation;
    this.value = value;
    this.failure = null;
    this.isLoading = false;
  }
}
