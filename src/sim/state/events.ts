/**
 * Per-server event bus carrying Wings websocket frames (§5.4). The state machine publishes; each
 * authenticated socket of that server subscribes.
 */
import type { Disposer } from '../../core/util/deps';

/** A websocket frame: `args` holds only strings (§5.2). */
export interface WingsFrame {
  event: string;
  args?: string[];
}

type Listener = (frame: WingsFrame) => void;

/** Subscribers keyed by server uuid. */
export class ServerEvents {
  private readonly listeners = new Map<string, Set<Listener>>();

  /** Listens to one server's frames; the disposer unsubscribes. */
  subscribe(uuid: string, listener: Listener): Disposer {
    let set = this.listeners.get(uuid);
    if (!set) {
      set = new Set();
      this.listeners.set(uuid, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(uuid);
    };
  }

  /** Sends a frame to every subscriber of the server. */
  publish(uuid: string, frame: WingsFrame): void {
    const set = this.listeners.get(uuid);
    if (!set) return;
    for (const listener of [...set]) listener(frame);
  }

  /** How many sockets listen to a server. */
  subscriberCount(uuid: string): number {
    return this.listeners.get(uuid)?.size ?? 0;
  }
}
