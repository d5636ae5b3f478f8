/** Waiting in the bench: measurement windows are real time by design; readiness is polled. */

/** Resolves after `ms` (a measurement window, not a wait for an event). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves with the time it took once `predicate` holds, checked every `everyMs`; rejects with
 * `what` in the message after `timeoutMs`.
 */
export async function waitUntil(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<number> {
  const startedAt = Date.now();
  for (;;) {
    if (await predicate()) return Date.now() - startedAt;
    if (Date.now() - startedAt > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
