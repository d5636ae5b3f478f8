/**
 * The latest AppSnapshot the app pushed, and waiting on it: a predicate is checked on every push
 * (never on a timer); the only timer is the deadline.
 */
import { emptySnapshot } from '../runtime/recorder';
import type { AppSnapshot } from '../shared/snapshot';

/** What waitFor accepts: return something truthy when the state is reached. */
export type SnapshotPredicate<T> = (snapshot: AppSnapshot) => T | undefined | null | false;

export interface WaitOptions {
  timeoutMs?: number;
  /** Says what was awaited in the timeout error. */
  message?: string;
}

/** Keeps the latest snapshot and wakes waiters. */
export class SnapshotStore {
  current: AppSnapshot = { ...emptySnapshot(), pid: 0 };
  private readonly waiters = new Set<() => void>();
  private exitReason: string | undefined;

  constructor(private readonly describeFailure: () => string) {}

  update(snapshot: AppSnapshot): void {
    if (snapshot.seq < this.current.seq) return;
    this.current = snapshot;
    for (const wake of [...this.waiters]) wake();
  }

  /** No more pushes will come. */
  end(reason: string): void {
    this.exitReason = reason;
    for (const wake of [...this.waiters]) wake();
  }

  waitFor<T>(predicate: SnapshotPredicate<T>, timeoutMs: number, message?: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(deadline);
        this.waiters.delete(check);
      };
      const fail = (why: string): void => {
        finish();
        const what = message ?? predicate.toString().slice(0, 200);
        reject(new Error(`waitFor(${what}) ${why}\n${this.describeFailure()}`));
      };
      const check = (): void => {
        let value: T | undefined | null | false;
        try {
          value = predicate(this.current);
        } catch (error) {
          fail(`threw: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        if (value) {
          finish();
          resolve(value);
        } else if (this.exitReason !== undefined) {
          fail(`cannot happen any more: ${this.exitReason}`);
        }
      };
      const deadline = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}
