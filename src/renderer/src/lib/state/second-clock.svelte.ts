/**
 * The time now, to the second, for countdowns ("answers again in 42 s"). One timer for the whole
 * page, running only while something on screen reads it (svelte/reactivity's createSubscriber).
 */
import { createSubscriber } from 'svelte/reactivity';

class SecondClock {
  readonly #subscribe = createSubscriber((update) => {
    const timer = setInterval(update, 1000);
    return () => clearInterval(timer);
  });

  /** Epoch ms; read in a reactive context, it is read again every second. */
  get nowMs(): number {
    this.#subscribe();
    return Date.now();
  }
}

export const secondClock = new SecondClock();
